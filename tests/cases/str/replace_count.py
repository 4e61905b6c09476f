s = "a-a-a-a"
print(s.replace("-", "+", 2), s.replace("a", "", -1), s.replace("x", "y"), s.replace("-", ""))
print("aaa".replace("a", "aa"), "abab".replace("ab", "ba"), "".replace("", "x"))
