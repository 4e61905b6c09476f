import math
résumé = math.sqrt(-1)
