results = {"ok": [], "err": []}
for s in ["10", "0", "abc", "5", "-2"]:
    try:
        v = 100 // int(s)
    except ValueError:
        results["err"].append(f"not a number: {s}")
    except ZeroDivisionError:
        results["err"].append("division by zero")
    else:
        results["ok"].append(v)
print(results)
