# prelude.py — builtins written in Python so that the Python code they call (key
# functions, generators, external functions) runs in the VM's own frames: it can
# suspend at an external call and never recurses on the C stack (DESIGN.md
# contract 2). The native builtins handle every case that needs no Python code and
# defer to these (same name) otherwise. Frames of this file never appear in
# tracebacks. Helpers whose names start with `_` are natives bound by vm/prelude.c.


def sorted(iterable, /, *, key=None, reverse=False):
    items = []
    for x in iterable:
        items.append(x)
    _list_sort(items, key=key, reverse=reverse)
    return items


def _list_sort(items, /, *, key=None, reverse=False):
    if key is None:
        _sort_by_keys(items, None, reverse)
        return None
    keys = []
    for x in items:
        keys.append(key(x))
    _sort_by_keys(items, keys, reverse)
    return None


def _minmax(name, is_max, args, key, default, has_default):
    if len(args) == 1:
        it = args[0]
    else:
        if has_default:
            raise TypeError("Cannot specify a default for " + name
                            + "() with multiple positional arguments")
        it = args
    best = _NOTHING
    best_key = None
    for x in it:
        k = x if key is None else key(x)
        if best is _NOTHING:
            best = x
            best_key = k
        elif (k > best_key) if is_max else (k < best_key):
            best = x
            best_key = k
    if best is _NOTHING:
        if has_default:
            return default
        raise ValueError(name + "() iterable argument is empty")
    return best


def min(*args, key=None, default=_NOTHING):
    if not args:
        raise TypeError("min expected at least 1 argument, got 0")
    return _minmax("min", False, args, key, default, default is not _NOTHING)


def max(*args, key=None, default=_NOTHING):
    if not args:
        raise TypeError("max expected at least 1 argument, got 0")
    return _minmax("max", True, args, key, default, default is not _NOTHING)


def sum(iterable, /, start=0):
    total = start
    for x in iterable:
        total = total + x
    return total


def any(iterable, /):
    for x in iterable:
        if x:
            return True
    return False


def all(iterable, /):
    for x in iterable:
        if not x:
            return False
    return True


def map(func, *iterables):
    if len(iterables) == 1:
        for x in iterables[0]:
            yield func(x)
        return
    its = []
    for it in iterables:
        its.append(iter(it))
    while True:
        args = []
        for it in its:
            for x in it:
                args.append(x)
                break
            else:
                return
        yield func(*args)


def filter(function, iterable, /):
    for x in iterable:
        if (x if function is None else function(x)):
            yield x


def enumerate(iterable, start=0):
    n = start
    for x in iterable:
        yield (n, x)
        n += 1


def zip(*iterables, strict=False):
    if not iterables:
        return
    its = []
    for it in iterables:
        its.append(iter(it))
    while True:
        items = []
        for i, it in _builtin_enumerate(its):
            for x in it:
                items.append(x)
                break
            else:
                if strict:
                    if i > 0:
                        if i == 1:
                            raise ValueError("zip() argument 2 is shorter than argument 1")
                        raise ValueError("zip() argument " + str(i + 1)
                                         + " is shorter than arguments 1-" + str(i))
                    for j in range(1, len(its)):
                        for x in its[j]:
                            if j == 1:
                                raise ValueError("zip() argument 2 is longer than argument 1")
                            raise ValueError("zip() argument " + str(j + 1)
                                             + " is longer than arguments 1-" + str(j))
                return
        yield tuple(items)


def next(iterator, *default):
    for x in iterator:
        return x
    if default:
        return default[0]
    raise StopIteration


def list(iterable=(), /):
    items = []
    for x in iterable:
        items.append(x)
    return items


def tuple(iterable=(), /):
    items = []
    for x in iterable:
        items.append(x)
    return _builtin_tuple(items)


def set(iterable=(), /):
    s = _builtin_set()
    for x in iterable:
        s.add(x)
    return s


def frozenset(iterable=(), /):
    s = _builtin_set()
    for x in iterable:
        s.add(x)
    return _builtin_frozenset(s)


def dict(iterable=(), /, **kwargs):
    d = {}
    for pair in iterable:
        k, v = pair
        d[k] = v
    for k in kwargs:
        d[k] = kwargs[k]
    return d


def _str_join(sep, iterable, /):
    items = []
    for x in iterable:
        items.append(x)
    return sep.join(items)


def _list_extend(lst, iterable, /):
    for x in iterable:
        lst.append(x)


def _set_update(s, *iterables):
    for it in iterables:
        for x in it:
            s.add(x)


def _dict_update(d, iterable=(), /, **kwargs):
    for pair in iterable:
        k, v = pair
        d[k] = v
    for k in kwargs:
        d[k] = kwargs[k]


# ---- stdlib modules (vm/modules.c, vm/mod_*.c; MOD engineer) ------------------------
# Module functions that call Python code or consume generators live here so they can
# suspend. Natives named in vm/mod_*.c defer to the _math_* helpers when an argument is a
# generator.


def _math_fsum(iterable, /):
    import math
    return math.fsum(list(iterable))


def _math_prod(iterable, /, *, start=1):
    import math
    return math.prod(list(iterable), start=start)


def _math_sumprod(p, q, /):
    import math
    return math.sumprod(list(p), list(q))


def _math_dist(p, q, /):
    import math
    return math.dist(list(p), list(q))


def _re_subn_impl(p, repl, string, count):
    parts = []
    last = 0
    n = 0
    for m in p.finditer(string):
        if count > 0 and n >= count:
            break
        parts.append(string[last:m.start()])
        r = repl(m)
        if r is not None:
            parts.append(r)
        last = m.end()
        n += 1
    parts.append(string[last:])
    return string[:0].join(parts), n


def _re_sub(pattern, repl, string, count=0, flags=0):
    import re
    return _re_subn_impl(re.compile(pattern, flags), repl, string, count)[0]


def _re_subn(pattern, repl, string, count=0, flags=0):
    import re
    return _re_subn_impl(re.compile(pattern, flags), repl, string, count)


def _re_pattern_sub(self, repl, string, count=0):
    return _re_subn_impl(self, repl, string, count)[0]


def _re_pattern_subn(self, repl, string, count=0):
    return _re_subn_impl(self, repl, string, count)
