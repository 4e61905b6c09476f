import json
docs = ['{"a": 1,}', '[1, 2', '{\n  "k": tru\n}', '', '"\\q"', '[1] [2]']
for doc in docs:
    try:
        json.loads(doc)
    except json.JSONDecodeError as e:
        print(repr(e.msg), repr(e.doc), e.pos, e.lineno, e.colno, e.args)
        print(type(e).__name__, isinstance(e, ValueError), repr(e))
try:
    json.loads(b'{"x" 1}')
except ValueError as e:
    print(e.msg, e.pos, e.lineno, e.colno)
json.loads('{"records": [1, 2,]}')
