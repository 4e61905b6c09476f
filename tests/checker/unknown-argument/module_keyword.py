import json
print(json.dumps({}, indnet=2))  # expect: unknown-argument "`indent`"
