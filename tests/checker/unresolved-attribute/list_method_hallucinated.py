items = [1, 2]
items.push(3)  # expect: unresolved-attribute "`push`"
