try:
    [].pop()
except:
    print("bare except caught")
try:
    raise SystemExit(3)
except SystemExit as e:
    print("SystemExit", e.code)
