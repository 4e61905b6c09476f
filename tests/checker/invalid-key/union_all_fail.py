def pick(flag):
    if flag:
        return get_weather("x")
    return list_users()[0]
rec = pick(True)
print(rec["zip"])  # expect: invalid-key
