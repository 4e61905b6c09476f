import re
print(re.sub("a", "b"))  # expect: missing-argument "`string`"
