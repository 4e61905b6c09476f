import asyncio
def unreachable(n: int) -> int:
    if n:
        return 1
    else:
        return 2
    print(never_defined)

def raise_then(n: int) -> int:
    raise NotImplementedError
    return undefined_too

if False:
    print(not_defined_either)

class ApiError(Exception):
    def __init__(self, code: int, msg: str = ""):
        super().__init__(msg)
        self.code = code

try:
    raise ApiError(404, "nf")
except ApiError as e:
    print(e.code, e.args, e.__class__.__name__, str(e))
except (KeyError, ValueError) as e:
    print(repr(e))
try:
    try:
        {}["x"]
    except KeyError as e:
        raise ValueError("bad") from e
except ValueError as e:
    print(e.__cause__, type(e).__name__)
try:
    int("x")
except Exception as e:
    if isinstance(e, (KeyError, ValueError)):
        print("ve", e)
def fin() -> str:
    try:
        return "a"
    finally:
        print("cleanup")
print(fin())
type Pair = tuple[int, int]
def sw(p: Pair) -> Pair:
    return p[1], p[0]
print(sw((1, 2)))
stack = [1, 2, 3]
while (top := stack.pop() if stack else None) is not None:
    print(top)
items = ["a", "b"]
print(*items, sep="\n", end="")
print()
a = {"x": 1}
b = {"y": 2}
print(dict(**a, **b), {**a, **b})
id = get_user(1)
type_ = "x"
max_val = max([1, 2])
list_ = list()
print(id, type_, max_val, list_)
def stub_body():
    ...
class Empty:
    pass
async def main() -> int:
    r = await fetch("x")
    return len(r)
if __name__ == "__main__":
    n = await main()
    print(n)
d = {"a": 3, "b": 1}
print(sorted(d.items(), key=lambda kv: kv[1], reverse=True)[:3])
width = 10
print(f"{'x':>{width}}", "{name}-{n}".format(**{"name": "a", "n": 1}))
for i in range(3):
    pass
else:
    print("loop done")
