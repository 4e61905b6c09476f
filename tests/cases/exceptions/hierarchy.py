pairs = [(ZeroDivisionError, ArithmeticError), (KeyError, LookupError), (IndexError, LookupError),
         (ValueError, Exception), (UnicodeDecodeError, ValueError), (FileNotFoundError, OSError),
         (RecursionError, RuntimeError), (NotImplementedError, RuntimeError), (StopIteration, Exception),
         (KeyboardInterrupt, Exception), (Exception, BaseException), (TypeError, ValueError),
         (OverflowError, ArithmeticError), (ModuleNotFoundError, ImportError), (bool, int)]
for a, b in pairs:
    print(a.__name__, b.__name__, issubclass(a, b))
