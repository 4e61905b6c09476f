from typing import Optional

count: int = 0
ratio: float = 1
names: list[str] = []
lookup_table: dict[str, int] = {}
maybe: Optional[str] = None
weather: Weather = get_weather("x")
print(count, ratio, names, lookup_table, maybe, weather["city"])
