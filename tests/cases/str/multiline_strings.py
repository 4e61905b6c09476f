s = """first line
    indented line
last line"""
print(s)
print(len(s.splitlines()), [l.strip() for l in s.splitlines()])
t = '''a "quoted" 'mixed' string
with newline'''
print(t)
print("""x""" + '''y''')
