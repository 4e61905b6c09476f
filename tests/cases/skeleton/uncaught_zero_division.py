print("before")
x = 1 // 0
