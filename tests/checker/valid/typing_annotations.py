from typing import Any, Optional, Union

def merge(a: dict[str, Any], b: Optional[dict[str, Any]] = None) -> dict[str, Any]:
    out = dict(a)
    if b:
        out.update(b)
    return out

def first(xs: list[Union[int, str]]) -> Union[int, str, None]:
    return xs[0] if xs else None

print(merge({"a": 1}, {"b": 2}), first([1, "x"]))
