x = fetch_count()
print("count is", x)
x * 2
