# xfail: asan: monty: SUMMARY: UndefinedBehaviorSanitizer: undefined-behavior /work/wt/tests/vm/api_int.h:58:34 in
def make_fetcher(kind):
    seen = []
    def fetch(ids):
        out = []
        for i in ids:
            r = get_item(kind, i)
            seen.append(i)
            out.append(r)
        return out, list(seen)
    return fetch
f = make_fetcher("book")
print(f([1, 2]))
print(f([3]))
