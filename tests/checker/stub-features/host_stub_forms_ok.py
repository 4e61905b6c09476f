m = get_movie("x")
print(m["name"], m["year"] + 1)
p = get_partial()
print(p.get("name"), p.get("year", 0) + 1)
pt = point()
print(pt.x + pt.y, pt[0], pt._asdict())
paint(Color.RED)
paint(Color("red"))
print(Color.RED.value.upper(), Color.BLUE.name, [c.value for c in Color])
rows = query().where(a=1).limit(5).run()
for r in rows:
    print(r.get("a"))
print(query()("select"))
res = old_style(["a"], {"a": 1})
if res:
    for k, v in res.items():
        print(k.upper(), v[0].lower())
s = await later()
print(s.upper())
with_defaults()
with_defaults(2, "y", 2, "z", [1])
print(kw_after_star(1, b=2), varargs("a", "b"), varargs())
print(by_id(1)["name"], by_id("x")["year"])
paint("red")          # an Enum parameter accepts the value that crosses the boundary
