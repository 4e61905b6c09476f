import itertools
from itertools import chain, islice, count, product, permutations, combinations, groupby
import functools
from functools import reduce, partial, lru_cache, cache
import string
import typing
from typing import List, Optional, Dict, Any, cast
print(list(chain([1, 2], "ab")), list(chain.from_iterable([[1], [2, 3]])), chain)
print(list(islice(count(5), 3)), list(islice("abcdefg", 2, None, 2)), list(islice(range(10), 1, 8, 3)))
print(list(itertools.cycle("ab"))[:0] if False else list(islice(itertools.cycle("ab"), 5)), list(itertools.repeat(7, 3)))
print(list(itertools.accumulate([1, 2, 3, 4])), list(itertools.accumulate([1, 2, 3], lambda a, b: a * b, initial=10)))
print(list(itertools.batched("abcdefg", 3)), list(itertools.compress("abcdef", [1, 0, 1, 0, 1, 1])))
print(list(itertools.dropwhile(lambda x: x < 3, [1, 2, 3, 1])), list(itertools.takewhile(lambda x: x < 3, [1, 2, 3, 1])))
print(list(itertools.filterfalse(lambda x: x % 2, range(6))), list(itertools.pairwise("abcd")))
print([(k, list(g)) for k, g in groupby("aabbbc")], [(k, len(list(g))) for k, g in groupby([1, 3, 2, 4, 5], key=lambda x: x % 2)])
print(list(product("ab", repeat=2)), list(product([1, 2], "xy")), list(permutations("abc")), list(permutations(range(3), 2)))
print(list(combinations("abcd", 2)), list(itertools.combinations_with_replacement("abc", 2)), list(combinations([], 0)))
print(list(itertools.starmap(pow, [(2, 3), (3, 2)])), [list(t) for t in itertools.tee([1, 2], 2)])
print(list(itertools.zip_longest("ab", "xyz", fillvalue="-")), list(itertools.zip_longest()))
try:
    islice("abc", -1)
except ValueError as e:
    print(e)
print(reduce(lambda a, b: a * b, [1, 2, 3, 4, 5]), reduce(max, [3, 9, 2], 0), reduce(lambda a, b: a + b, [], 7))
try:
    reduce(lambda a, b: a, [])
except TypeError as e:
    print(e)
p = partial(int, base=2)
add = partial(lambda a, b, c=0: a + b + c, 1, c=10)
print(p("101"), add(2), add(2, c=0))
calls = []
@lru_cache(maxsize=None)
def fib(n):
    calls.append(n)
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(30), len(calls))
@cache
def sq(x):
    calls.append(x)
    return x * x
print(sq(4), sq(4), len(calls))
@functools.lru_cache
def g(x):
    return x + 1
print(g(1))
print(string.ascii_letters, string.hexdigits, repr(string.whitespace), string.capwords("hello  big world"), len(string.printable))
x: List[int] = [1]
Vec = List[float]
print(cast(int, "s"), Optional, typing.TYPE_CHECKING)
