def op():
    try:
        raise ValueError("pending")
    finally:
        audit("finally ran")
try:
    op()
except ValueError as e:
    print("still propagating:", e)
