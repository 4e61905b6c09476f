# Element types that are known and clearly wrong are reported.
names: list[str] = ["a", "b"]
compute_stats(names)  # expect: invalid-argument-type "expects `list[float]`, found `list[str]`"
user_ids = [u["id"] for u in list_users()]
send_email("a@b.c", "s", "b", cc=user_ids)  # expect: invalid-argument-type "found `list[int]`"
print(", ".join(user_ids))  # expect: invalid-argument-type "expects `Iterable[str]`, found `list[int]`"
temps = {w["city"]: w["temp"] for w in get_forecast("Oslo")}
fetch_json_params: dict[str, str] = {}
async def go() -> None:
    await fetch_json("u", params=temps)  # expect: invalid-argument-type "found `dict[str, float]`"
nested = [[1, 2], [3]]
def flat(rows: list[list[str]]) -> list[str]:
    return [x for r in rows for x in r]
flat(nested)  # expect: invalid-argument-type "found `list[list[int]]`"
