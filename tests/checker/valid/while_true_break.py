attempts = 0
while True:
    attempts += 1
    answer = lookup("status")
    if answer == "ready" or attempts > 3:
        break
print(attempts, answer)
