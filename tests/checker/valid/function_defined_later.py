def main():
    return helper(3)

def helper(x):
    return x + 1

print(main())
