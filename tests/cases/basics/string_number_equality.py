print(1 == "1", "1" == 1, 1.0 == "1.0", [] == "", None == 0, 0 == False, "" == False)
print(str(1) == "1", int("1") == 1, float("1") == 1)
