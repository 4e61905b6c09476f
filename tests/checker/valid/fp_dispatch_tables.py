from typing import Any, Callable

def do_weather(arg: str) -> str:
    return get_weather(arg)["summary"]

def do_search(arg: str) -> str:
    return "; ".join(h.title for h in search(arg))

HANDLERS: dict[str, Callable[[str], str]] = {"weather": do_weather, "search": do_search}
handlers2 = {"w": do_weather, "s": do_search}
for name, arg in [("weather", "Oslo"), ("search", "py"), ("nope", "")]:
    fn = HANDLERS.get(name)
    if fn is None:
        print("unknown", name)
        continue
    print(fn(arg))
    print(handlers2.get(name[0], do_search)(arg))
    if callable(fn):
        print(fn(arg))

def retry(fn: Callable[..., Any], *args: Any, attempts: int = 3, **kwargs: Any) -> Any:
    last: Exception | None = None
    for _ in range(attempts):
        try:
            return fn(*args, **kwargs)
        except Exception as e:
            last = e
    if last is not None:
        raise last
    return None

print(retry(get_weather, "Oslo", units="f"), retry(summarize, text="x"))
steps: list[tuple[str, dict[str, Any]]] = [("translate", {"text": "hi", "target": "fr"})]
tools = {"translate": translate, "summarize": summarize}
for tool_name, kw in steps:
    print(tools[tool_name](**kw))
