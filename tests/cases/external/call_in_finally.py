def work():
    try:
        return compute(1)
    finally:
        log_event("done")
print(work())
