try:  # expect: unsupported-syntax
    pass
except* ValueError:
    pass
