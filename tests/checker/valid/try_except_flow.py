try:
    price = get_price("ACME")
except KeyError as e:
    print("missing", e)
    price = 0.0
except (ValueError, TypeError):
    price = -1.0
else:
    print("ok")
finally:
    print("done")
print(price * 2)
