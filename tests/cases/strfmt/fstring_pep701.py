x = 3.14159
name = "Ann"
items = ["a", "b"]
print(f"{x=:.2f}", f"{name=!r}", f"{x = }", f"{name = :>6}")
print(f"{"nested same quotes"}", f"{'\n'.join(items)!r}", f"{items[0]!r:^7}")
print(f"{
    x * 2
}", f"{x:{'>'}{10}.{3}f}")
print(f"{{}}{x:.0f}{{{x:.1f}}}")
print(f"{','.join(f'{i:02d}' for i in range(3))}")
print(f"{x!s:.3}", f"{3:+}", f"{-3:=5}", f"{1e6:_.0f}")
d = {"k": {"n": [1, 2]}}
print(f"{d['k']['n'][-1]}", f"{len(d):03}", f"{d!r}")
print(f"{'a' 'b'}", f"{(lambda v: v * 2)(4)}", f"{x if x > 3 else -x}")
