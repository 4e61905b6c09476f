data = "héllo".encode("utf-8")
print(data.decode(), len(data), data[:2], data.hex(), bytes.fromhex("ff"))
