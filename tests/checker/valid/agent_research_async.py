import asyncio
import json

async def research(question: str) -> dict:
    hits = search(question, max_results=3)
    pages = await asyncio.gather(*(fetch(h.url) for h in hits))
    notes = []
    for hit, page in zip(hits, pages):
        snippet = page[:300].replace("\n", " ")
        notes.append({"title": hit.title, "snippet": snippet})
    answer = await ask_model(json.dumps(notes) + "\n\n" + question, temperature=0.3)
    return {"question": question, "answer": answer.strip(), "sources": [h.url for h in hits]}

result = await research(user_query)
print(json.dumps(result, indent=2))
