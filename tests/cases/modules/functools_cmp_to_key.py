from functools import cmp_to_key
import functools
def cmp(a, b):
    return (a > b) - (a < b)
def by_len_then_alpha(a, b):
    if len(a) != len(b):
        return len(a) - len(b)
    return -1 if a < b else (1 if a > b else 0)
words = ["pear", "fig", "apple", "kiwi", "date", "banana", "fig"]
print(sorted(words, key=cmp_to_key(by_len_then_alpha)))
print(sorted(words, key=cmp_to_key(by_len_then_alpha), reverse=True))
nums = [5, 3, 9, 1, 3, 7]
nums.sort(key=functools.cmp_to_key(lambda a, b: b - a)); print(nums)
pairs = [(1, "a"), (0, "b"), (1, "c"), (0, "d")]
print(sorted(pairs, key=cmp_to_key(lambda x, y: x[0] - y[0])))
print(sorted(pairs, key=cmp_to_key(lambda x, y: x[0] - y[0]), reverse=True))
print(min(words, key=cmp_to_key(by_len_then_alpha)), max(words, key=cmp_to_key(by_len_then_alpha)))
def largest_number(ns):
    s = [str(n) for n in ns]
    s.sort(key=cmp_to_key(lambda a, b: int(b + a) - int(a + b)))
    return "".join(s)
print(largest_number([3, 30, 34, 5, 9]), sorted([], key=cmp_to_key(cmp)), sorted([1], key=cmp_to_key(cmp)))
