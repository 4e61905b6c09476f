import string
print(string.ascii_lowercase, string.digits, string.punctuation[:10])
import statistics
print(statistics.mean([1, 2, 3, 4]), statistics.median([3, 1, 2]), statistics.mode([1, 1, 2]))
