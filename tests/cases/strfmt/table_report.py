data = [
    {"region": "north", "sales": 12345.5, "growth": 0.123},
    {"region": "south", "sales": 987.25, "growth": -0.05},
    {"region": "east", "sales": 45000.0, "growth": 0.0},
]
print(f"{'Region':<8}{'Sales':>12}{'Growth':>9}")
for row in data:
    print(f"{row['region'].title():<8}{row['sales']:>12,.2f}{row['growth']:>9.1%}")
total = sum(r["sales"] for r in data)
print(f"{'Total':<8}{total:>12,.2f}")
