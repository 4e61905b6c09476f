import requests  # expect: unresolved-import
