page = await fetch("https://example.com")
print(page.splitlines()[0])
answer = await ask_model("Summarize: " + page[:100], temperature=0.2)
print(answer.strip())
