notify(None, urgent=None)
notify("ops")
notify(3)  # expect: invalid-argument-type
