# expect: AttributeError
# args: --max-memory 32MB --max-duration 2
print.__self__
