s = "a\tb\nc\r\nd  e\x0bf\x0cg\u3000h"
print(s.split(), len(s.split()))
print(" ".join(s.split()))
print("  leading and trailing  ".split(" "))
