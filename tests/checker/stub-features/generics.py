page = list_items()
for it in page.items:
    print(it["sku"].upper(), it["qty"] + 1)
    print(it["price"])  # expect: invalid-key "Item"
print(page.first()["qty"] * 2, page.next_cursor)
while page.next_cursor is not None:
    page = list_items(page.next_cursor)
for line in stream_lines("x"):
    print(line.strip())
    line.foo()  # expect: unresolved-attribute
print(first_of([1, 2]) + 1)
print(first_of(["a"]).upper())
print(first_of(["a"]).bar)  # expect: unresolved-attribute
page.cursor  # expect: unresolved-attribute "next_cursor"
