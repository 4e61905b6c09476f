for hit in search("x"):
    if hit.rank == 1:
        top = hit
        break
else:
    top = None
print(top)
