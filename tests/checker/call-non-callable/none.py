cb = None
cb()  # expect: call-non-callable
