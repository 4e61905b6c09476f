symbols = ["AAPL", "MSFT", "GOOG"]
prices = {}
errors = []
for sym in symbols:
    try:
        prices[sym] = get_price(sym)
    except Exception as exc:
        errors.append((sym, str(exc)))

in_eur = {s: round(convert(p, "USD", "EUR"), 2) for s, p in prices.items()}
best = max(in_eur, key=in_eur.get) if in_eur else None
print(f"best: {best}", in_eur, errors)
