try:
    try:
        [][0]
    except IndexError:
        {}["k"]
except KeyError as e:
    print(repr(e), repr(e.__context__), e.__cause__)
