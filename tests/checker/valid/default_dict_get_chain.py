cfg = {"db": {"host": "x"}}
host = cfg.get("db", {}).get("host", "localhost")
print(host.upper())
