c = make_client("u")
data = await c.aget("/x")
print(data.decode())
