width = 10
prec = 3
val = 2.718281828
print(f"{val:{width}.{prec}f}|")
print(f"{val:>{width}}|{val:<{width}.2}|")
fill = "*"
print(f"{'x':{fill}^{width}}")
print(f"{f'{val:.1f}':>6}")
print(f"{'a' if val > 2 else 'b'}", f"{[x * 2 for x in range(3)]}", f"{ {'k': 1}['k'] }")
