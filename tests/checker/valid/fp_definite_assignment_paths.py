def pick(flag: bool) -> str:
    if flag:
        result = "a"
    elif not flag:
        result = "b"
    else:
        raise AssertionError
    return result

def loop_define(xs: list[int]) -> int:
    for x in xs:
        last = x
    else:
        last = -1
    return last

def while_define() -> int:
    while True:
        val = 3
        break
    return val

def try_all() -> str:
    try:
        out = summarize("x")
    except Exception:
        out = ""
    return out

def try_return() -> str:
    try:
        v = summarize("x")
    except Exception:
        return "err"
    return v

def try_finally() -> int:
    try:
        n = 1
    finally:
        print("f")
    return n

def with_else(xs: list[str]) -> str:
    for x in xs:
        if x:
            found = x
            break
    else:
        return ""
    return found

def nested_exit(n: int) -> int:
    if n > 0:
        r = n
    else:
        if n == 0:
            return 0
        r = -n
    return r

def assert_never_path(n: int) -> int:
    if n > 0:
        sign = 1
    elif n < 0:
        sign = -1
    else:
        sign = 0
    return sign

def exits_via_sys(flag: bool) -> str:
    if not flag:
        raise SystemExit(1)
    else:
        msg = "ok"
    return msg

def match_define(x: int) -> str:
    match x:
        case 1:
            s = "one"
        case _:
            s = "many"
    return s

def loop_else_break(xs: list[int]) -> int:
    for x in xs:
        if x > 2:
            break
    else:
        x = 0
    return x

print(pick(True), loop_define([1]), while_define(), try_all(), try_return(), try_finally(), with_else(["", "a"]))
print(nested_exit(-2), assert_never_path(3), exits_via_sys(True), match_define(1), loop_else_break([5]))
import json
try:
    cfg = json.loads('{"a": 1}')
except ValueError:
    cfg = {}
print(cfg.get("a"))
if user_query:
    q = user_query
else:
    q = "default"
print(q, max_items)
for i in range(3):
    pass
print(i)
count = 0
while count < 3:
    count += 1
    tmp = count
print(count)
