def walk(node, depth):
    if depth == 3:
        return node["missing"]
    return walk({"depth": depth}, depth + 1)


walk({}, 0)
