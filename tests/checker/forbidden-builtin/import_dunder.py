os = __import__("os")  # expect: forbidden-builtin "import"
