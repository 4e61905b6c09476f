from typing import Generic, Iterator, TypeVar, TypedDict

T = TypeVar("T")

class Item(TypedDict):
    sku: str
    qty: int

class Page(Generic[T]):
    items: list[T]
    next_cursor: str | None
    def first(self) -> T: ...

def list_items(cursor: str | None = None) -> Page[Item]: ...
def stream_lines(path: str) -> Iterator[str]: ...
def first_of(values: list[T]) -> T: ...
