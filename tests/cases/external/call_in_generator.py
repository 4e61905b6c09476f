# xfail: monty: NotImplementedError: monty does not support calling the external function 'fetch_page' from code run by a builtin (sorted/map/filter key, or a generator 
def pages():
    n = 0
    while True:
        page = fetch_page(n)
        if not page:
            return
        yield from page
        n += 1
print(list(pages()))
