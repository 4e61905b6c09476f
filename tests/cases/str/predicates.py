for s in ["abc", "ABC", "Abc", "123", "12.5", "a1", "", " ", "\t\n", "Hello World", "½", "٣"]:
    print(repr(s), s.isalpha(), s.isdigit(), s.isalnum(), s.isupper(), s.islower(),
          s.isspace(), s.istitle(), s.isnumeric(), s.isdecimal(), s.isidentifier())
