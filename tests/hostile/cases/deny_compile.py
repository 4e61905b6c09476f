# expect: NameError
# args: --max-memory 32MB --max-duration 2
compile('1', '', 'eval')
