send_many("ch", *["m1", "m2"], urgent=True, **{"retries": 2})
print("sent")
