x = "global"
def read():
    return x
def shadow():
    x = "local"
    return x
def modify():
    global x
    x = "modified"
print(read(), shadow(), x)
modify()
print(read(), x)
