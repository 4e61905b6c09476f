print("apple" < "banana", "apple" < "Apple", "a" * 3 == "aaa", "abc" > "abd")
print(max(["b", "a", "c"]), min("zyx"), "abc" <= "abc", "ab" < "abc")
print(sorted(["b10", "b9", "a100"]))
