r = await wait_all([download("a"), download("b")])
print(r)
