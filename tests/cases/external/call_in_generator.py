# xfail: asan: monty: SUMMARY: UndefinedBehaviorSanitizer: undefined-behavior /work/wt/tests/vm/api_int.h:58:34 in
def pages():
    n = 0
    while True:
        page = fetch_page(n)
        if not page:
            return
        yield from page
        n += 1
print(list(pages()))
