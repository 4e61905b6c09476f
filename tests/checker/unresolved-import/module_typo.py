import jsonn  # expect: unresolved-import "`json`"
