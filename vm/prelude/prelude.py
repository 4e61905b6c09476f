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
    cmp = _ft_cmp_of(key)
    if cmp is not None:
        _ft_cmp_sort(items, cmp, reverse)
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
    cmp = None if key is None else _ft_cmp_of(key)
    for x in it:
        k = x if key is None or cmp is not None else key(x)
        if best is _NOTHING:
            best = x
            best_key = k
        elif cmp is not None:
            if (cmp(k, best_key) > 0) if is_max else (cmp(k, best_key) < 0):
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


# itertools (vm/mod_itertools.c lists these)
def _it_count(start=0, step=1):
    n = start
    while True:
        yield n
        n += step


def _it_cycle(iterable, /):
    saved = []
    for x in iterable:
        yield x
        saved.append(x)
    if not saved:
        return
    while True:
        for x in saved:
            yield x


def _it_repeat(object, times=None):
    if times is None:
        while True:
            yield object
    for _ in range(times):
        yield object


def _it_accumulate(iterable, func=None, *, initial=None):
    total = initial
    started = initial is not None
    if started:
        yield total
    for x in iterable:
        if not started:
            total = x
            started = True
        elif func is None:
            total = total + x
        else:
            total = func(total, x)
        yield total


def _it_batched(iterable, n, *, strict=False):
    if n < 1:
        raise ValueError("n must be at least one")
    return _it_batched_gen(iter(iterable), n, strict)


def _it_batched_gen(iterable, n, strict):
    batch = []
    for x in iterable:
        batch.append(x)
        if len(batch) == n:
            yield _builtin_tuple(batch)
            batch = []
    if batch:
        if strict:
            raise ValueError("batched(): incomplete batch")
        yield _builtin_tuple(batch)


def _it_chain(*iterables):
    for it in iterables:
        for x in it:
            yield x


def _it_chain_from_iterable(iterables, /):
    for it in iterables:
        for x in it:
            yield x


def _it_compress(data, selectors):
    for d, s in zip(data, selectors):
        if s:
            yield d


def _it_dropwhile(predicate, iterable, /):
    dropping = True
    for x in iterable:
        if dropping and predicate(x):
            continue
        dropping = False
        yield x


def _it_takewhile(predicate, iterable, /):
    for x in iterable:
        if not predicate(x):
            return
        yield x


def _it_filterfalse(function, iterable, /):
    for x in iterable:
        if not (x if function is None else function(x)):
            yield x


def _it_groupby(iterable, key=None):
    group = None
    cur = None
    for x in iterable:
        k = x if key is None else key(x)
        if group is None:
            group = [x]
            cur = k
        elif k == cur:
            group.append(x)
        else:
            yield (cur, iter(group))
            group = [x]
            cur = k
    if group is not None:
        yield (cur, iter(group))


def _it_index(v, what):
    if v is None:
        return None
    if type(v) is not int or v < 0:
        raise ValueError(what + " for islice() must be None or an integer: "
                         "0 <= x <= sys.maxsize.")
    return v


def _it_islice_gen(iterable, start, stop, step):
    indices = _it_count() if stop is None else range(max(start, stop))
    next_i = start
    for i, element in zip(indices, iterable):
        if i == next_i:
            yield element
            next_i += step


def _it_islice(iterable, *args):
    if len(args) == 1:
        start = 0
        stop = _it_index(args[0], "Stop argument")
        step = 1
    elif len(args) in (2, 3):
        start = _it_index(args[0], "Indices")
        stop = _it_index(args[1], "Indices")
        step = args[2] if len(args) == 3 else None
        if start is None:
            start = 0
        if step is None:
            step = 1
        elif type(step) is not int or step <= 0:
            raise ValueError("Step for islice() must be a positive integer or None.")
    elif not args:
        raise TypeError("islice expected at least 2 arguments, got 1")
    else:
        raise TypeError("islice expected at most 4 arguments, got " + str(len(args) + 1))
    return _it_islice_gen(iter(iterable), start, stop, step)


def _it_pairwise(iterable, /):
    first = True
    prev = None
    for x in iterable:
        if not first:
            yield (prev, x)
        prev = x
        first = False


def _it_starmap(function, iterable, /):
    for args in iterable:
        yield function(*args)


def _it_tee(iterable, n=2, /):
    if n < 0:
        raise ValueError("n must be >= 0")
    data = list(iterable)
    return _builtin_tuple([iter(data) for _ in range(n)])


def _it_zip_longest(*iterables, fillvalue=None):
    its = [iter(it) for it in iterables]
    active = len(its)
    if not active:
        return
    while True:
        values = []
        for i in range(len(its)):
            got = False
            for x in its[i]:
                values.append(x)
                got = True
                break
            if not got:
                active -= 1
                if not active:
                    return
                its[i] = iter(())
                values.append(fillvalue)
        yield _builtin_tuple(values)


def _it_product(*iterables, repeat=1):
    if repeat < 0:
        raise ValueError("repeat argument cannot be negative")
    return _it_product_gen(iterables, repeat)


def _it_product_gen(iterables, repeat):
    pools = [_builtin_tuple(pool) for pool in iterables] * repeat
    result = [[]]
    for pool in pools:
        result = [x + [y] for x in result for y in pool]
    for prod in result:
        yield _builtin_tuple(prod)


def _it_permutations(iterable, r=None):
    if r is not None and r < 0:
        raise ValueError("r must be non-negative")
    return _it_permutations_gen(iterable, r)


def _it_permutations_gen(iterable, r):
    pool = _builtin_tuple(iterable)
    n = len(pool)
    r = n if r is None else r
    if r < 0:
        raise ValueError("r must be non-negative")
    if r > n:
        return
    indices = list(range(n))
    cycles = list(range(n, n - r, -1))
    yield _builtin_tuple([pool[i] for i in indices[:r]])
    while n:
        for i in reversed(range(r)):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                yield _builtin_tuple([pool[i] for i in indices[:r]])
                break
        else:
            return


def _it_combinations(iterable, r):
    if r < 0:
        raise ValueError("r must be non-negative")
    return _it_combinations_gen(iterable, r)


def _it_combinations_gen(iterable, r):
    pool = _builtin_tuple(iterable)
    n = len(pool)
    if r < 0:
        raise ValueError("r must be non-negative")
    if r > n:
        return
    indices = list(range(r))
    yield _builtin_tuple([pool[i] for i in indices])
    while True:
        for i in reversed(range(r)):
            if indices[i] != i + n - r:
                break
        else:
            return
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        yield _builtin_tuple([pool[i] for i in indices])


def _it_combinations_with_replacement(iterable, r):
    if r < 0:
        raise ValueError("r must be non-negative")
    return _it_combinations_with_replacement_gen(iterable, r)


def _it_combinations_with_replacement_gen(iterable, r):
    pool = _builtin_tuple(iterable)
    n = len(pool)
    if r < 0:
        raise ValueError("r must be non-negative")
    if not n and r:
        return
    indices = [0] * r
    yield _builtin_tuple([pool[i] for i in indices])
    while True:
        for i in reversed(range(r)):
            if indices[i] != n - 1:
                break
        else:
            return
        indices[i:] = [indices[i] + 1] * (r - i)
        yield _builtin_tuple([pool[i] for i in indices])


# functools (vm/mod_functools.c lists these)
def _ft_reduce(function, iterable, initial=_NOTHING, /):
    acc = initial
    for x in iterable:
        if acc is _NOTHING:
            acc = x
        else:
            acc = function(acc, x)
    if acc is _NOTHING:
        raise TypeError("reduce() of empty iterable with no initial value")
    return acc


def _ft_partial(func, /, *args, **keywords):
    if not callable(func):
        raise TypeError("the first argument must be callable")

    def partial(*fargs, **fkeywords):
        kw = {}
        for k in keywords:
            kw[k] = keywords[k]
        for k in fkeywords:
            kw[k] = fkeywords[k]
        return func(*args, *fargs, **kw)
    return partial


def _ft_cache(user_function, /):
    memo = {}

    def wrapper(*args, **kwargs):
        key = args
        if kwargs:
            key = (args, _NOTHING, _builtin_tuple(kwargs.items()))
        if key in memo:
            return memo[key]
        result = user_function(*args, **kwargs)
        memo[key] = result
        return result
    return wrapper


def _ft_lru_cache(maxsize=128, typed=False):
    if callable(maxsize) and not isinstance(maxsize, (int, bool)):
        return _ft_cache(maxsize)
    if maxsize is not None and not isinstance(maxsize, int):
        raise TypeError("Expected first argument to be an integer, a callable, or None")
    return _ft_cache


# cmp_to_key: monty has no classes to make comparable key objects, so cmp_to_key returns
# a function that sorted(), list.sort(), min() and max() recognise (by its qualified
# name: prelude state does not survive a snapshot, a closure does) and ask for the cmp
# function with the prelude's private sentinel; they then compare with cmp directly.
def _ft_cmp_to_key(mycmp):
    def K(obj):
        if obj is _NOTHING:
            return mycmp
        raise NotImplementedError("monty supports functools.cmp_to_key() only as the key "
                                  "of sorted(), list.sort(), min() and max()")
    return K


def _ft_cmp_of(key):
    if type(key) is type(_ft_cmp_of) and key.__qualname__ == "_ft_cmp_to_key.<locals>.K":
        return key(_NOTHING)
    return None


def _ft_cmp_sort(items, cmp, reverse):
    # stable bottom-up merge sort; reverse keeps equal items in order, as CPython
    if reverse:
        items.reverse()
    n = len(items)
    src = items[:]
    width = 1
    while width < n:
        dst = []
        for lo in range(0, n, 2 * width):
            mid = lo + width if lo + width < n else n
            hi = lo + 2 * width if lo + 2 * width < n else n
            i = lo
            j = mid
            while i < mid and j < hi:
                if cmp(src[j], src[i]) < 0:
                    dst.append(src[j])
                    j += 1
                else:
                    dst.append(src[i])
                    i += 1
            dst.extend(src[i:mid])
            dst.extend(src[j:hi])
        src = dst
        width *= 2
    items[:] = src
    if reverse:
        items.reverse()


def _ft_wraps(wrapped, assigned=None, updated=None):
    def decorator(f):
        return f
    return decorator


def _ft_identity(x, /):
    return x


# string
def _string_capwords(s, sep=None):
    return (sep or " ").join([x.capitalize() for x in s.split(sep)])


def _iter_sentinel(callable, sentinel, /):
    while True:
        value = callable()
        if value == sentinel:
            return
        yield value


# collections (vm/mod_collections.c defers here for generator arguments)
def _coll_counter_new(iterable=None, /, **kwds):
    import collections
    return collections.Counter(list(iterable), **kwds)


def _coll_counter_update(self, iterable=None, /, **kwds):
    self.update(list(iterable), **kwds)


def _coll_counter_subtract(self, iterable=None, /, **kwds):
    self.subtract(list(iterable), **kwds)


def _coll_ordereddict_new(iterable=(), /, **kwds):
    import collections
    return collections.OrderedDict(list(iterable), **kwds)


def _coll_deque_new(iterable=(), maxlen=None):
    import collections
    return collections.deque(list(iterable), maxlen)


def _coll_deque_extend(self, iterable, /):
    self.extend(list(iterable))


def _coll_deque_extendleft(self, iterable, /):
    self.extendleft(list(iterable))


# statistics (vm/mod_statistics.c lists these): exact rational arithmetic on integers
# (floats split into mantissa and exponent), so results round as CPython's Fractions do.
def _st_error(msg):
    import statistics
    raise statistics.StatisticsError(msg)


def _st_exact(data):
    # -> (list of ints X, exponent E, all_ints) with x == X * 2**E exactly
    import math
    parts = []
    all_ints = True
    for x in data:
        if type(x) is int or type(x) is bool:
            parts.append((int(x), 0))
        elif type(x) is float:
            all_ints = False
            if x != x or x in (float("inf"), float("-inf")):
                raise ValueError("cannot convert " + repr(x) + " to exact fraction")
            m, e = math.frexp(x)
            parts.append((int(m * 9007199254740992.0), e - 53))
        else:
            raise TypeError("can't convert type '" + type(x).__name__ + "' to numerator/denominator")
    if not parts:
        return [], 0, all_ints
    low = min([e for _, e in parts])
    return [m * 2 ** (e - low) for m, e in parts], low, all_ints


def _st_bits(n):
    b = 0
    while n >= 2 ** (b + 64):
        b += 64
    while n >= 2 ** b:
        b += 1
    return b


def _st_div(num, den):
    # num / den correctly rounded (half to even) for ints, den > 0
    import math
    neg = num < 0
    if neg:
        num = -num
    if num == 0:
        return 0.0
    shift = 55 - (_st_bits(num) - _st_bits(den))
    if shift >= 0:
        q, r = divmod(num * 2 ** shift, den)
    else:
        q, r = divmod(num, den * 2 ** -shift)
    d = _st_bits(q) - 53
    keep = q // 2 ** d
    rest = q - keep * 2 ** d
    half = 2 ** (d - 1)
    if rest > half or (rest == half and (r != 0 or keep % 2 == 1)):
        keep += 1
    res = math.ldexp(float(keep), d - shift)
    return -res if neg else res


def _st_convert(num, den, e, all_ints):
    import math
    if all_ints and e >= 0 and num % den == 0:
        return (num // den) * 2 ** e
    if e >= 0:
        return _st_div(num * 2 ** e, den)
    return math.ldexp(_st_div(num, den), e)


def _st_mean(data, /):
    xs, e, all_ints = _st_exact(list(data))
    if not xs:
        _st_error("mean requires at least one data point")
    return _st_convert(sum(xs), len(xs), e, all_ints)


def _st_fmean(data, weights=None):
    import math
    data = list(data)
    if weights is None:
        if not data:
            _st_error("fmean requires at least one data point")
        return math.fsum(data) / len(data)
    weights = list(weights)
    if len(weights) != len(data):
        _st_error("data and weights must be the same length")
    total = math.fsum(weights)
    if not total:
        _st_error("sum of weights must be non-zero")
    return math.sumprod(data, weights) / total


def _st_var(data, name, sample):
    xs, e, all_ints = _st_exact(list(data))
    n = len(xs)
    if n < (2 if sample else 1):
        _st_error(name + " requires at least " + ("two data points" if sample else "one data point"))
    s = sum(xs)
    num = n * sum([x * x for x in xs]) - s * s
    den = n * (n - 1) if sample else n * n
    return num, den, 2 * e, all_ints


def _st_variance(data, xbar=None):
    num, den, e, all_ints = _st_var(data, "variance", True)
    return _st_convert(num, den, e, all_ints)


def _st_pvariance(data, mu=None):
    num, den, e, all_ints = _st_var(data, "pvariance", False)
    return _st_convert(num, den, e, all_ints)


def _st_stdev(data, xbar=None):
    import math
    num, den, e, all_ints = _st_var(data, "stdev", True)
    return math.sqrt(_st_convert(num, den, e, False))


def _st_pstdev(data, mu=None):
    import math
    num, den, e, all_ints = _st_var(data, "pstdev", False)
    return math.sqrt(_st_convert(num, den, e, False))


def _st_median(data, /):
    data = sorted(data)
    n = len(data)
    if n == 0:
        _st_error("no median for empty data")
    if n % 2 == 1:
        return data[n // 2]
    i = n // 2
    return (data[i - 1] + data[i]) / 2


def _st_median_low(data, /):
    data = sorted(data)
    n = len(data)
    if n == 0:
        _st_error("no median for empty data")
    return data[n // 2] if n % 2 == 1 else data[n // 2 - 1]


def _st_median_high(data, /):
    data = sorted(data)
    n = len(data)
    if n == 0:
        _st_error("no median for empty data")
    return data[n // 2]


def _st_counts(data):
    counts = {}
    for x in data:
        counts[x] = counts.get(x, 0) + 1
    return counts


def _st_mode(data, /):
    counts = _st_counts(data)
    if not counts:
        _st_error("no mode for empty data")
    best = None
    best_n = 0
    for k in counts:
        if counts[k] > best_n:
            best = k
            best_n = counts[k]
    return best


def _st_multimode(data, /):
    counts = _st_counts(data)
    if not counts:
        return []
    top = max(counts.values())
    return [k for k in counts if counts[k] == top]


def _st_quantiles(data, *, n=4, method="exclusive"):
    if n < 1:
        _st_error("n must be at least 1")
    data = sorted(data)
    ld = len(data)
    if ld < 2:
        if ld == 1:
            return data * (n - 1)
        _st_error("must have at least one data point")
    if method == "inclusive":
        m = ld - 1
        result = []
        for i in range(1, n):
            j, delta = divmod(i * m, n)
            interpolated = (data[j] * (n - delta) + data[j + 1] * delta) / n
            result.append(interpolated)
        return result
    if method == "exclusive":
        m = ld + 1
        result = []
        for i in range(1, n):
            j = i * m // n
            j = 1 if j < 1 else ld - 1 if j > ld - 1 else j
            delta = i * m - j * n
            interpolated = (data[j - 1] * (n - delta) + data[j] * delta) / n
            result.append(interpolated)
        return result
    raise ValueError("Unknown method: " + repr(method))


# operator (vm/mod_operator.c lists these). Callables returned by itemgetter and friends
# are closures: monty has no classes, so their repr is a function's.
def _op_itemgetter(item, /, *items):
    if not items:
        def itemgetter(obj, /):
            return obj[item]
        return itemgetter
    keys = (item,) + items

    def itemgetter(obj, /):
        return _builtin_tuple([obj[k] for k in keys])
    return itemgetter


def _op_resolve_attr(obj, attr):
    for name in attr.split("."):
        obj = getattr(obj, name)
    return obj


def _op_attrgetter(attr, /, *attrs):
    for a in (attr,) + attrs:
        if not isinstance(a, str):
            raise TypeError("attribute name must be a string")
    if not attrs:
        def attrgetter(obj, /):
            return _op_resolve_attr(obj, attr)
        return attrgetter
    names = (attr,) + attrs

    def attrgetter(obj, /):
        return _builtin_tuple([_op_resolve_attr(obj, a) for a in names])
    return attrgetter


def _op_methodcaller(name, /, *args, **kwargs):
    if not isinstance(name, str):
        raise TypeError("method name must be a string")

    def methodcaller(obj, /):
        return getattr(obj, name)(*args, **kwargs)
    return methodcaller


def _op_lt(a, b, /):
    return a < b


def _op_le(a, b, /):
    return a <= b


def _op_eq(a, b, /):
    return a == b


def _op_ne(a, b, /):
    return a != b


def _op_ge(a, b, /):
    return a >= b


def _op_gt(a, b, /):
    return a > b


def _op_not_(a, /):
    return not a


def _op_truth(a, /):
    return True if a else False


def _op_is_(a, b, /):
    return a is b


def _op_is_not(a, b, /):
    return a is not b


def _op_is_none(a, /):
    return a is None


def _op_is_not_none(a, /):
    return a is not None


def _op_abs(a, /):
    return abs(a)


def _op_add(a, b, /):
    return a + b


def _op_and_(a, b, /):
    return a & b


def _op_floordiv(a, b, /):
    return a // b


def _op_index(a, /):
    if isinstance(a, int):
        return a + 0
    raise TypeError("'" + type(a).__name__
                    + "' object cannot be interpreted as an integer")


def _op_inv(a, /):
    return ~a


def _op_lshift(a, b, /):
    return a << b


def _op_mod(a, b, /):
    return a % b


def _op_mul(a, b, /):
    return a * b


def _op_neg(a, /):
    return -a


def _op_or_(a, b, /):
    return a | b


def _op_pos(a, /):
    return +a


def _op_pow(a, b, /):
    return a ** b


def _op_rshift(a, b, /):
    return a >> b


def _op_sub(a, b, /):
    return a - b


def _op_truediv(a, b, /):
    return a / b


def _op_xor(a, b, /):
    return a ^ b


def _op_concat(a, b, /):
    return a + b


def _op_contains(a, b, /):
    return b in a


def _op_countOf(a, b, /):
    n = 0
    for x in a:
        if x is b or x == b:
            n += 1
    return n


def _op_indexOf(a, b, /):
    i = 0
    for x in a:
        if x is b or x == b:
            return i
        i += 1
    raise ValueError("sequence.index(x): x not in sequence")


def _op_getitem(a, b, /):
    return a[b]


def _op_setitem(a, b, c, /):
    a[b] = c


def _op_delitem(a, b, /):
    del a[b]


def _op_iadd(a, b, /):
    a += b
    return a


def _op_isub(a, b, /):
    a -= b
    return a


def _op_imul(a, b, /):
    a *= b
    return a


def _op_iconcat(a, b, /):
    a += b
    return a


def _op_call(obj, /, *args, **kwargs):
    return obj(*args, **kwargs)


# heapq (vm/mod_heapq.c lists these): the same sift order as CPython's, so a heap list
# prints the same.
def _hq_check(heap):
    if type(heap) is not type([]):
        raise TypeError("heap argument must be a list")


def _hq_sift_down(heap, start, pos):
    item = heap[pos]
    while pos > start:
        parent = (pos - 1) >> 1
        if item < heap[parent]:
            heap[pos] = heap[parent]
            pos = parent
        else:
            break
    heap[pos] = item


def _hq_sift_up(heap, pos):
    end = len(heap)
    start = pos
    item = heap[pos]
    child = 2 * pos + 1
    while child < end:
        right = child + 1
        if right < end and not heap[child] < heap[right]:
            child = right
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _hq_sift_down(heap, start, pos)


def _hq_sift_down_max(heap, start, pos):
    item = heap[pos]
    while pos > start:
        parent = (pos - 1) >> 1
        if heap[parent] < item:
            heap[pos] = heap[parent]
            pos = parent
        else:
            break
    heap[pos] = item


def _hq_sift_up_max(heap, pos):
    end = len(heap)
    start = pos
    item = heap[pos]
    child = 2 * pos + 1
    while child < end:
        right = child + 1
        if right < end and not heap[right] < heap[child]:
            child = right
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _hq_sift_down_max(heap, start, pos)


def _hq_heappush(heap, item, /):
    _hq_check(heap)
    heap.append(item)
    _hq_sift_down(heap, 0, len(heap) - 1)


def _hq_heappop(heap, /):
    _hq_check(heap)
    if not heap:
        raise IndexError("index out of range")
    last = heap.pop()
    if heap:
        top = heap[0]
        heap[0] = last
        _hq_sift_up(heap, 0)
        return top
    return last


def _hq_heapreplace(heap, item, /):
    _hq_check(heap)
    if not heap:
        raise IndexError("index out of range")
    top = heap[0]
    heap[0] = item
    _hq_sift_up(heap, 0)
    return top


def _hq_heappushpop(heap, item, /):
    _hq_check(heap)
    if heap and heap[0] < item:
        top = heap[0]
        heap[0] = item
        _hq_sift_up(heap, 0)
        return top
    return item


def _hq_heapify(heap, /):
    _hq_check(heap)
    for i in range(len(heap) // 2 - 1, -1, -1):
        _hq_sift_up(heap, i)


def _hq_nlargest(n, iterable, key=None):
    if n <= 0:
        return []
    return sorted(iterable, key=key, reverse=True)[:n]


def _hq_nsmallest(n, iterable, key=None):
    if n <= 0:
        return []
    return sorted(iterable, key=key)[:n]


def _hq_merge(*iterables, key=None, reverse=False):
    iters = [iter(it) for it in iterables]
    heads = []
    for it in iters:
        v = next(it, _NOTHING)
        heads.append(v)
    while True:
        best = -1
        best_key = None
        for i in range(len(heads)):
            v = heads[i]
            if v is _NOTHING:
                continue
            k = v if key is None else key(v)
            if best < 0 or ((best_key < k) if reverse else (k < best_key)):
                best = i
                best_key = k
        if best < 0:
            return
        yield heads[best]
        heads[best] = next(iters[best], _NOTHING)


# bisect (vm/mod_bisect.c lists these)
def _bs_bounds(a, lo, hi):
    if lo < 0:
        raise ValueError("lo must be non-negative")
    if hi is None:
        hi = len(a)
    return lo, hi


def _bs_left(a, x, lo=0, hi=None, *, key=None):
    lo, hi = _bs_bounds(a, lo, hi)
    while lo < hi:
        mid = (lo + hi) // 2
        v = a[mid] if key is None else key(a[mid])
        if v < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _bs_right(a, x, lo=0, hi=None, *, key=None):
    lo, hi = _bs_bounds(a, lo, hi)
    while lo < hi:
        mid = (lo + hi) // 2
        v = a[mid] if key is None else key(a[mid])
        if x < v:
            hi = mid
        else:
            lo = mid + 1
    return lo


def _bs_insort_left(a, x, lo=0, hi=None, *, key=None):
    i = _bs_left(a, x if key is None else key(x), lo, hi, key=key)
    a.insert(i, x)


def _bs_insort_right(a, x, lo=0, hi=None, *, key=None):
    i = _bs_right(a, x if key is None else key(x), lo, hi, key=key)
    a.insert(i, x)


# copy (vm/mod_copy.c lists these). Immutable values are returned as they are, as
# CPython does; containers are rebuilt with their own type (dict subtypes, deque and
# namedtuple included); the memo keeps shared and cyclic references shared.
def _cp_dictlike(x):
    import collections
    t = type(x)
    if t is collections.defaultdict:
        return collections.defaultdict(x.default_factory)
    if t is collections.Counter:
        return collections.Counter()
    if t is collections.OrderedDict:
        return collections.OrderedDict()
    return {}


def _cp_copy(x, /):
    import collections
    t = type(x)
    if t is type([]):
        return x[:]
    if isinstance(x, type({})):
        y = _cp_dictlike(x)
        for k in x:
            y[k] = x[k]
        return y
    if t is _builtin_set:
        return x.copy()
    if t is collections.deque:
        return collections.deque(x, x.maxlen)
    return x


def _cp_deepcopy(x, memo=None, /):
    if memo is None:
        memo = {}
    return _cp_deep(x, memo)


def _cp_deep(x, memo):
    import collections
    t = type(x)
    if t is int or t is str or t is float or t is bool or x is None:
        return x
    i = id(x)
    if i in memo:
        return memo[i]
    if t is type([]):
        y = []
        memo[i] = y
        for v in x:
            y.append(_cp_deep(v, memo))
        return y
    if isinstance(x, type({})):
        y = _cp_dictlike(x)
        memo[i] = y
        for k in x:
            y[_cp_deep(k, memo)] = _cp_deep(x[k], memo)
        return y
    if t is _builtin_set:
        y = _builtin_set()
        memo[i] = y
        for v in x:
            y.add(_cp_deep(v, memo))
        return y
    if t is collections.deque:
        y = collections.deque((), x.maxlen)
        memo[i] = y
        for v in x:
            y.append(_cp_deep(v, memo))
        return y
    if isinstance(x, _builtin_tuple):
        items = [_cp_deep(v, memo) for v in x]
        same = True
        for j in range(len(items)):
            if items[j] is not x[j]:
                same = False
                break
        if same:
            return x
        if t is _builtin_tuple:
            y = _builtin_tuple(items)
        else:
            y = t._make(items)
        memo[i] = y
        return y
    if t is _builtin_frozenset:
        y = _builtin_frozenset([_cp_deep(v, memo) for v in x])
        memo[i] = y
        return y
    return x


def _st_geometric_mean(data, /):
    import math
    import statistics
    n = 0
    found_zero = False
    logs = []
    for x in data:
        n += 1
        if x > 0.0 or math.isnan(x):
            logs.append(math.log(x))
        elif x == 0.0:
            found_zero = True
        else:
            raise statistics.StatisticsError("No negative inputs allowed", x)
    total = math.fsum(logs)
    if not n:
        _st_error("Must have a non-empty dataset")
    if math.isnan(total):
        return math.nan
    if found_zero:
        return math.nan if total == math.inf else 0.0
    return math.exp(total / n)


def _st_harmonic_mean(data, weights=None):
    data = list(data)
    n = len(data)
    if n < 1:
        _st_error("harmonic_mean requires at least one data point")
    if weights is not None:
        raise NotImplementedError("monty does not support statistics.harmonic_mean(weights=...)")
    for x in data:
        if x < 0:
            _st_error("harmonic mean does not support negative values")
    if n == 1:
        return data[0]
    for x in data:
        if x == 0:
            return 0
    # as CPython: the float terms 1/x summed exactly, n / sum correctly rounded
    xs, e, all_ints = _st_exact([1 / x for x in data])
    return _st_convert(n, sum(xs), -e, False)


# ---- async (vm/obj_coro.c, vm/mod_asyncio.c; ASYNC engineer, docs/async.md) ----------
# monty has no event loop: a coroutine runs when awaited, to its end; a host call (an
# `async def` tool) is the only suspension and pauses the whole run.


async def _host_call(f, args, kwargs):
    # the coroutine an `async def` tool's call returns; f is the tool's synchronous twin
    return f(*args, **kwargs)


def _aio_iscoroutine(obj):
    return type(obj).__name__ == "coroutine"


_aio_running = [False]


def _aio_run(main, *, debug=None):
    if _aio_running[0]:
        if type(main).__name__ == "coroutine":
            main.close()
        raise RuntimeError("asyncio.run() cannot be called from a running event loop")
    if type(main).__name__ != "coroutine":
        raise ValueError("a coroutine was expected, got " + repr(main))
    _aio_running[0] = True
    try:
        main.send(None)
    except StopIteration as e:
        return e.value
    finally:
        _aio_running[0] = False
    raise RuntimeError("monty's coroutines never yield")


def _aio_check_awaitable(aw):
    if type(aw).__name__ != "coroutine":
        raise TypeError("An asyncio.Future, a coroutine or an awaitable is required")


def _aio_gather(*aws, return_exceptions=False):
    for aw in aws:
        _aio_check_awaitable(aw)
    return _aio_gather_all(aws, return_exceptions)


async def _aio_gather_all(aws, return_exceptions):
    # one after another in argument order; every awaitable runs (as CPython's tasks
    # do) and without return_exceptions the first exception is raised at the end
    results = []
    seen = {}  # coroutines hash by identity
    first = None
    for aw in aws:
        if aw in seen:
            # the same awaitable twice: one run, its result twice (as CPython)
            results.append(results[seen[aw]])
            continue
        seen[aw] = len(results)
        try:
            results.append(await aw)
        except Exception as e:
            results.append(e)
            if first is None:
                first = e
    if first is not None and not return_exceptions:
        raise first
    return results


def _aio_as_completed(aws, *, timeout=None):
    # "in completion order": monty completes them one after another in argument order
    aws = list(aws)
    for aw in aws:
        _aio_check_awaitable(aw)
    return iter(aws)


async def _aio_sleep(delay, result=None):
    if delay <= 0:
        return result
    return result


def _aio_create_task(coro, *, name=None, context=None):
    if type(coro).__name__ != "coroutine":
        raise TypeError("a coroutine was expected, got " + repr(coro))
    return coro


def _aio_ensure_future(coro_or_future, *, loop=None):
    _aio_check_awaitable(coro_or_future)
    return coro_or_future


async def _aio_wait_for(aw, timeout):
    _aio_check_awaitable(aw)
    return await aw
