from json import parse  # expect: unresolved-import
