x = 5
print(-x, +x, --x, -(-x), ~x, not x)
print(-0, +(-3), -(2 ** 65))
