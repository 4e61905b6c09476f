print("calling")
fetch("boom")
print("never")
