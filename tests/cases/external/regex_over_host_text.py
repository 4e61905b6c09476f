import re
page = fetch_page("contacts")
emails = sorted(set(re.findall(r"[\w.+-]+@[\w-]+\.[\w.]+", page)))
phones = re.findall(r"\+?\d[\d -]{7,}\d", page)
print(emails)
print(phones)
for e in emails:
    send_invite(e, subject=f"Hello {e.split('@')[0].title()}")
print(len(emails), "invites sent")
