def withdraw(balance, amount):
    assert amount > 0, f"amount must be positive, got {amount}"
    assert amount <= balance, "insufficient funds"
    return balance - amount
for amt in [10, -5, 500]:
    try:
        print(withdraw(100, amt))
    except AssertionError as e:
        print("AssertionError:", e)
