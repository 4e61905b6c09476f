def t(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__ + ":", e)
t(lambda: str(OSError(2, "No such file")))
t(lambda: repr(OSError(2, "No such file")))
t(lambda: (OSError(2, "x").errno, OSError(2, "x").strerror, OSError(2, "x").filename))
t(lambda: str(OSError(13, "Permission denied", "/etc/x")))
t(lambda: type(OSError(17, "exists")).__name__)
t(lambda: type(OSError(99, "other")).__name__)
t(lambda: str(OSError("just a message")))
t(lambda: OSError("m").errno)
t(lambda: str(FileNotFoundError(2, "No such file or directory", "data.csv")))
t(lambda: str(IOError(5, "io")))
t(lambda: IOError is OSError)
t(lambda: EnvironmentError.__name__)
t(lambda: isinstance(FileExistsError(), OSError))
t(lambda: issubclass(ConnectionRefusedError, ConnectionError))
t(lambda: str(UnicodeDecodeError("utf-8", b"\xff\xfe", 0, 1, "invalid start byte")))
t(lambda: str(UnicodeDecodeError("utf-8", b"\xff\xfe", 0, 2, "bad")))
t(lambda: str(UnicodeEncodeError("ascii", "h\xe9llo", 1, 2, "ordinal not in range(128)")))
t(lambda: str(UnicodeEncodeError("ascii", "\u20ac\U0001f600", 0, 1, "x")))
t(lambda: str(UnicodeEncodeError("ascii", "\u20ac\U0001f600", 1, 2, "x")))
t(lambda: str(UnicodeEncodeError("ascii", "ab", 0, 2, "x")))
t(lambda: UnicodeDecodeError("utf-8", b"\xff", 0, 1, "r").start)
eg = ExceptionGroup("eg", [ValueError(1), TypeError("t")])
t(lambda: (str(eg), repr(eg), eg.exceptions, eg.message, eg.args))
t(lambda: type(BaseExceptionGroup("b", [KeyError("k")])).__name__)
t(lambda: ExceptionGroup("x", []))
t(lambda: ExceptionGroup("x", [1]))
t(lambda: ExceptionGroup(1, [ValueError()]))
t(lambda: ExceptionGroup("x", [KeyboardInterrupt()]))
t(lambda: str(ExceptionGroup("one", (ValueError(),))))
try:
    raise FileNotFoundError(2, "No such file or directory", "cfg.json")
except OSError as e:
    print("caught", type(e).__name__, e.errno, e.filename, e)
try:
    raise ConnectionResetError("peer reset")
except ConnectionError as e:
    print("caught", repr(e))
for name in ["TabError", "IndentationError", "SystemError", "ReferenceError", "FutureWarning", "SyntaxWarning", "BrokenPipeError", "BlockingIOError", "ProcessLookupError", "UnicodeTranslateError"]:
    pass
print(IndentationError.__name__, TabError("x"), SystemError("s"), FutureWarning("f"), BrokenPipeError(32, "pipe"))
