def tokenize(src):
    tokens = []
    i = 0
    while i < len(src):
        ch = src[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit():
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == "."):
                j += 1
            tokens.append(float(src[i:j]) if "." in src[i:j] else int(src[i:j]))
            i = j
        elif ch in "+-*/()":
            tokens.append(ch)
            i += 1
        else:
            raise SyntaxError(f"bad character {ch!r} at {i}")
    return tokens
def parse(tokens):
    pos = 0
    def peek():
        return tokens[pos] if pos < len(tokens) else None
    def take():
        nonlocal pos
        tok = tokens[pos]
        pos += 1
        return tok
    def expr():
        v = term()
        while peek() in ("+", "-"):
            op = take()
            r = term()
            v = v + r if op == "+" else v - r
        return v
    def term():
        v = factor()
        while peek() in ("*", "/"):
            op = take()
            r = factor()
            v = v * r if op == "*" else v / r
        return v
    def factor():
        tok = take()
        if tok == "(":
            v = expr()
            take()
            return v
        if tok == "-":
            return -factor()
        return tok
    return expr()
for src in ["1 + 2 * 3", "(1 + 2) * 3", "10 / 4 - 1", "-(2 + 3) * 2.5", "2 * (3 + (4 - 1)) / 3", "7 $ 2", "1 / 0"]:
    try:
        print(src, "=", parse(tokenize(src)))
    except (SyntaxError, ZeroDivisionError) as e:
        print(src, "->", type(e).__name__, e)
