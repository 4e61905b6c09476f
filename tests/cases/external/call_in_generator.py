def pages():
    n = 0
    while True:
        page = fetch_page(n)
        if not page:
            return
        yield from page
        n += 1
print(list(pages()))
