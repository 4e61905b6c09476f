out = []
for i in range(6):
    try:
        if i % 2:
            continue
        out.append(i)
    finally:
        out.append("f")
print(out)
