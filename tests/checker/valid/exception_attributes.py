try:
    lookup("x")
except (KeyError, IndexError) as e:
    print(type(e).__name__, e.args)
except Exception as e:
    print(str(e))
