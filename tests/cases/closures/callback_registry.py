handlers = {}
def on(event):
    def reg(fn):
        handlers.setdefault(event, []).append(fn)
        return fn
    return reg
@on("start")
def a():
    return "a started"
@on("start")
def b():
    return "b started"
@on("stop")
def c():
    return "c stopped"
for ev in ["start", "stop", "other"]:
    print(ev, [h() for h in handlers.get(ev, [])])
