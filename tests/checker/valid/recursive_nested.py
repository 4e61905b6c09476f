def flatten(tree):
    out = []
    def walk(node):
        if isinstance(node, list):
            for child in node:
                walk(child)
        else:
            out.append(node)
    walk(tree)
    return out

print(flatten([1, [2, [3]]]))
