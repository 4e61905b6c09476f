items = [2, 1]
items.sort(keys=len)  # expect: unknown-argument "`key`"
