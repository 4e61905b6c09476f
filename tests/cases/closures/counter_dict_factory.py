def make_tally():
    counts = {}
    def tally(key):
        counts[key] = counts.get(key, 0) + 1
        return dict(counts)
    return tally
t = make_tally()
t("a")
t("b")
print(t("a"))
