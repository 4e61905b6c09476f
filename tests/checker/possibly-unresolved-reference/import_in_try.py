try:
    import json
    have_json = True
except ImportError:
    have_json = False
print(have_json and json.dumps([1]))  # expect: possibly-unresolved-reference "json"
