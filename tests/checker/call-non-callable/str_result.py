s = summarize("x")
print(s())  # expect: call-non-callable
