def handle(cmd: dict) -> str:
    match cmd:
        case {"action": "search", "query": str(q)}:
            return "search " + q
        case {"action": "weather", "city": city}:
            return get_weather(city)["summary"]
        case {"action": action, **rest}:
            return f"unknown {action} {rest}"
        case _:
            return "bad"

def kind(v) -> str:
    match v:
        case None:
            return "none"
        case int() | float() as num:
            return f"num {num}"
        case [first, *others]:
            return f"list {first} {len(others)}"
        case (a, b):
            return "pair"
        case str() if v:
            return "str"
        case _:
            return "other"

print(handle({"action": "search", "query": "x"}), handle({"action": "weather", "city": "Oslo"}))
print(kind(None), kind(3), kind([1, 2]), kind("s"))
for hit in search("q"):
    match hit:
        case SearchHit(url=u, rank=1):
            print("top", u)
        case _:
            print(hit.rank)
status = lookup("status")
match status:
    case "ready" | "done":
        result = 1
    case _:
        result = 0
print(result)
