from typing import TYPE_CHECKING
if TYPE_CHECKING:
    from collections.abc import Sequence
def f(x: "Sequence[int]") -> int:
    return len(x)
print(f([1]))
