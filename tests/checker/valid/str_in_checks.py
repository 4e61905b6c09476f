w = get_weather("Rome")
if "rain" in w["summary"].lower():
    print("umbrella")
print("x" in ["x", "y"], 1 in {1: 2}, "k" not in {"a"})
