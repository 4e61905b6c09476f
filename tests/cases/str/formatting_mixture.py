name, score, rank = "Ann", 93.456, 1
print("Name: %s, Score: %.1f, Rank: #%d" % (name, score, rank))
print("Name: {}, Score: {:.1f}, Rank: #{}".format(name, score, rank))
print(f"Name: {name}, Score: {score:.1f}, Rank: #{rank}")
print("{0:>10}|{1:^10.2f}|{2:<5}|".format(name, score, rank))
print("%-10s|%10.3e|%5d|" % (name, score, rank))
