records = [
    {"email": "a@b.com", "age": 30},
    {"email": "bad-email", "age": 20},
    {"email": "c@d.org", "age": -5},
    {"age": 40},
    {"email": "e@f.net", "age": "old"},
]
def validate(r):
    errs = []
    email = r.get("email")
    if email is None:
        errs.append("missing email")
    elif "@" not in email:
        errs.append(f"invalid email {email!r}")
    age = r.get("age")
    if not isinstance(age, int):
        errs.append(f"age must be int, got {type(age).__name__}")
    elif age < 0:
        errs.append(f"age out of range: {age}")
    return errs
for i, r in enumerate(records):
    errs = validate(r)
    print(i, "OK" if not errs else "; ".join(errs))
