for name in ["open", "eval", "exec", "input", "compile", "breakpoint"]:
    print(name)
try:
    eval("1+1") if False else undefined_func()
except NameError as e:
    print(type(e).__name__, e)
