import re
text = "Order #123 shipped to ann@example.com on 2024-03-05; order #456 to bob@test.org"
print(re.findall(r"#(\d+)", text))
print(re.findall(r"[\w.]+@[\w.]+", text))
m = re.search(r"(\d{4})-(\d{2})-(\d{2})", text)
print(m.group(0), m.group(1), m.groups(), m.start(), m.end(), m.span())
print(re.sub(r"\d", "#", "a1b22c333"), re.sub(r"(\w+)@(\w+)", r"\2 at \1", "x@y"))
print(re.split(r"[;,]\s*", "a, b;c,  d"), re.match(r"Order", text) is not None, re.match(r"order", text))
print(re.fullmatch(r"\d+", "123") is not None, re.fullmatch(r"\d+", "12a"))
