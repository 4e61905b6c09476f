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
