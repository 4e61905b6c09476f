# expect: AttributeError
# args: --max-memory 32MB --max-duration 2
(lambda: 0).__globals__
