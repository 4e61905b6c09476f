queue = [(0, "start")]
visited = []
graph = {"start": ["a", "b"], "a": ["c"], "b": ["c", "d"], "c": ["end"], "d": ["end"], "end": []}
seen = {"start"}
while queue:
    depth, node = queue.pop(0)
    visited.append((node, depth))
    for nb in graph[node]:
        if nb not in seen:
            seen.add(nb)
            queue.append((depth + 1, nb))
print(visited)
