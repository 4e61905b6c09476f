# xfail: monty: NameError: name 'bytearray' is not defined
ba = bytearray(b"abc")
ba.append(100)
ba[0] = 65
ba.extend(b"xy")
print(ba, len(ba), bytes(ba), ba.decode())
