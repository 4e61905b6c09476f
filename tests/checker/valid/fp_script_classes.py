class ToolError(Exception):
    def __init__(self, tool: str, msg: str) -> None:
        super().__init__(f"{tool}: {msg}")
        self.tool = tool

class Cache:
    instances = 0
    def __init__(self, size: int = 10):
        self.size = size
        self._data: dict[str, object] = {}
        Cache.instances += 1
    @property
    def count(self) -> int:
        return len(self._data)
    @staticmethod
    def key(*parts: str) -> str:
        return ":".join(parts)
    @classmethod
    def make(cls, n: int) -> "Cache":
        return cls(n)
    def put(self, k: str, v: object) -> None:
        self._data[k] = v
    def get(self, k: str, default=None):
        return self._data.get(k, default)
    def __len__(self) -> int:
        return self.count
    def __repr__(self) -> str:
        return f"Cache({self.size})"
    def __contains__(self, k: str) -> bool:
        return k in self._data

class LRU(Cache):
    def put(self, k: str, v: object) -> None:
        super().put(k, v)
        if self.count > self.size:
            first = next(iter(self._data))
            del self._data[first]

c = LRU.make(2)
c.put(Cache.key("a", "b"), 1)
print(c.count, len(c), repr(c), "a:b" in c, c.get("zz", 3), Cache.instances)
try:
    raise ToolError("search", "down")
except ToolError as e:
    print(e.tool, str(e))
class Point:
    def __init__(self, x: float, y: float):
        self.x, self.y = x, y
    def __add__(self, other: "Point") -> "Point":
        return Point(self.x + other.x, self.y + other.y)
    def __eq__(self, other: object) -> bool:
        return isinstance(other, Point) and other.x == self.x
p = Point(1, 2) + Point(3, 4)
print(p.x, p.y, p == Point(4, 0))
obj = Cache()
setattr(obj, "extra", 5)
print(getattr(obj, "extra", None), hasattr(obj, "size"))
