import math, statistics
a = 7
b = 2
print(a / b, a // b, a % b, a ** 2, 2 ** -1, -a, +a, ~a, a << 1, a >> 1, a & 3, a | 8, a ^ 1)
x = 3.7
print(int(x), round(x), round(x, 1), math.ceil(x), math.floor(x), abs(-x), x.is_integer(), x.hex() if False else "")
print(divmod(7, 2), pow(2, 8, 5), max(1, 2.5), min([3, 1, 2]), sum([0.1] * 3), float(a), complex(1, 2).real)
print(statistics.mean([1, 2, 3]), statistics.median([1, 3]), statistics.stdev([1.0, 2.0, 3.0]))
print((1).bit_length(), (255).to_bytes(2, "big"), int.from_bytes(b"\x00\x10", "big"), 10 ** 20 + 1)
vals = [1, 2, 3]
avg = sum(vals) / len(vals) if vals else 0
print(f"{avg:.2f}", math.log(8, 2), math.exp(1), math.hypot(3, 4), math.inf > 1, math.isnan(math.nan))
total: float = 0
total += 1
total = total * 1.5
n: int = 0
n += len(vals)
print(total, n, 1 < n <= 10, n == 3.0, True + 1, 3 * "ab", [0] * 3, (1, 2) * 2)
print(convert(100, "USD", "EUR"), get_forecast("x", True), compute_stats([1, 2, 3]))
grid = [[0] * 3 for _ in range(3)]
grid[1][2] = 5
print(grid, sum(map(sum, grid)), sum(sum(r) for r in grid))
print(round(2.5), round(-0.5), int("-3"), float("-0.0"), 1e-3, 0x1F, 0o17, 0b11, 1_000_000)
