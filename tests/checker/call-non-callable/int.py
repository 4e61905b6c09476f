n = 3
n()  # expect: call-non-callable
