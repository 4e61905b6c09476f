# xfail: stdout line 13: expected 'sorted(["b", "a"], key=functools.cmp_to_key(lambda a, b: (a ', got 'sorted(["b", "a"], key=functools.cmp_to_key(lambda a, b: (a '
import itertools
import functools
import string
probes = [
    lambda: list(itertools.zip_longest("ab", "xyz", fillvalue="-")),
    lambda: list(itertools.takewhile(lambda x: x < 3, [1, 2, 5, 1])),
    lambda: list(itertools.dropwhile(lambda x: x < 3, [1, 2, 5, 1])),
    lambda: list(itertools.starmap(pow, [(2, 3), (3, 2)])),
    lambda: list(itertools.repeat("x", 3)),
    lambda: list(itertools.compress("abcd", [1, 0, 1, 0])),
    lambda: list(itertools.pairwise([1, 2, 3])),
    lambda: list(itertools.batched(range(7), 3)),
    lambda: list(itertools.combinations_with_replacement("ab", 2)),
    lambda: list(itertools.islice(itertools.cycle("ab"), 5)),
    lambda: functools.partial(int, base=2)("101"),
    lambda: functools.reduce(lambda a, b: a + b, [], 0),
    lambda: sorted(["b", "a"], key=functools.cmp_to_key(lambda a, b: (a > b) - (a < b))),
    lambda: string.Template("$who likes $what").substitute(who="tim", what="py"),
    lambda: string.capwords("hello  world"),
]
src = [
    'list(itertools.zip_longest("ab", "xyz", fillvalue="-"))',
    'list(itertools.takewhile(lambda x: x < 3, [1, 2, 5, 1]))',
    'list(itertools.dropwhile(lambda x: x < 3, [1, 2, 5, 1]))',
    'list(itertools.starmap(pow, [(2, 3), (3, 2)]))',
    'list(itertools.repeat("x", 3))',
    'list(itertools.compress("abcd", [1, 0, 1, 0]))',
    'list(itertools.pairwise([1, 2, 3]))',
    'list(itertools.batched(range(7), 3))',
    'list(itertools.combinations_with_replacement("ab", 2))',
    'list(itertools.islice(itertools.cycle("ab"), 5))',
    'functools.partial(int, base=2)("101")',
    'functools.reduce(lambda a, b: a + b, [], 0)',
    'sorted(["b", "a"], key=functools.cmp_to_key(lambda a, b: (a > b) - (a < b)))',
    'string.Template("$who likes $what").substitute(who="tim", what="py")',
    'string.capwords("hello  world")',
]
for text, p in zip(src, probes):
    try:
        print(text, "->", repr(p()))
    except Exception as e:
        print(text, "->", type(e).__name__, e)
