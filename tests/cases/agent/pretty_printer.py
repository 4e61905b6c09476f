def pretty(obj, indent=0):
    pad = "  " * indent
    if isinstance(obj, dict):
        if not obj:
            return "{}"
        lines = ["{"]
        for i, (k, v) in enumerate(obj.items()):
            comma = "," if i < len(obj) - 1 else ""
            lines.append(f'{pad}  "{k}": {pretty(v, indent + 1)}{comma}')
        lines.append(pad + "}")
        return "\n".join(lines)
    if isinstance(obj, list):
        if all(not isinstance(x, (dict, list)) for x in obj):
            return "[" + ", ".join(pretty(x) for x in obj) + "]"
        return "[\n" + ",\n".join(pad + "  " + pretty(x, indent + 1) for x in obj) + "\n" + pad + "]"
    if isinstance(obj, str):
        return '"' + obj.replace('"', '\\"') + '"'
    if obj is None:
        return "null"
    if isinstance(obj, bool):
        return "true" if obj else "false"
    return repr(obj)
doc = {"name": "demo", "tags": ["a", "b"], "nested": {"ok": True, "n": None, "items": [{"x": 1.5}, {"y": [1, 2]}]}, "empty": {}}
print(pretty(doc))
