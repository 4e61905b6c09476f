def tokenizer(s):
    num = ""
    for ch in s + " ":
        if ch.isdigit():
            num += ch
            continue
        if num:
            yield ("NUM", int(num))
            num = ""
        if ch in "+-*/()":
            yield ("OP", ch)
print(list(tokenizer("12+3*(45-6)")))
