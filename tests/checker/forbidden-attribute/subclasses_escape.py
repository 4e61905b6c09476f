print(().__class__.__bases__[0].__subclasses__())  # expect: forbidden-attribute "__bases__"; forbidden-attribute "__subclasses__"
