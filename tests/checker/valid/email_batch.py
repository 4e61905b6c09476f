sent = 0
failed = []
for user in list_users(10):
    ok = send_email(user["email"], "Hello", "Hi " + user["name"], cc=None)
    if ok:
        sent += 1
    else:
        failed.append(user["id"])
print(f"sent={sent} failed={failed}")
