try:
    data = read_table("sales")
finally:
    log("read attempted")
total = sum(row["amount"] for row in data)
print(total)
