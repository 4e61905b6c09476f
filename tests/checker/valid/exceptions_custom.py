class ToolError(Exception):
    pass

def check(v):
    if v < 0:
        raise ToolError("negative")
    return v

try:
    check(-1)
except ToolError as e:
    print("tool error", e)
