# Method names carried over from JavaScript / Java / Python 2: the message names
# the Python method, or the hint names the operator or builtin that does the job.
names = [u["name"] for u in list_users()]
names.push("x")  # expect: unresolved-attribute "did you mean `append`"
names.addAll(["y"])  # expect: unresolved-attribute "did you mean `extend`"
if names.contains("x"):  # expect: unresolved-attribute "`contains`"
    print(names.length)  # expect: unresolved-attribute "`length`"
by_id = {u["id"]: u for u in list_users()}
if by_id.has_key(3):  # expect: unresolved-attribute "`has_key`"
    print(by_id.containsKey(3))  # expect: unresolved-attribute "`containsKey`"
for k, v in by_id.iteritems():  # expect: unresolved-attribute "did you mean `items`"
    print(k, v)
by_id.put(4, None)  # expect: unresolved-attribute "`put`"
title = summarize("text")
print(title.toUpperCase())  # expect: unresolved-attribute "did you mean `upper`"
print(title.trim())  # expect: unresolved-attribute "did you mean `strip`"
print(title.startsWith("A"))  # expect: unresolved-attribute "did you mean `startswith`"
if title.includes("x"):  # expect: unresolved-attribute "`includes`"
    print(title.lenght)  # expect: unresolved-attribute "`lenght`"
seen = {"a"}
seen.append("b")  # expect: unresolved-attribute "did you mean `add`"
