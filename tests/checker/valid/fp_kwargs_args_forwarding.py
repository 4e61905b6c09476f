from typing import Any

def call_send(to: str, **kwargs: Any) -> bool:
    return send_email(to, **kwargs)

def relay(*args: Any, **kwargs: Any) -> str:
    return translate(*args, **kwargs)

opts = {"subject": "s", "body": "b"}
print(call_send("a@b", **opts))
print(relay("hello", "fr"))
print(relay("hello", target="de", source="en"))
args = ["hi", "es"]
print(translate(*args))
record("evt", a=1, b="x", c=[1])
log("a", "b", 3, level="warn")
params = {"q": "x"}
def go(**kw):
    return get_forecast(**kw)
print(go(city="Oslo", days=2))
kw = dict(city="Rome")
print(get_weather(**kw))
def f(a, b=2, *rest, c, d=4, **extra):
    return a + b + c + d + sum(rest) + len(extra)
print(f(1, c=3), f(1, 2, 3, 4, c=5, z=9))
