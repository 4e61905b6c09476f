def summarize(text):
    words = text.split()
    return words[0].uper()

print(summarize("hello world"))
