for o in get_orders(1):
    print(o["price"])  # expect: invalid-key
