total = sum([1, 2, 3])
assert total == 7, f"expected 7, got {total}"
