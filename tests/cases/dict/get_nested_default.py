cfg = {"db": {"host": "localhost", "port": 5432}, "debug": False}
print(cfg.get("db", {}).get("port"), cfg.get("cache", {}).get("ttl", 60))
print(cfg["db"].get("user") or "root", cfg.get("debug") is False)
