def f(mode):
    log = []
    for i in range(3):
        try:
            log.append(f"try{i}")
            if mode == "break" and i == 1:
                break
            if mode == "continue" and i == 0:
                continue
            if mode == "raise" and i == 1:
                raise ValueError(i)
            if mode == "return" and i == 2:
                return log + ["returned"]
        except ValueError as e:
            log.append(f"except{e}")
        else:
            log.append(f"else{i}")
        finally:
            log.append(f"finally{i}")
    return log
for m in ["none", "break", "continue", "raise", "return"]:
    print(m, f(m))
