from __future__ import annotations
import datetime
from typing import Any, Callable, Generic, Iterable, Literal, Mapping, NamedTuple, Optional, Protocol, Sequence, TypeVar, TypedDict, Union, overload
from typing_extensions import NotRequired, Required
from dataclasses import dataclass, field
from enum import Enum

T = TypeVar("T")

class Priority(Enum):
    LOW = 1
    HIGH = 2

class Address(TypedDict):
    street: str
    city: str
    zip: NotRequired[str]

class Customer(TypedDict, total=False):
    id: Required[int]
    name: str
    address: Address
    tags: list[str]
    meta: dict[str, Any]

class Ticket(TypedDict):
    id: int
    title: str
    priority: Literal["low", "medium", "high"]
    assignee: Optional[str]
    created: str
    comments: list["Comment"]

class Comment(TypedDict):
    author: str
    text: str

@dataclass
class Invoice:
    number: str
    amount: float
    lines: list[LineItem] = field(default_factory=list)
    paid: bool = False
    def total(self) -> float: ...

@dataclass(frozen=True)
class LineItem:
    sku: str
    qty: int
    price: float

class Point(NamedTuple):
    x: float
    y: float

class Page(Generic[T]):
    items: list[T]
    next_cursor: str | None

class Database:
    name: str
    def query(self, sql: str, *params: Any) -> list[dict[str, Any]]: ...
    def get(self, table: str, id: int) -> dict[str, Any] | None: ...
    async def aquery(self, sql: str) -> list[dict[str, Any]]: ...
    @property
    def size(self) -> int: ...

class Reader(Protocol):
    def read(self, n: int = -1) -> str: ...

Status = Literal["open", "closed"]
JSON = Union[dict[str, Any], list[Any], str, int, float, bool, None]

def get_customer(customer_id: int) -> Customer | None: ...
def list_tickets(status: Status = "open", *, limit: int = 50, assignee: str | None = None) -> list[Ticket]: ...
def update_ticket(ticket_id: int, **changes: Any) -> Ticket: ...
def get_invoice(number: str) -> Invoice: ...
def get_invoices(customer_id: int) -> Sequence[Invoice]: ...
def geocode(address: str) -> Point | None: ...
def distance(a: Point, b: Point) -> float: ...
def paged_search(query: str, cursor: str | None = None) -> Page[Ticket]: ...
def run_sql(sql: str, params: Mapping[str, Any] | None = None) -> list[tuple[Any, ...]]: ...
def notify(user: str, message: str, priority: Priority = Priority.LOW) -> None: ...
def apply(fn: Callable[[int], int], values: Iterable[int]) -> list[int]: ...
def parse_date(s: str) -> datetime.date: ...
def now() -> datetime.datetime: ...
def tags_for(ids: list[int]) -> dict[int, set[str]]: ...
def fetch_json_blob(url: str) -> JSON: ...
@overload
def get_setting(key: str) -> str | None: ...
@overload
def get_setting(key: str, default: str) -> str: ...
async def send_sms(to: str, body: str) -> dict[str, str]: ...
async def batch_lookup(ids: list[int]) -> dict[int, Customer]: ...

db: Database
reader: Reader
today: datetime.date
threshold: float
