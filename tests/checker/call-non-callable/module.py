import math
math()  # expect: call-non-callable
