class Foo:
    def __init__(self)
        pass
