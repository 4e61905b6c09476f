config = {"db": {"host": "h", "port": 5432, "opts": {"ssl": True}}, "debug": False, "tags": ["a", "b"]}
def flatten(d, prefix=""):
    out = {}
    for k, v in d.items():
        key = f"{prefix}.{k}" if prefix else k
        if isinstance(v, dict):
            out.update(flatten(v, key))
        else:
            out[key] = v
    return out
flat = flatten(config)
for k in sorted(flat):
    print(f"{k}={flat[k]!r}")
