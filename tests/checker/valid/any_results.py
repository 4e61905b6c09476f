cfg = lookup("config")
print(cfg.anything.goes[0]["x"] + 1)
cfg()
for item in cfg:
    print(item.name)
