log = []
for i in range(4):
    try:
        if i == 1:
            continue
        if i == 3:
            raise ValueError(i)
        log.append(("body", i))
    except ValueError as e:
        log.append(("except", e.args[0]))
    finally:
        log.append(("finally", i))
print(log)
