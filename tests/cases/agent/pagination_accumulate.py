pages = [[{"id": i} for i in range(p * 3, p * 3 + 3)] for p in range(4)]
pages[-1] = pages[-1][:1]
collected = []
page_no = 0
while True:
    page = pages[page_no] if page_no < len(pages) else []
    if not page:
        break
    collected.extend(r["id"] for r in page)
    page_no += 1
print(page_no, collected)
