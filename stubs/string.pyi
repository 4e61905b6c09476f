# string.pyi — the `string` module as monty provides it (constants and capwords).
ascii_letters: str
ascii_lowercase: str
ascii_uppercase: str
digits: str
hexdigits: str
octdigits: str
punctuation: str
printable: str
whitespace: str

def capwords(s: str, sep: str | None = None) -> str: ...
