def notify(to, subject, **kwargs):
    return send_email(to, subject, "body", **kwargs)

def call_tool(*args, **kwargs):
    return summarize(*args, **kwargs)

notify("a@b.c", "hi", cc=["x@y.z"])
print(call_tool("long text", max_words=5))
opts = {"max_words": 10}
print(summarize("text", **opts))
