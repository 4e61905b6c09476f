# The host functions of agent_async.py: the same tools as tools.pyi, declared async.

async def get_weather(city: str, units: str = "c") -> dict[str, object]:
    """Current weather for a city: {"temp": float, "sky": str}."""
    ...

async def search_flights(origin: str, destination: str, max_price: int) -> list[dict[str, object]]:
    """Flights under max_price: [{"id": str, "price": int, "stops": int}, ...]."""
    ...

async def send_report(title: str, body: str) -> bool:
    """Delivers the report; True when accepted."""
    ...
