x = 7
if x > 5:
    print("big")
else:
    print("small")
if x == 3:
    print("three")
elif x == 7:
    print("seven")
else:
    print("other")
