send_email("a", "b", "c", bcc=["x"], priority=1)  # expect: unknown-argument; unknown-argument
