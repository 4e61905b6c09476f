c = make_client("https://x")
print(c.get("/a", timeout=2.0)["k"], c.base_url.upper(), Client.version())
