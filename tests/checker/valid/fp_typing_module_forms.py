import typing
from typing import Optional, Any, cast, List, Dict, Union, Callable
Alias = Optional[int]
JsonT = Dict[str, Any]
v = cast(Optional[List[int]], read_table("t"))
w = cast(typing.Any, 1)
U = Union[int, str]
Fn = Callable[[int], str]
x: typing.Optional[int] = None
def f(a: "typing.List[int]") -> typing.Dict[str, int]:
    return {}
print(v, w, f([1]), isinstance(1, (int, str)))
