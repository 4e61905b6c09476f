people = [("ann", 31), ("bob", 25), ("cy", 31), ("di", 19)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: (-p[1], p[0])))
print(sorted(people, key=lambda p: p[1], reverse=True))
nums = [5, -3, 2, -8, 0]
nums.sort(key=abs)
print(nums)
nums.sort(reverse=True)
print(nums)
print(sorted("Banana", key=str.lower), sorted([[2, 1], [1, 2], [1]]))
