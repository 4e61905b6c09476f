/*
 * mod_json.c — the json module: dumps and loads with CPython 3.13's output and error
 * messages (Lib/json/encoder.py, Modules/_json.c). JSONDecodeError positions count
 * code points, as CPython's do.
 *
 * Both directions recurse on the C stack over the nesting of the data, bounded by
 * MAX_DEPTH (RecursionError beyond, as CPython's recursion limit gives). dumps(default=f)
 * calls f through vm_call_native: a Python f runs in a nested loop and cannot reach an
 * external function (the documented gap of contract 2 that vm_call_python has).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "vm/modules.h"

#define MAX_DEPTH 1000

VmStatus vm_sort_values(VmRun *run, VmValue *items, size_t n, VmValue key, bool reverse);

/* ---- dumps ------------------------------------------------------------------ */

typedef struct Enc {
    VmRun *run;
    VmStrBuf b;
    bool ensure_ascii, allow_nan, sort_keys, skipkeys, check_circular;
    VmValue indent;         /* str or EMPTY */
    VmValue item_sep, key_sep;
    VmValue dflt;           /* EMPTY: none */
    VmObj *stack[MAX_DEPTH];
    size_t depth;
} Enc;

static const char hexdig[] = "0123456789abcdef";

static void
add_u(VmStrBuf *b, uint32_t cp)
{
    char t[6] = { '\\', 'u', hexdig[(cp >> 12) & 15], hexdig[(cp >> 8) & 15],
                  hexdig[(cp >> 4) & 15], hexdig[cp & 15] };
    vm_sb_add(b, t, 6);
}

/* Decodes one UTF-8 (or surrogate-carrying) sequence; returns its length. */
static size_t
utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
    unsigned char c = s[0];
    if (c < 0x80 || n < 2) {
        *cp = c;
        return 1;
    }
    if (c < 0xE0) {
        *cp = ((uint32_t)(c & 0x1F) << 6) | (s[1] & 0x3F);
        return 2;
    }
    if (c < 0xF0 || n < 4) {
        if (n < 3) {
            *cp = c;
            return 1;
        }
        *cp = ((uint32_t)(c & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
        return 3;
    }
    *cp = ((uint32_t)(c & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12)
          | ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
    return 4;
}

static void
enc_string(Enc *e, const VmStr *s)
{
    VmStrBuf *b = &e->b;
    const unsigned char *p = (const unsigned char *)s->data;
    size_t n = s->len;
    vm_sb_add(b, "\"", 1);
    size_t i = 0;
    while (i < n) {
        unsigned char c = p[i];
        const char *esc = NULL;
        switch (c) {
        case '"': esc = "\\\""; break;
        case '\\': esc = "\\\\"; break;
        case '\n': esc = "\\n"; break;
        case '\r': esc = "\\r"; break;
        case '\t': esc = "\\t"; break;
        case '\b': esc = "\\b"; break;
        case '\f': esc = "\\f"; break;
        default: break;
        }
        if (esc != NULL) {
            vm_sb_adds(b, esc);
            i++;
        } else if (c < 0x20 || (e->ensure_ascii && c == 0x7f)) {
            add_u(b, c);
            i++;
        } else if (c < 0x80 || !e->ensure_ascii) {
            size_t j = i + 1;
            while (j < n && p[j] >= 0x20 && p[j] != '"' && p[j] != '\\'
                   && (!e->ensure_ascii || p[j] < 0x7f)) {
                j++;
            }
            vm_sb_add(b, (const char *)p + i, j - i);
            i = j;
        } else {
            uint32_t cp;
            i += utf8_decode(p + i, n - i, &cp);
            if (cp >= 0x10000) {
                cp -= 0x10000;
                add_u(b, 0xD800 | (cp >> 10));
                add_u(b, 0xDC00 | (cp & 0x3FF));
            } else {
                add_u(b, cp);
            }
        }
    }
    vm_sb_add(b, "\"", 1);
}

static VmStatus
enc_float(Enc *e, double d)
{
    if (isnan(d) || isinf(d)) {
        const char *t = isnan(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity";
        if (!e->allow_nan) {
            return vm_raise(e->run, &vm_exc_ValueError,
                            "Out of range float values are not JSON compliant: %s",
                            isnan(d) ? "nan" : d > 0 ? "inf" : "-inf");
        }
        vm_sb_adds(&e->b, t);
        return VM_OK;
    }
    char buf[64];
    vm_float_repr_cstr(d, buf, sizeof buf);
    vm_sb_adds(&e->b, buf);
    return VM_OK;
}

static VmStatus
enc_int(Enc *e, VmValue v)
{
    if (vm_val_is_bool(v)) {
        vm_sb_adds(&e->b, vm_val_get_bool(v) ? "true" : "false");
        return VM_OK;
    }
    if (vm_val_is_int(v)) {
        vm_sb_printf(&e->b, "%lld", (long long)vm_val_get_int(v));
        return VM_OK;
    }
    VmValue r;
    if (vm_int_repr(e->run, v, &r) != VM_OK) {
        return VM_ERR;
    }
    vm_sb_add(&e->b, VM_AS(VmStr, r)->data, VM_AS(VmStr, r)->len);
    return VM_OK;
}

static void
newline_indent(Enc *e, size_t level)
{
    const VmStr *ind = VM_AS(VmStr, e->indent);
    vm_sb_add(&e->b, "\n", 1);
    for (size_t i = 0; i < level; i++) {
        vm_sb_add(&e->b, ind->data, ind->len);
    }
}

static void
add_strval(Enc *e, VmValue s)
{
    vm_sb_add(&e->b, VM_AS(VmStr, s)->data, VM_AS(VmStr, s)->len);
}

static VmStatus enc_value(Enc *e, VmValue v, size_t level);

static VmStatus
push_container(Enc *e, VmObj *o)
{
    if (e->depth >= MAX_DEPTH) {
        return vm_raise(e->run, &vm_exc_RecursionError,
                        "maximum recursion depth exceeded while encoding a JSON object");
    }
    if (e->check_circular) {
        for (size_t i = 0; i < e->depth; i++) {
            if (e->stack[i] == o) {
                return vm_raise(e->run, &vm_exc_ValueError, "Circular reference detected");
            }
        }
    }
    e->stack[e->depth++] = o;
    return VM_OK;
}

static VmStatus
enc_array(Enc *e, VmValue *items, size_t n, VmObj *o, size_t level)
{
    if (n == 0) {
        vm_sb_adds(&e->b, "[]");
        return VM_OK;
    }
    if (push_container(e, o) != VM_OK) {
        return VM_ERR;
    }
    vm_sb_add(&e->b, "[", 1);
    bool ind = !vm_val_is_empty(e->indent);
    if (ind) {
        newline_indent(e, level + 1);
    }
    for (size_t i = 0; i < n; i++) {
        if (i > 0) {
            add_strval(e, e->item_sep);
            if (ind) {
                newline_indent(e, level + 1);
            }
        }
        if (enc_value(e, items[i], level + 1) != VM_OK) {
            return VM_ERR;
        }
    }
    if (ind) {
        newline_indent(e, level);
    }
    vm_sb_add(&e->b, "]", 1);
    e->depth--;
    return VM_OK;
}

/* A dict key as JSON text (without quotes' escaping for non-str); false: skip it. */
static VmStatus
enc_key(Enc *e, VmValue k, bool *skip)
{
    *skip = false;
    if (vm_is(k, &vm_type_str)) {
        enc_string(e, VM_AS(VmStr, k));
        return VM_OK;
    }
    vm_sb_add(&e->b, "\"", 1);
    if (vm_val_is_float(k)) {
        double d = vm_val_get_float(k);
        if (isnan(d) || isinf(d)) {
            if (!e->allow_nan) {
                return enc_float(e, d);
            }
            vm_sb_adds(&e->b, isnan(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
        } else if (enc_float(e, d) != VM_OK) {
            return VM_ERR;
        }
    } else if (vm_is_int(k)) {
        if (enc_int(e, k) != VM_OK) {
            return VM_ERR;
        }
    } else if (vm_val_is_none(k)) {
        vm_sb_adds(&e->b, "null");
    } else if (e->skipkeys) {
        e->b.len--;     /* drop the opening quote */
        *skip = true;
        return VM_OK;
    } else {
        return vm_raise(e->run, &vm_exc_TypeError,
                        "keys must be str, int, float, bool or None, not %s", vm_type_name(k));
    }
    vm_sb_add(&e->b, "\"", 1);
    return VM_OK;
}

static VmStatus
enc_dict(Enc *e, VmDict *d, size_t level)
{
    if (d->used == 0) {
        vm_sb_adds(&e->b, "{}");
        return VM_OK;
    }
    if (push_container(e, &d->hdr) != VM_OK) {
        return VM_ERR;
    }
    /* snapshot the entries: default() may run code that changes the dict */
    size_t n = 0;
    VmList *keys = vm_list_new(e->run, d->used);
    if (keys == NULL) {
        return VM_ERR;
    }
    for (size_t i = 0; i < d->nentries; i++) {
        if (!vm_val_is_empty(d->entries[i].key) && n < d->used) {
            keys->items[n++] = d->entries[i].key;
        }
    }
    keys->len = n;
    if (e->sort_keys && vm_sort_values(e->run, keys->items, n, vm_val_none(), false) != VM_OK) {
        return VM_ERR;
    }
    vm_sb_add(&e->b, "{", 1);
    bool ind = !vm_val_is_empty(e->indent);
    bool first = true;
    for (size_t i = 0; i < n; i++) {
        VmValue v;
        if (vm_dict_get(e->run, d, keys->items[i], &v) != VM_OK) {
            return VM_ERR;
        }
        if (vm_val_is_empty(v)) {
            continue;
        }
        size_t mark = e->b.len;
        if (!first) {
            add_strval(e, e->item_sep);
        }
        if (ind) {
            newline_indent(e, level + 1);
        }
        bool skip;
        if (enc_key(e, keys->items[i], &skip) != VM_OK) {
            return VM_ERR;
        }
        if (skip) {
            e->b.len = mark;
            continue;
        }
        first = false;
        add_strval(e, e->key_sep);
        if (enc_value(e, v, level + 1) != VM_OK) {
            return VM_ERR;
        }
    }
    if (ind && !first) {
        newline_indent(e, level);
    }
    vm_sb_add(&e->b, "}", 1);
    e->depth--;
    return VM_OK;
}

static VmStatus
enc_value(Enc *e, VmValue v, size_t level)
{
    if (e->b.failed) {
        return VM_ERR;
    }
    if (vm_val_is_none(v)) {
        vm_sb_adds(&e->b, "null");
        return VM_OK;
    }
    if (vm_is_int(v)) {
        return enc_int(e, v);
    }
    if (vm_val_is_float(v)) {
        return enc_float(e, vm_val_get_float(v));
    }
    if (vm_is(v, &vm_type_str)) {
        enc_string(e, VM_AS(VmStr, v));
        return VM_OK;
    }
    if (vm_is(v, &vm_type_list)) {
        VmList *l = VM_AS(VmList, v);
        return enc_array(e, l->items, l->len, v.u.o, level);
    }
    if (vm_is(v, &vm_type_tuple)) {
        VmTuple *t = VM_AS(VmTuple, v);
        return enc_array(e, t->items, t->len, v.u.o, level);
    }
    if (vm_isinstance(v, &vm_type_dict)) {     /* defaultdict, Counter, OrderedDict too */
        return enc_dict(e, VM_AS(VmDict, v), level);
    }
    VmTuple *nt = vm_module_tuple_of(v);        /* a namedtuple is a tuple */
    if (nt != NULL) {
        return enc_array(e, nt->items, nt->len, v.u.o, level);
    }
    if (vm_val_is_empty(e->dflt) || vm_val_is_none(e->dflt)) {
        const char *tn = vm_type_name(v), *dot = strrchr(tn, '.');
        return vm_raise(e->run, &vm_exc_TypeError, "Object of type %s is not JSON serializable",
                        dot ? dot + 1 : tn);
    }
    if (push_container(e, v.u.o) != VM_OK) {
        return VM_ERR;
    }
    VmValue r;
    if (vm_call_native(e->run, e->dflt, &v, 1, NULL, &r) != VM_OK
        || enc_value(e, r, level) != VM_OK) {
        return VM_ERR;
    }
    e->depth--;
    return VM_OK;
}

static VmStatus
want_str(VmRun *run, VmValue v, const char *what)
{
    if (!vm_is(v, &vm_type_str)) {
        return vm_raise(run, &vm_exc_TypeError, "%s must be str, not %s", what, vm_type_name(v));
    }
    return VM_OK;
}

static VmStatus
truth_arg(VmRun *run, VmValue v, bool dflt, bool *out)
{
    if (vm_val_is_empty(v)) {
        *out = dflt;
        return VM_OK;
    }
    return vm_truth(run, v, out);
}

/* CPython's dumps/loads pass unknown keywords on to JSONEncoder/JSONDecoder, which
 * reject them under their own name ("s"/"obj" is not a keyword of theirs). */
static VmStatus
unknown_kw(VmRun *run, const char *owner, VmTuple *kwnames, const char *const *names,
           size_t n)
{
    for (size_t k = 0; kwnames != NULL && k < kwnames->len; k++) {
        VmStr *kn = VM_AS(VmStr, kwnames->items[k]);
        bool known = vm_str_eq_cstr(kn, "obj") || vm_str_eq_cstr(kn, "s");
        for (size_t j = 0; j < n && !known; j++) {
            known = vm_str_eq_cstr(kn, names[j]);
        }
        if (!known) {
            return vm_raise_unexpected_kw(run, owner, kn, names, n);
        }
    }
    return VM_OK;
}

static VmStatus
json_dumps(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    static const char *const names[] = {
        "obj", "skipkeys", "ensure_ascii", "check_circular", "allow_nan", "cls", "indent",
        "separators", "default", "sort_keys",
    };
    VmValue a[10];
    if (nargs - (kwnames ? kwnames->len : 0) > 1) {
        return vm_raise(run, &vm_exc_TypeError,
                        "dumps() takes 1 positional argument but %zu were given",
                        nargs - (kwnames ? kwnames->len : 0));
    }
    if (unknown_kw(run, "JSONEncoder.__init__", kwnames, names + 1, 9) != VM_OK
        || vm_parse_args(run, "dumps", args, nargs, kwnames, names, 10, 1, 0, a) != VM_OK) {
        return VM_ERR;
    }
    Enc *e = vm_heap_alloc(run, sizeof(Enc));
    if (e == NULL) {
        return VM_ERR;
    }
    memset(e, 0, sizeof *e);
    e->run = run;
    VmStatus st = VM_OK;
    if (truth_arg(run, a[1], false, &e->skipkeys) != VM_OK
        || truth_arg(run, a[2], true, &e->ensure_ascii) != VM_OK
        || truth_arg(run, a[3], true, &e->check_circular) != VM_OK
        || truth_arg(run, a[4], true, &e->allow_nan) != VM_OK
        || truth_arg(run, a[9], false, &e->sort_keys) != VM_OK) {
        st = VM_ERR;
    }
    if (st == VM_OK && !vm_val_is_empty(a[5]) && !vm_val_is_none(a[5])) {
        st = vm_raise(run, &vm_exc_NotImplementedError,
                      "monty does not support json.dumps(cls=...)");
    }
    e->indent = vm_val_empty();
    if (st == VM_OK && !vm_val_is_empty(a[6]) && !vm_val_is_none(a[6])) {
        if (vm_is_int(a[6])) {
            int64_t n = vm_val_is_obj(a[6]) ? 0 : vm_val_get_int(a[6]);
            if (n > 1000000 || (vm_val_is_obj(a[6]) && vm_int_sign(a[6]) > 0)) {
                st = vm_raise(run, &vm_exc_MemoryError, "%s", "");
            } else {
                VmStr *s = vm_str_alloc(run, n > 0 ? (size_t)n : 0);
                if (s == NULL) {
                    st = VM_ERR;
                } else {
                    memset(s->data, ' ', n > 0 ? (size_t)n : 0);
                    vm_str_finish(s);
                    e->indent = vm_obj_val(s);
                }
            }
        } else if (vm_is(a[6], &vm_type_str)) {
            e->indent = a[6];
        } else {
            st = vm_raise(run, &vm_exc_TypeError, "can't multiply sequence by non-int of type '%s'",
                          vm_type_name(a[6]));
        }
    }
    bool ind = !vm_val_is_empty(e->indent);
    e->item_sep = vm_str_val(run, ind ? "," : ", ", ind ? 1 : 2);
    e->key_sep = vm_str_val(run, ": ", 2);
    if (st == VM_OK && (vm_val_is_empty(e->item_sep) || vm_val_is_empty(e->key_sep))) {
        st = VM_ERR;
    }
    if (st == VM_OK && !vm_val_is_empty(a[7]) && !vm_val_is_none(a[7])) {
        VmValue sep = a[7];
        if (!vm_is(sep, &vm_type_tuple) && !vm_is(sep, &vm_type_list)) {
            st = vm_raise(run, &vm_exc_TypeError, "cannot unpack non-iterable %s object",
                          vm_type_name(sep));
        } else {
            size_t n = vm_is(sep, &vm_type_tuple) ? VM_AS(VmTuple, sep)->len
                                                  : VM_AS(VmList, sep)->len;
            VmValue *it = vm_is(sep, &vm_type_tuple) ? VM_AS(VmTuple, sep)->items
                                                     : VM_AS(VmList, sep)->items;
            if (n != 2) {
                st = vm_raise(run, &vm_exc_ValueError, n < 2
                              ? "not enough values to unpack (expected 2, got %zu)"
                              : "too many values to unpack (expected 2, got %zu)", n);
            } else if (want_str(run, it[0], "item separator") != VM_OK
                       || want_str(run, it[1], "key separator") != VM_OK) {
                st = VM_ERR;
            } else {
                e->item_sep = it[0];
                e->key_sep = it[1];
            }
        }
    }
    e->dflt = a[8];
    vm_sb_init(&e->b, run);
    if (st == VM_OK) {
        st = enc_value(e, a[0], 0);
    }
    if (st == VM_OK && e->b.failed) {
        st = VM_ERR;
    }
    if (st == VM_OK) {
        st = vm_sb_to_str(&e->b, out);
    } else {
        vm_sb_fini(&e->b);
    }
    vm_heap_free(run, e);
    return st;
}

/* ---- loads ------------------------------------------------------------------ */

typedef struct Dec {
    VmRun *run;
    const unsigned char *s;
    size_t n;
    size_t depth;
    VmValue doc;            /* the str parsed (None for bytes): JSONDecodeError.doc */
} Dec;

static VmStatus
dec_error(Dec *d, const char *msg, size_t pos)
{
    size_t chars = 0, line = 1, line_start = 0;
    for (size_t i = 0; i < pos && i < d->n; i++) {
        if ((d->s[i] & 0xC0) != 0x80) {
            chars++;
        }
        if (d->s[i] == '\n') {
            line++;
            line_start = chars;
        }
    }
    size_t col = chars - line_start + 1;
    vm_raise(d->run, &vm_exc_JSONDecodeError, "%s: line %zu column %zu (char %zu)", msg, line,
             col, chars);
    /* msg, doc, pos, lineno, colno: the attributes exc.c serves */
    VmValue exc = d->run->exc;
    if (!vm_val_is_obj(exc) || exc.u.o->type != &vm_exc_JSONDecodeError) {
        return VM_ERR;
    }
    VmTuple *t = vm_tuple_new(d->run, 5);
    VmValue m = t ? vm_str_val(d->run, msg, strlen(msg)) : vm_val_empty();
    if (t == NULL || vm_val_is_empty(m)) {
        return VM_ERR;      /* the memory error is pending */
    }
    t->items[0] = m;
    t->items[1] = d->doc;
    t->items[2] = vm_val_int((int64_t)chars);
    t->items[3] = vm_val_int((int64_t)line);
    t->items[4] = vm_val_int((int64_t)col);
    VM_AS(VmExc, exc)->extra = vm_obj_val(t);
    d->run->exc = exc;
    return VM_ERR;
}

static size_t
skip_ws(Dec *d, size_t i)
{
    while (i < d->n && (d->s[i] == ' ' || d->s[i] == '\t' || d->s[i] == '\n'
                        || d->s[i] == '\r')) {
        i++;
    }
    return i;
}

static int
hexval(unsigned char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

/* Reads 4 hex digits at i (i + 4 < n is checked by the caller); -1 if invalid. */
static int32_t
hex4(Dec *d, size_t i)
{
    int32_t v = 0;
    for (int k = 0; k < 4; k++) {
        int h = hexval(d->s[i + (size_t)k]);
        if (h < 0) {
            return -1;
        }
        v = v * 16 + h;
    }
    return v;
}

static void
add_cp(VmStrBuf *b, uint32_t cp)
{
    char t[4];
    size_t n;
    if (cp < 0x80) {
        t[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        t[0] = (char)(0xC0 | (cp >> 6));
        t[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        t[0] = (char)(0xE0 | (cp >> 12));
        t[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        t[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        t[0] = (char)(0xF0 | (cp >> 18));
        t[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        t[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        t[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    vm_sb_add(b, t, n);
}

/* Parses a string whose opening quote is at `begin`; *end = index after the close. */
static VmStatus
dec_string(Dec *d, size_t begin, VmValue *out, size_t *end)
{
    VmStrBuf b;
    vm_sb_init(&b, d->run);
    size_t i = begin + 1;
    for (;;) {
        size_t j = i;
        while (j < d->n && d->s[j] != '"' && d->s[j] != '\\' && d->s[j] >= 0x20) {
            j++;
        }
        vm_sb_add(&b, (const char *)d->s + i, j - i);
        if (j >= d->n) {
            vm_sb_fini(&b);
            return dec_error(d, "Unterminated string starting at", begin);
        }
        if (d->s[j] == '"') {
            *end = j + 1;
            break;
        }
        if (d->s[j] < 0x20) {
            vm_sb_fini(&b);
            return dec_error(d, "Invalid control character at", j);
        }
        /* backslash */
        if (j + 1 >= d->n) {
            vm_sb_fini(&b);
            return dec_error(d, "Unterminated string starting at", begin);
        }
        unsigned char c = d->s[j + 1];
        const char *rep = NULL;
        switch (c) {
        case '"': rep = "\""; break;
        case '\\': rep = "\\"; break;
        case '/': rep = "/"; break;
        case 'b': rep = "\b"; break;
        case 'f': rep = "\f"; break;
        case 'n': rep = "\n"; break;
        case 'r': rep = "\r"; break;
        case 't': rep = "\t"; break;
        case 'u': break;
        default:
            vm_sb_fini(&b);
            return dec_error(d, "Invalid \\escape", j);
        }
        if (rep != NULL) {
            vm_sb_add(&b, rep, 1);
            i = j + 2;
            continue;
        }
        size_t u = j + 1;
        int32_t cp = u + 5 < d->n ? hex4(d, u + 1) : -1;
        if (cp < 0) {
            vm_sb_fini(&b);
            return dec_error(d, "Invalid \\uXXXX escape", u);
        }
        i = u + 5;
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 6 < d->n && d->s[i] == '\\'
            && d->s[i + 1] == 'u') {
            int32_t lo = hex4(d, i + 2);
            if (lo < 0) {
                vm_sb_fini(&b);
                return dec_error(d, "Invalid \\uXXXX escape", i + 1);
            }
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                i += 6;
            }
        }
        add_cp(&b, (uint32_t)cp);
    }
    if (b.failed) {
        vm_sb_fini(&b);
        return VM_ERR;
    }
    return vm_sb_to_str(&b, out);
}

static bool
is_digit(Dec *d, size_t i)
{
    return i < d->n && d->s[i] >= '0' && d->s[i] <= '9';
}

static bool
match_word(Dec *d, size_t i, const char *w)
{
    size_t n = strlen(w);
    return i + n <= d->n && memcmp(d->s + i, w, n) == 0;
}

static VmStatus dec_value(Dec *d, size_t i, VmValue *out, size_t *end);

static VmStatus
dec_number(Dec *d, size_t i, VmValue *out, size_t *end)
{
    size_t start = i;
    if (i < d->n && d->s[i] == '-') {
        i++;
    }
    if (!is_digit(d, i)) {
        return dec_error(d, "Expecting value", start);
    }
    if (d->s[i] == '0') {
        i++;
    } else {
        while (is_digit(d, i)) {
            i++;
        }
    }
    bool isfloat = false;
    if (i < d->n && d->s[i] == '.' && is_digit(d, i + 1)) {
        i += 2;
        while (is_digit(d, i)) {
            i++;
        }
        isfloat = true;
    }
    if (i < d->n && (d->s[i] == 'e' || d->s[i] == 'E')) {
        size_t k = i + 1;
        if (k < d->n && (d->s[k] == '+' || d->s[k] == '-')) {
            k++;
        }
        if (is_digit(d, k)) {
            while (is_digit(d, k)) {
                k++;
            }
            i = k;
            isfloat = true;
        }
    }
    *end = i;
    size_t len = i - start;
    char small[64];
    char *buf = len < sizeof small ? small : vm_heap_alloc(d->run, len + 1);
    if (buf == NULL) {
        return VM_ERR;
    }
    memcpy(buf, d->s + start, len);
    buf[len] = 0;
    if (isfloat) {
        *out = vm_val_float(strtod(buf, NULL));
    } else {
        *out = vm_int_from_str(d->run, buf, 10);
    }
    if (buf != small) {
        vm_heap_free(d->run, buf);
    }
    return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
}

static VmStatus
enter(Dec *d, const char *what)
{
    if (++d->depth > MAX_DEPTH) {
        return vm_raise(d->run, &vm_exc_RecursionError,
                        "maximum recursion depth exceeded while decoding a JSON %s from a "
                        "unicode string", what);
    }
    return VM_OK;
}

static VmStatus
dec_array(Dec *d, size_t i, VmValue *out, size_t *end)
{
    if (enter(d, "array") != VM_OK) {
        return VM_ERR;
    }
    VmList *l = vm_list_new(d->run, 0);
    if (l == NULL) {
        return VM_ERR;
    }
    *out = vm_obj_val(l);
    i = skip_ws(d, i + 1);
    if (i < d->n && d->s[i] == ']') {
        *end = i + 1;
        d->depth--;
        return VM_OK;
    }
    for (;;) {
        VmValue v;
        if (dec_value(d, i, &v, &i) != VM_OK || vm_list_append(d->run, l, v) != VM_OK) {
            return VM_ERR;
        }
        i = skip_ws(d, i);
        if (i < d->n && d->s[i] == ']') {
            *end = i + 1;
            d->depth--;
            return VM_OK;
        }
        if (i >= d->n || d->s[i] != ',') {
            return dec_error(d, "Expecting ',' delimiter", i);
        }
        size_t comma = i;
        i = skip_ws(d, i + 1);
        if (i < d->n && d->s[i] == ']') {
            return dec_error(d, "Illegal trailing comma before end of array", comma);
        }
    }
}

static VmStatus
dec_object(Dec *d, size_t i, VmValue *out, size_t *end)
{
    if (enter(d, "object") != VM_OK) {
        return VM_ERR;
    }
    VmDict *obj = vm_dict_new(d->run);
    if (obj == NULL) {
        return VM_ERR;
    }
    *out = vm_obj_val(obj);
    i = skip_ws(d, i + 1);
    if (i < d->n && d->s[i] == '}') {
        *end = i + 1;
        d->depth--;
        return VM_OK;
    }
    for (;;) {
        if (i >= d->n || d->s[i] != '"') {
            return dec_error(d, "Expecting property name enclosed in double quotes", i);
        }
        VmValue k, v;
        if (dec_string(d, i, &k, &i) != VM_OK) {
            return VM_ERR;
        }
        i = skip_ws(d, i);
        if (i >= d->n || d->s[i] != ':') {
            return dec_error(d, "Expecting ':' delimiter", i);
        }
        i = skip_ws(d, i + 1);
        if (dec_value(d, i, &v, &i) != VM_OK || vm_dict_set(d->run, obj, k, v) != VM_OK) {
            return VM_ERR;
        }
        i = skip_ws(d, i);
        if (i < d->n && d->s[i] == '}') {
            *end = i + 1;
            d->depth--;
            return VM_OK;
        }
        if (i >= d->n || d->s[i] != ',') {
            return dec_error(d, "Expecting ',' delimiter", i);
        }
        size_t comma = i;
        i = skip_ws(d, i + 1);
        if (i < d->n && d->s[i] == '}') {
            return dec_error(d, "Illegal trailing comma before end of object", comma);
        }
    }
}

/* Parses the value starting exactly at i (no leading whitespace skipped). */
static VmStatus
dec_value(Dec *d, size_t i, VmValue *out, size_t *end)
{
    if (i >= d->n) {
        return dec_error(d, "Expecting value", i);
    }
    switch (d->s[i]) {
    case '"': return dec_string(d, i, out, end);
    case '{': return dec_object(d, i, out, end);
    case '[': return dec_array(d, i, out, end);
    case 'n':
        if (match_word(d, i, "null")) {
            *out = vm_val_none();
            *end = i + 4;
            return VM_OK;
        }
        break;
    case 't':
        if (match_word(d, i, "true")) {
            *out = vm_val_bool(true);
            *end = i + 4;
            return VM_OK;
        }
        break;
    case 'f':
        if (match_word(d, i, "false")) {
            *out = vm_val_bool(false);
            *end = i + 5;
            return VM_OK;
        }
        break;
    case 'N':
        if (match_word(d, i, "NaN")) {
            *out = vm_val_float(NAN);
            *end = i + 3;
            return VM_OK;
        }
        break;
    case 'I':
        if (match_word(d, i, "Infinity")) {
            *out = vm_val_float(INFINITY);
            *end = i + 8;
            return VM_OK;
        }
        break;
    case '-':
        if (match_word(d, i, "-Infinity")) {
            *out = vm_val_float(-INFINITY);
            *end = i + 9;
            return VM_OK;
        }
        return dec_number(d, i, out, end);
    default:
        if (d->s[i] >= '0' && d->s[i] <= '9') {
            return dec_number(d, i, out, end);
        }
        break;
    }
    return dec_error(d, "Expecting value", i);
}

static VmStatus
json_loads(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    static const char *const names[] = {
        "s", "cls", "object_hook", "parse_float", "parse_int", "parse_constant",
        "object_pairs_hook", "strict",
    };
    VmValue a[8];
    if (unknown_kw(run, "JSONDecoder.__init__", kwnames, names + 1, 7) != VM_OK
        || vm_parse_args(run, "loads", args, nargs, kwnames, names, 8, 1, 0, a) != VM_OK) {
        return VM_ERR;
    }
    for (size_t k = 1; k < 7; k++) {
        if (!vm_val_is_empty(a[k]) && !vm_val_is_none(a[k])) {
            return vm_raise(run, &vm_exc_NotImplementedError,
                            "monty does not support json.loads(%s=...)", names[k]);
        }
    }
    Dec d = { run, NULL, 0, 0, vm_val_none() };
    if (vm_is(a[0], &vm_type_str)) {
        d.doc = a[0];
        d.s = (const unsigned char *)VM_AS(VmStr, a[0])->data;
        d.n = VM_AS(VmStr, a[0])->len;
    } else if (vm_is(a[0], &vm_type_bytes)) {
        d.s = VM_AS(VmBytes, a[0])->data;
        d.n = VM_AS(VmBytes, a[0])->len;
        if (d.n >= 3 && d.s[0] == 0xEF && d.s[1] == 0xBB && d.s[2] == 0xBF) {
            d.s += 3;
            d.n -= 3;
        }
    } else {
        return vm_raise(run, &vm_exc_TypeError,
                        "the JSON object must be str, bytes or bytearray, not %s",
                        vm_type_name(a[0]));
    }
    if (vm_is(a[0], &vm_type_str) && d.n >= 3 && d.s[0] == 0xEF && d.s[1] == 0xBB
        && d.s[2] == 0xBF) {
        return dec_error(&d, "Unexpected UTF-8 BOM (decode using utf-8-sig)", 0);
    }
    size_t i = skip_ws(&d, 0), end;
    if (dec_value(&d, i, out, &end) != VM_OK) {
        return VM_ERR;
    }
    end = skip_ws(&d, end);
    if (end != d.n) {
        return dec_error(&d, "Extra data", end);
    }
    return VM_OK;
}

static const VmBuiltin b_dumps = { VM_IMMORTAL_HDR(&vm_type_builtin), "dumps", json_dumps,
                                   NULL };
static const VmBuiltin b_loads = { VM_IMMORTAL_HDR(&vm_type_builtin), "loads", json_loads,
                                   NULL };

static const VmModuleMember members[] = {
    VM_MEMBER_B("dumps", &b_dumps),
    VM_MEMBER_B("loads", &b_loads),
    VM_MEMBER_T("JSONDecodeError", &vm_exc_JSONDecodeError),
};

VM_MODULE_DEF(json, "json", members);
