import json

data = {"a": 1}
out = json.dump_s(data)
