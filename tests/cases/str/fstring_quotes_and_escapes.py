d = {"key": "val"}
print(f"{d['key']}", f'{d["key"]}', f"{'nested'}", f"{{{d['key']}}}")
items = ["a", "b"]
print(f"{', '.join(items)}", f"{len(items)=}", f"{items!r:>12}")
print(f"{'\n'.join(items)}")
width = 6
print(f"[{'x':>{width}}]", f"[{3.14159:.{width - 3}f}]")
