from dataclasses import dataclass, field, KW_ONLY
from typing import Callable, Any, ClassVar, NamedTuple, TypedDict, Generic, TypeVar
T = TypeVar("T")

@dataclass
class Base:
    id: str
    created: str = ""

@dataclass
class Child(Base):
    extra: int = 0

@dataclass
class WithClassVar:
    kind: ClassVar[str] = "x"
    name: str
    cache: dict[str, Any] = field(default_factory=dict)
    computed: int = field(init=False)

@dataclass(kw_only=True)
class Opts:
    a: int
    b: str = "x"

@dataclass
class Mixed:
    a: int
    _: KW_ONLY
    b: int = 0

class NT(NamedTuple):
    a: int
    b: str = ""

class TDBase(TypedDict):
    id: int

class TDChild(TDBase, total=False):
    name: str

class Plain:
    x: int
    def __init__(self, x: int) -> None: ...
    def method(self) -> str: ...

class Resp(Generic[T]):
    data: T
    ok: bool

def make_child() -> Child: ...
def make_td() -> TDChild: ...
def wrap(x: int) -> Resp[list[str]]: ...
def takes_base(b: Base) -> None: ...
def takes_opts(o: Opts) -> None: ...
@dataclass
class WithCb:
    name: str
    cb: Callable[[int], int]
    def run(self) -> int: ...
    @property
    def label(self) -> str: ...
    @staticmethod
    def make() -> WithCb: ...
