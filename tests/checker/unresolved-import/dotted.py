import os.path  # expect: unresolved-import
