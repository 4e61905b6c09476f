ages = {"ann": 31, "bob": 25}
for k in ages:
    print(k, ages[k])
