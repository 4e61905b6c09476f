import json
data = json.loads(s
print(data)
