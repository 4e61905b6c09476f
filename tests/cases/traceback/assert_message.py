def check(total):
    assert total == 10, f"total was {total}"


check(10)
check(7)
