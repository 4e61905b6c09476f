from pathlib import Path  # expect: unresolved-import
