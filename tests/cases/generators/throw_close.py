def gen():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("caught inside", e)
        yield "recovered"
    finally:
        print("cleanup")
g = gen()
print(next(g))
print(g.throw(ValueError("boom")))
g.close()
print("closed")
g2 = gen()
next(g2)
g2.close()
