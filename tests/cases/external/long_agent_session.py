import json
import re

def normalize(rec):
    name = rec.get("name", "").strip().title() or "Unknown"
    email = (rec.get("email") or "").lower()
    valid = bool(re.fullmatch(r"[\w.+-]+@[\w-]+\.\w+", email))
    return {"name": name, "email": email if valid else None, "spend": float(rec.get("spend", 0))}

raw = list_customers(segment="smb", limit=5)
customers = [normalize(r) for r in raw]
print(f"{len(customers)} customers, {sum(1 for c in customers if c['email'])} with valid email")

tiers = {"gold": [], "silver": [], "bronze": []}
for c in customers:
    tier = "gold" if c["spend"] >= 1000 else "silver" if c["spend"] >= 100 else "bronze"
    tiers[tier].append(c)
for tier, members in tiers.items():
    names = ", ".join(sorted(m["name"] for m in members)) or "-"
    print(f"{tier:<7}{len(members):>2}  {names}")

sent = 0
errors = []
for c in sorted(customers, key=lambda c: -c["spend"]):
    if not c["email"]:
        continue
    body = f"Hi {c['name'].split()[0]}, thanks for spending ${c['spend']:,.2f}!"
    try:
        receipt = send_email(to=c["email"], subject="Thank you", body=body)
        sent += 1
        print("sent", receipt["id"], "to", c["email"])
    except ConnectionError as e:
        errors.append({"email": c["email"], "error": str(e)})

report = {"sent": sent, "errors": errors, "tiers": {k: len(v) for k, v in tiers.items()}}
store_report("smb-weekly", json.dumps(report, sort_keys=True))
print(json.dumps(report, indent=2, sort_keys=True))
