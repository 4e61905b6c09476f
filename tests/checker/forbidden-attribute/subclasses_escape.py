print(().__class__.__bases__[0].__subclasses__())  # expect: forbidden-attribute; forbidden-attribute; forbidden-attribute
