#!/usr/bin/env python3
"""verify_valid.py — runs every tests/checker/valid/*.py on CPython 3.13 with mocked
host tools (tests/checker/_stubs.pyi), to show the clean cases are valid programs,
not only programs the checker is silent about. A dev tool, not a test: the checker
cases themselves need no CPython.

    /root/.pyenv/versions/3.13.0/bin/python3 tests/checker/verify_valid.py [DIR]

Data-shaped exceptions from the mocks (KeyError, IndexError, ...) are reported as
DATA; anything else as FAIL. `any_results.py` calls an Any value and FAILs by design.
"""
import ast, asyncio, sys, types, glob, os, traceback
from dataclasses import dataclass
from typing import NamedTuple

@dataclass
class Document:
    id: str
    title: str
    body: str
    score: float = 0.0

class SearchHit(NamedTuple):
    url: str
    title: str
    rank: int

def Weather(**kw): return dict(kw)
def User(**kw): return dict(kw)
def Order(**kw): return dict(kw)

def w(city="Paris"): return {"city": city, "temp": 21.5, "summary": "Sunny", "humidity": 85}
def get_weather(city, *, units="c"): return w(city)
def get_forecast(city, days=3): return [w(city) for _ in range(days)]
def get_user(user_id): return {"id": user_id, "name": "ann", "email": "ann@x.com"} if user_id else None
def list_users(limit=100, /): return [{"id": i + 1, "name": f"u{i}", "email": f"u{i}@d{i%2}.com"} for i in range(min(limit, 3))]
def find_user(email): return {"id": 1, "name": "ann", "email": "ann+x@example.com"}
def get_orders(user_id, status="open"): return [{"id": 1, "total": 2.5, "items": ["a"]}, {"id": 2}]
def search(query, max_results=10): return [SearchHit(f"https://h/{i}", f"T{i}", i + 1) for i in range(3)]
def fetch_document(doc_id): return Document(doc_id, "Title " + doc_id, "some body text", 0.7)
def summarize(text, max_words=100): return "A summary, of text"
def send_email(to, subject, body, *, cc=None): return True
def translate(text, target, source="auto"): return text[::-1]
def lookup(key, /): return {"config": types.SimpleNamespace(anything=types.SimpleNamespace(goes=[{"x": 1}])), "status": "ready", "value": "v", "shape": [2, 3], "raw": '{"items": [{"name": "a", "price": 2}]}'}.get(key, "x")
def log(*messages, level="info"): pass
def record(name, **fields): pass
def compute_stats(values): return {"mean": 1.0, "stdev": 0.5}
def read_table(name): return [{"amount": 1, "age": 3, "name": "n", "title": "outage", "id": 1, "value": 2.0}]
def get_price(symbol): return 10.0
def convert(amount, src, dst): return amount * 0.9
async def fetch(url): return "page\ncontent " + url
async def fetch_json(url, params=None): return {"items": [1], "results": []}
async def ask_model(prompt, *, temperature=0.0): return " answer "
user_query = "Paris, Rome"
max_items = 5

g = dict(globals())
bad = 0
here = os.path.dirname(os.path.abspath(__file__))
for path in sorted(glob.glob((sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "valid")) + "/*.py")):
    src = open(path).read()
    env = dict(g)
    env["__name__"] = "__main__"
    try:
        code = compile(src, path, "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
        r = eval(code, env)
        if asyncio.iscoroutine(r):
            asyncio.run(r)
    except (KeyError, IndexError, StopIteration, ZeroDivisionError) as e:
        print("DATA", os.path.basename(path), type(e).__name__, e)
    except Exception as e:
        bad += 1
        print("FAIL", os.path.basename(path), type(e).__name__, e)
print("bad", bad)
