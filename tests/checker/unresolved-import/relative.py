from . import helpers  # expect: unresolved-import
