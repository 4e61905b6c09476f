# expect: TimeoutError
# args: --max-memory 256MB --max-duration 1
while True:
    try:
        pass
    finally:
        continue
