from __future__ import annotations
from typing import Any, Optional, Union

rows: list[dict[str, Any]] = read_table("t")
index: dict[str, list[int]] = {}
maybe: int | None = None
other: Optional[str] = None
both: Union[int, str] = 3

class Node:
    def __init__(self, value: int, nxt: "Node | None" = None) -> None:
        self.value = value
        self.nxt = nxt

def walk(n: Node | None) -> list[int]:
    out = []
    while n is not None:
        out.append(n.value)
        n = n.nxt
    return out

def later(x: "Later") -> int:
    return x.v

class Later:
    v: int = 3

print(walk(Node(1, Node(2))), later(Later()))
for r in rows:
    index.setdefault(str(r.get("name")), []).append(1)
maybe = 4
if maybe:
    print(maybe + 1)
def typed(a: list[str], b: dict[str, int] | None = None) -> tuple[int, ...]:
    return tuple(len(s) for s in a)
print(typed(["a"]), other, both)
