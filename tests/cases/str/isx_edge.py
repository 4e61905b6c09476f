print("".isdigit(), "".isalpha(), "".isspace(), "".isupper(), "ABC1".isupper(), "abc_".islower())
print("_name".isidentifier(), "2x".isidentifier(), "class".isidentifier(), "é".isidentifier())
print("x" * 3 == "xxx", "Ab".upper().isupper(), "123".isnumeric(), "Ⅻ".isnumeric(), "²".isdigit(), "²".isdecimal())
