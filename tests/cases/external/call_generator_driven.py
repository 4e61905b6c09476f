def stream(n):
    for i in range(n):
        yield fetch_chunk(i)
out = []
for chunk in stream(3):
    out.append(chunk.upper())
print(out)
