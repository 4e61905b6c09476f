/*
 * test_snap.c — snapshot format 2 (vm/SNAPSHOT.md): every script below runs once
 * uninterrupted and once with a dump and a load (into a new run, the old one freed)
 * at every host call; output and result must be identical. The scripts pause with
 * shared and cyclic data, generators suspended and running, calls inside
 * sorted(key=...), map, comprehensions and except blocks, big ints and every kind
 * of value a paused run can hold. Also: what cannot be saved is refused clearly.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "include/monty.h"

typedef struct Out {
    char buf[16384];
    size_t len;
} Out;

static void
sink(void *ud, const char *text, size_t len)
{
    Out *o = ud;
    if (o->len + len < sizeof o->buf) {
        memcpy(o->buf + o->len, text, len);
        o->len += len;
        o->buf[o->len] = '\0';
    }
}

static const char *const EXT[] = {"f", "g"};

static MontyProgram *
compile(const char *src)
{
    MontyCompileOptions opts = {0};
    opts.script_name = "snap.py";
    opts.external_names = EXT;
    opts.nexternals = 2;
    MontyProgram *p = NULL;
    MontyError err;
    MontyStatus st = monty_compile(src, strlen(src), &opts, &p, &err);
    ck_assert_msg(st == MONTY_OK, "compile: %s", err.text);
    return p;
}

static MontyConfig
config(Out *out)
{
    MontyConfig cfg = monty_config_default();
    cfg.print = sink;
    cfg.print_ud = out;
    cfg.limits.max_duration = 10;
    cfg.limits.max_memory = 256u << 20;
    return cfg;
}

/* The answer to the k-th call: f(x) returns x * 10 + k when x is an int, else x;
 * g raises ValueError. */
static const MontyEvent *
answer(MontyRun *r, const MontyEvent *ev, int k)
{
    const MontyEvent *next = NULL;
    if (strcmp(monty_event_function(ev), "g") == 0) {
        ck_assert_int_eq(monty_run_resume_raise(r, "ValueError", "from host", &next), MONTY_OK);
        return next;
    }
    const MontyValue *args;
    size_t n = monty_event_args(ev, &args);
    MontyValue v = monty_none();
    if (n > 0 && args[0].kind == MONTY_INT) {
        v = monty_int(args[0].u.i * 10 + k);
    } else if (n > 0) {
        ck_assert_int_eq(monty_value_copy(&args[0], &v), MONTY_OK);
    }
    ck_assert_int_eq(monty_run_resume(r, &v, &next), MONTY_OK);
    monty_value_free(&v);
    return next;
}

/* Runs src to the end; with `durable`, dumps and reloads the run at every call
 * (and checks that dumping twice gives the same bytes). Returns the repr of the
 * result or of the error into out. */
static void
drive(const char *src, bool durable, Out *out)
{
    MontyProgram *p = compile(src);
    MontyConfig cfg = config(out);
    MontyRun *r = NULL;
    const MontyEvent *ev = NULL;
    ck_assert_int_eq(monty_run_new(p, &cfg, &r), MONTY_OK);
    ck_assert_int_eq(monty_run_start(r, NULL, 0, &ev), MONTY_OK);
    for (int k = 0; monty_event_kind(ev) == MONTY_EVENT_CALL; k++) {
        ck_assert_int_lt(k, 1000);
        if (durable) {
            uint8_t *data = NULL, *again = NULL;
            size_t len = 0, len2 = 0;
            MontyStatus st = monty_run_dump(r, &data, &len);
            ck_assert_msg(st == MONTY_OK, "dump: %s", monty_run_dump_error(r));
            ck_assert_int_eq(monty_run_dump(r, &again, &len2), MONTY_OK);
            ck_assert_uint_eq(len, len2);
            ck_assert(memcmp(data, again, len) == 0);
            monty_free(again);
            monty_run_free(r);
            MontyError err;
            st = monty_run_load(data, len, &cfg, &r, &ev, &err);
            ck_assert_msg(st == MONTY_OK, "load: %s", err.message);
            monty_free(data);
        }
        ev = answer(r, ev, k);
    }
    char tail[2048];
    if (monty_event_kind(ev) == MONTY_EVENT_COMPLETE) {
        char *repr = monty_value_repr(monty_event_value(ev));
        snprintf(tail, sizeof tail, "=> %s\n", repr ? repr : "?");
        monty_free(repr);
    } else {
        snprintf(tail, sizeof tail, "!! %s: %s\n", monty_event_exc_type(ev),
                 monty_event_message(ev));
    }
    sink(out, tail, strlen(tail));
    monty_run_free(r);
    monty_program_free(p);
}

static void
same_either_way(const char *src, const char *expect)
{
    static Out a, b;
    memset(&a, 0, sizeof a);
    memset(&b, 0, sizeof b);
    drive(src, false, &a);
    drive(src, true, &b);
    ck_assert_msg(strcmp(a.buf, b.buf) == 0, "uninterrupted:\n%s\nwith snapshots:\n%s", a.buf,
                  b.buf);
    if (expect != NULL) {
        ck_assert_msg(strstr(a.buf, expect) != NULL, "expected %s in:\n%s", expect, a.buf);
    }
}

START_TEST(test_snap_sharing_and_cycles)
{
    same_either_way("a = [1]\n"
                    "a.append(a)\n"
                    "d = {'x': a, 'y': a}\n"
                    "d['self'] = d\n"
                    "t = (a, a, d)\n"
                    "s = 'shared'\n"
                    "u = [s, s]\n"
                    "f(1)\n"
                    "print(a[1] is a, d['x'] is d['y'], d['self'] is d, t[0] is t[1])\n"
                    "print(u[0] is u[1], t[2] is d, a)\n"
                    "a.append(f(2))\n"
                    "print(t[0][-1], d['y'][-1])\n",
                    "True True True True");
}
END_TEST

START_TEST(test_snap_generators)
{
    same_either_way("def gen(n):\n"
                    "    for i in range(n):\n"
                    "        x = yield f(i)\n"
                    "        print('sent', x)\n"
                    "    return 'done'\n"
                    "def outer():\n"
                    "    r = yield from gen(3)\n"
                    "    print('inner returned', r)\n"
                    "    yield f(100)\n"
                    "out = []\n"
                    "for v in outer():\n"
                    "    out.append(v)\n"
                    "print(out)\n"
                    "g2 = gen(2)\n"
                    "print(next(g2))\n"
                    "print(g2.send('hello'))\n"
                    "idle = gen(5)\n"
                    "print(next(idle))\n"
                    "f(7)\n"
                    "print(next(idle), list(x * 2 for x in [1, 2]))\n",
                    "inner returned done");
}
END_TEST

START_TEST(test_snap_callbacks)
{
    same_either_way("print(sorted([3, 1, 2], key=lambda x: -f(x)))\n"
                    "print(list(map(lambda x: f(x), [5, 6])))\n"
                    "print(list(filter(lambda x: f(x) % 2, [1, 2, 3])))\n"
                    "print(max([4, 9, 2], key=lambda x: f(x)))\n"
                    "print([f(x) for x in range(3)])\n"
                    "print({x: f(x) for x in 'ab'})\n"
                    "print({f(x) for x in (1, 2)})\n"
                    "print([[f(i * j) for j in range(2)] for i in range(2)])\n"
                    "def k(x):\n"
                    "    return [f(y) for y in range(x)]\n"
                    "print(sorted([2, 1], key=k))\n",
                    NULL);
}
END_TEST

START_TEST(test_snap_exceptions)
{
    same_either_way("def risky():\n"
                    "    raise KeyError('k')\n"
                    "saved = None\n"
                    "try:\n"
                    "    risky()\n"
                    "except KeyError as e:\n"
                    "    saved = e\n"
                    "    f(1)\n"
                    "    try:\n"
                    "        g()\n"
                    "    except ValueError as v:\n"
                    "        print('host raised', v, repr(saved))\n"
                    "try:\n"
                    "    f(2)\n"
                    "finally:\n"
                    "    print('finally', f(3))\n"
                    "try:\n"
                    "    raise saved\n"
                    "except KeyError as e2:\n"
                    "    print(e2 is saved)\n"
                    "raise RuntimeError('end') from saved\n",
                    "RuntimeError: end");
}
END_TEST

START_TEST(test_snap_values)
{
    same_either_way("import math\n"
                    "from collections import defaultdict, Counter, OrderedDict\n"
                    "big = 2 ** 200\n"
                    "neg = -(3 ** 150)\n"
                    "fl = [1.5, -0.0, float('inf'), 1e300]\n"
                    "s = 'héllo wörld 𝄞'\n"
                    "b = b'\\x00\\xffbytes'\n"
                    "t = (1, 'two', 3.0, None, True, ...)\n"
                    "d = {'a': 1, 'b': 2, 'c': 3}\n"
                    "del d['b']\n"
                    "d['z'] = 26\n"
                    "st = {3, 1, 2, 'x', (1, 2)}\n"
                    "st.discard(1)\n"
                    "fs = frozenset({frozenset({1, 2}), (3, frozenset({4}))})\n"
                    "rg = range(10, 0, -3)\n"
                    "sl = slice(1, None, 2)\n"
                    "dd = defaultdict(list)\n"
                    "dd['k'].append(1)\n"
                    "cnt = Counter('abracadabra')\n"
                    "od = OrderedDict([('x', 1), ('y', 2)])\n"
                    "u = int | str\n"
                    "def mk(n, *, scale=2):\n"
                    "    def inner(x=n):\n"
                    "        return x * scale + n\n"
                    "    return inner\n"
                    "fn = mk(4)\n"
                    "fn.tag = 'attr'\n"
                    "meth = [1, 2].append\n"
                    "smeth = str.upper\n"
                    "bl = len\n"
                    "mf = math.sqrt\n"
                    "ty = (int, ValueError, type(None))\n"
                    "its = [iter([1, 2, 3]), iter((4, 5)), iter('ab'), iter('é€x'), iter(range(5)),\n"
                    "       iter(d), iter(d.values()), iter(d.items()), iter(st), enumerate('xyz'),\n"
                    "       zip([1, 2], 'ab'), reversed([7, 8, 9]), map(abs, [-1, -2]),\n"
                    "       filter(None, [0, 1, 2])]\n"
                    "for it in its:\n"
                    "    next(it)\n"
                    "views = (d.keys(), d.values(), d.items())\n"
                    "f(1)\n"
                    "print(big, neg, big * neg % 1000007, fl, s, b, t)\n"
                    "print(d, sorted(st, key=str), fs, list(rg), sl, dd, cnt.most_common(2), od)\n"
                    "print(u, fn(), fn.tag, meth(3), smeth('up'), bl('abc'), mf(16.0), ty)\n"
                    "print([list(it) for it in its])\n"
                    "print([list(v) for v in views], math.pi)\n"
                    "d['new'] = f(2)\n"
                    "print(list(views[0]), list(views[2]))\n",
                    "1606938044258990275541962092341162602522202993782792835301376");
}
END_TEST

START_TEST(test_snap_iteration_in_progress)
{
    same_either_way("d = {i: i * i for i in range(20)}\n"
                    "for k in list(d)[:10]:\n"
                    "    del d[k]\n"
                    "s = set(range(0, 100, 7))\n"
                    "s.discard(14)\n"
                    "out = []\n"
                    "for k, v in d.items():\n"
                    "    out.append(f(k))\n"
                    "for x in s:\n"
                    "    out.append(f(x))\n"
                    "print(out)\n"
                    "for i, c in enumerate('abc'):\n"
                    "    f(i)\n"
                    "print(i, c)\n",
                    NULL);
}
END_TEST

START_TEST(test_snap_closures_and_recursion)
{
    same_either_way("def counter():\n"
                    "    n = 0\n"
                    "    def inc():\n"
                    "        nonlocal n\n"
                    "        n += f(1)\n"
                    "        return n\n"
                    "    return inc\n"
                    "c = counter()\n"
                    "c()\n"
                    "c()\n"
                    "def rec(k):\n"
                    "    if k == 0:\n"
                    "        return f(0)\n"
                    "    return rec(k - 1) + k\n"
                    "print(c(), rec(30))\n",
                    NULL);
}
END_TEST

START_TEST(test_snap_modules_values)
{
    same_either_way("import re\n"
                    "from collections import deque, namedtuple\n"
                    "from datetime import date, datetime, timedelta, time\n"
                    "p = re.compile(r'(?P<w>[a-z]+)-(\\d+)?')\n"
                    "m = p.search('xx ab-12 cd-')\n"
                    "it = p.finditer('a-1 b-2 c- d-4')\n"
                    "first = next(it)\n"
                    "bp = re.compile(b'x+')\n"
                    "q = deque([1, 2, 3], maxlen=5)\n"
                    "q.appendleft(0)\n"
                    "P = namedtuple('P', ['x', 'y'], defaults=[0])\n"
                    "pt = P(1, 2)\n"
                    "pts = {pt: 'a', P(3): 'b'}\n"
                    "when = (date(2024, 2, 29), datetime(2020, 1, 2, 3, 4, 5, 6), "
                    "timedelta(days=-3, seconds=5), time(13, 14, 15, 16))\n"
                    "f(1)\n"
                    "print(p, m.group(0), m.groupdict(), m.span(2), first.group(), "
                    "[x.group() for x in it], bp.findall(b'axxbx'))\n"
                    "q.append(f(2))\n"
                    "print(q, pt, pt.y, pts[P(1, 2)], P(3), P._fields, when)\n",
                    "ab-12 {'w': 'ab'} (6, 8) a-1");
}
END_TEST

START_TEST(test_snap_unsupported_refused)
{
    Out o = {0};
    MontyProgram *p = compile("t = type(iter([]))\nf(1)\nprint(t)\n");
    MontyConfig cfg = config(&o);
    MontyRun *r = NULL;
    const MontyEvent *ev = NULL;
    ck_assert_int_eq(monty_run_new(p, &cfg, &r), MONTY_OK);
    ck_assert_int_eq(monty_run_start(r, NULL, 0, &ev), MONTY_OK);
    ck_assert_int_eq(monty_event_kind(ev), MONTY_EVENT_CALL);
    uint8_t *data = NULL;
    size_t len = 0;
    ck_assert_int_eq(monty_run_dump(r, &data, &len), MONTY_ERR_UNSUPPORTED);
    ck_assert_ptr_null(data);
    ck_assert_msg(strstr(monty_run_dump_error(r), "'list_iterator'") != NULL, "%s",
                  monty_run_dump_error(r));
    monty_run_free(r);
    monty_program_free(p);
}
END_TEST

/* A format-1 snapshot (the old replay log) is refused with a clear message. */
START_TEST(test_snap_format1_refused)
{
    uint8_t old[13 + 1] = {'M', 'N', 'T', 'Y', 'R', 1, 2, 0, 0, 1, 0, 0, 0, 0};
    MontyRun *r = NULL;
    MontyError err;
    ck_assert_int_eq(monty_run_load(old, sizeof old, NULL, &r, NULL, &err), MONTY_ERR_VERSION);
    ck_assert_ptr_null(r);
    ck_assert_msg(strstr(err.message, "format 1") != NULL, "%s", err.message);
}
END_TEST

/* A script holding most kinds of objects at its first call, for the mutation test. */
static const char *const RICH =
    "import re\n"
    "from collections import deque, namedtuple, defaultdict\n"
    "a = [1, 'two', 3.5, None, 2 ** 70]\n"
    "a.append(a)\n"
    "d = {'k': a, (1, 2): frozenset({1, 2}), 'x': {3, 4}}\n"
    "P = namedtuple('P', 'x y')\n"
    "extra = (P(1, 2), deque([1, 2], maxlen=3), defaultdict(int), re.compile('a(b)'),\n"
    "         range(1, 9, 2), slice(1, 2), b'by', int | str, iter([5, 6]), iter(d))\n"
    "def gen(n):\n"
    "    for i in range(n):\n"
    "        yield i\n"
    "g = gen(3)\n"
    "next(g)\n"
    "def outer(x):\n"
    "    def inner(y):\n"
    "        return f(x + y)\n"
    "    try:\n"
    "        raise KeyError('k')\n"
    "    except KeyError:\n"
    "        return [inner(i) for i in range(2)]\n"
    "print(sorted([3, 1, 2], key=lambda v: outer(v)), a[:2], d['x'], next(g), extra[0])\n";

/*
 * Every byte of a rich snapshot set to 3 other values, each variant loaded and
 * resumed to the end under limits: every one must load into a run that finishes
 * (with a result or a Python error) or be refused with a reason, never crash,
 * hang or leak (run it under ASan).
 */
START_TEST(test_snap_every_byte_mutated)
{
    Out o = {0};
    MontyProgram *p = compile(RICH);
    MontyConfig cfg = config(&o);
    MontyRun *r = NULL;
    const MontyEvent *ev = NULL;
    ck_assert_int_eq(monty_run_new(p, &cfg, &r), MONTY_OK);
    ck_assert_int_eq(monty_run_start(r, NULL, 0, &ev), MONTY_OK);
    ck_assert_int_eq(monty_event_kind(ev), MONTY_EVENT_CALL);
    uint8_t *orig = NULL;
    size_t len = 0;
    ck_assert_msg(monty_run_dump(r, &orig, &len) == MONTY_OK, "%s", monty_run_dump_error(r));
    monty_run_free(r);
    MontyConfig lim = config(&o);
    lim.limits.max_duration = 2;
    lim.limits.max_memory = 32u << 20;
    lim.limits.max_allocations = 1000000;
    static const int deltas[] = {1, 0x80};
    static const uint8_t fixed[] = {0xFF};
    uint8_t *buf = malloc(len);
    size_t loaded = 0, refused = 0;
    for (size_t pos = 13; pos < len; pos++) {
        for (size_t v = 0; v < 3; v++) {
            memcpy(buf, orig, len);
            uint8_t nb = v < 2 ? (uint8_t)(orig[pos] + deltas[v]) : fixed[v - 2];
            if (nb == orig[pos]) {
                continue;
            }
            buf[pos] = nb;
            MontyError err;
            MontyRun *q = NULL;
            const MontyEvent *qev = NULL;
            MontyStatus st = monty_run_load(buf, len, &lim, &q, &qev, &err);
            if (st != MONTY_OK) {
                ck_assert_msg(st == MONTY_ERR_FORMAT || st == MONTY_ERR_VERSION
                              || st == MONTY_ERR_NOMEM, "status %d", st);
                ck_assert(err.message[0] != '\0');
                refused++;
                continue;
            }
            loaded++;
            for (int k = 0; k < 20 && monty_event_kind(qev) == MONTY_EVENT_CALL; k++) {
                MontyValue val = monty_int(k);
                if (monty_run_resume(q, &val, &qev) != MONTY_OK) {
                    break;
                }
            }
            ck_assert(monty_event_kind(qev) != MONTY_EVENT_CALL
                      || monty_run_event(q) != NULL);
            monty_run_free(q);
        }
    }
    ck_assert_uint_gt(refused, 0);
    ck_assert_uint_gt(loaded, 0);
    free(buf);
    monty_free(orig);
    monty_program_free(p);
}
END_TEST

/* Dumps `src` paused at its first call. */
static uint8_t *
dump_first_call(const char *src, size_t *len)
{
    Out o = {0};
    MontyProgram *p = compile(src);
    MontyConfig cfg = config(&o);
    MontyRun *r = NULL;
    const MontyEvent *ev = NULL;
    ck_assert_int_eq(monty_run_new(p, &cfg, &r), MONTY_OK);
    ck_assert_int_eq(monty_run_start(r, NULL, 0, &ev), MONTY_OK);
    ck_assert_int_eq(monty_event_kind(ev), MONTY_EVENT_CALL);
    uint8_t *data = NULL;
    ck_assert_int_eq(monty_run_dump(r, &data, len), MONTY_OK);
    monty_run_free(r);
    monty_program_free(p);
    return data;
}

/* Replaces the object number after the first occurrence of `pat` in the snapshot
 * by every number below 64 in turn; counts the loads refused with `why`. */
static size_t
retarget(const uint8_t *orig, size_t len, const uint8_t *pat, size_t plen, const char *why)
{
    size_t at = 0;
    for (at = 13; at + plen < len && memcmp(orig + at, pat, plen) != 0; at++) {
    }
    ck_assert_msg(at + plen < len, "pattern not found");
    uint8_t *buf = malloc(len);
    size_t hits = 0;
    for (uint8_t num = 0; num < 64; num++) {
        memcpy(buf, orig, len);
        buf[at + plen] = num;
        MontyRun *q = NULL;
        const MontyEvent *ev = NULL;
        MontyError err;
        if (monty_run_load(buf, len, NULL, &q, &ev, &err) == MONTY_OK) {
            monty_run_free(q);
        } else if (strstr(err.message, why) != NULL) {
            hits++;
        }
    }
    free(buf);
    return hits;
}

/* Bytes no real run makes: a tuple that contains itself (hashing or printing it
 * would never end) and a dict keyed by a list are refused with their reason. */
START_TEST(test_snap_hostile_structures)
{
    size_t len;
    uint8_t *data = dump_first_call("a = 1\nt = (a, 2)\nf(1)\nprint(t)\n", &len);
    /* the tuple record: tag 8, 2 items, the first an int (tag 4, zigzag 2) */
    static const uint8_t tuple_pat[] = {8, 2, 6};
    uint8_t *patched = malloc(len);
    memcpy(patched, data, len);
    size_t at = 13;
    for (; at + 4 < len && !(patched[at] == 8 && patched[at + 1] == 2 && patched[at + 2] == 4
                             && patched[at + 3] == 2); at++) {
    }
    ck_assert(at + 4 < len);
    patched[at + 2] = 6;   /* the first item becomes an object reference ... */
    ck_assert_uint_gt(retarget(patched, len, tuple_pat, sizeof tuple_pat, "cycle of immutable"), 0);
    free(patched);
    monty_free(data);

    data = dump_first_call("l = [1]\nd = {'key': 0}\nf(1)\nprint(d, l)\n", &len);
    /* the dict record: tag 10, plain dict, 1 entry, key an object reference */
    static const uint8_t dict_pat[] = {10, 0, 1, 6};
    ck_assert_uint_gt(retarget(data, len, dict_pat, sizeof dict_pat, "cannot be hashed"), 0);
    monty_free(data);
}
END_TEST

Suite *snap_suite(void);

Suite *
snap_suite(void)
{
    Suite *s = suite_create("snapshot_format2");
    TCase *tc = tcase_create("roundtrip");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, test_snap_sharing_and_cycles);
    tcase_add_test(tc, test_snap_generators);
    tcase_add_test(tc, test_snap_callbacks);
    tcase_add_test(tc, test_snap_exceptions);
    tcase_add_test(tc, test_snap_values);
    tcase_add_test(tc, test_snap_iteration_in_progress);
    tcase_add_test(tc, test_snap_closures_and_recursion);
    tcase_add_test(tc, test_snap_modules_values);
    tcase_add_test(tc, test_snap_unsupported_refused);
    tcase_add_test(tc, test_snap_format1_refused);
    tcase_add_test(tc, test_snap_hostile_structures);
    tcase_add_test(tc, test_snap_every_byte_mutated);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    SRunner *sr = srunner_create(snap_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
