x = 10
x += 5
x -= 3
x *= 2
x //= 5
x **= 3
x %= 50
print(x)
s = "a"
s += "b"
s *= 3
print(s)
l = [1]
l += [2, 3]
l *= 2
print(l)
f = 1.0
f /= 4
print(f)
