stack = []
for i in range(5):
    stack.append(i)
out = []
while stack:
    out.append(stack.pop())
print(out)
queue = [1, 2, 3]
queue.append(4)
first = queue.pop(0)
print(first, queue)
