n = 0
while has_more(n):
    n += 1
print("pages:", n)
