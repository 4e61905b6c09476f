phrases = ["hello", "bye"]
out = {p: translate(p, "fr") for p in phrases}
out2 = [translate(text=p, target="de", source="en") for p in phrases]
print(out, out2)
