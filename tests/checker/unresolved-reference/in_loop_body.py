for city in ["a", "b"]:
    print(summarise(city))  # expect: unresolved-reference "summarize"
