def averager():
    values = []
    def add(v):
        values.append(v)
        return sum(values) / len(values)
    return add
avg = averager()
print(avg(10), avg(20), avg(60))
