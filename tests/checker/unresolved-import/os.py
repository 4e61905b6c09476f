import os  # expect: unresolved-import "no file, network"
