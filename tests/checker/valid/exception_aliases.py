try:
    pass
except (IOError, EnvironmentError, EOFError) as e:
    print(e.errno)
