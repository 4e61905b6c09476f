import json

def parse(s: str) -> dict | None:
    try:
        obj = json.loads(s)
    except json.JSONDecodeError as e:
        print("bad", e.msg, e.pos)
        return None
    except (TypeError, ValueError):
        return None
    else:
        if isinstance(obj, dict):
            return obj
        return None
    finally:
        print("done")

r = parse('{"a": 1}')
if r:
    print(r.get("a"))

def fetch_all() -> list[str]:
    out: list[str] = []
    for i in range(3):
        try:
            w = get_weather(f"c{i}")
        except Exception as exc:
            print(type(exc).__name__, str(exc))
            continue
        out.append(w["summary"])
    return out

print(fetch_all())
try:
    value = int("12")
except ValueError:
    value = 0
print(value + 1)
try:
    res = 1 / 1
except ZeroDivisionError:
    raise
finally:
    pass
print(res)
for attempt in range(3):
    try:
        d = fetch_document("x")
        break
    except KeyError:
        pass
else:
    d = None
if d is not None:
    print(d.title)
try:
    raise RuntimeError("boom")
except RuntimeError as err:
    msg = str(err)
    print(msg, err.args)
