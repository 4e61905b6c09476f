def walk(node, depth=0):
    children = children_of(node)
    print("  " * depth + node)
    for c in children:
        walk(c, depth + 1)
walk("root")
