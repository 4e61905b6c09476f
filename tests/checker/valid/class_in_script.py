class Accumulator:
    def __init__(self):
        self.total = 0

    def add(self, v):
        self.total += v
        return self

acc = Accumulator()
acc.add(1).add(2)
print(acc.total)
