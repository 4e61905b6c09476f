head = "a=b".partition("=")[3]  # expect: index-out-of-bounds
