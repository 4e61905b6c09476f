def process():
    try:
        raise ValueError("local failure")
    finally:
        release("lock-1")
try:
    process()
except ValueError as e:
    print("caught", e)
print(status("lock-1"))
