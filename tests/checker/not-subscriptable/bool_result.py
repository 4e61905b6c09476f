ok = send_email("a", "b", "c")
print(ok["status"])  # expect: not-subscriptable
