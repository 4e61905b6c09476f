/*
 * mod_json.c — the json module: dumps and loads with CPython's output format
 * (separators, indent, ensure_ascii, sort_keys) and JSONDecodeError messages.
 * Nesting is bounded by the run's recursion limit on both sides (no unbounded C
 * recursion on hostile data).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/vm_int.h"

VmStatus vm_sort_values(VmRun *run, VmValue *items, size_t n, VmValue key, bool reverse);
extern const VmBuiltin vm_prelude_first_b;

/* ---- dumps ------------------------------------------------------------------ */

typedef struct Enc {
    VmRun *run;
    VmStrBuf *b;
    bool ensure_ascii, sort_keys, allow_nan;
    const char *indent;         /* NULL: compact */
    size_t indent_len;
    const char *item_sep, *key_sep;
    size_t item_sep_len, key_sep_len;
    VmValue dflt;
    uint32_t depth;
} Enc;

static void
enc_string(Enc *e, const char *s, size_t n)
{
    VmStrBuf *b = e->b;
    vm_sb_adds(b, "\"");
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    while (p < end) {
        unsigned char c = *p;
        if (c == '"' || c == '\\') {
            char t[2] = { '\\', (char)c };
            vm_sb_add(b, t, 2);
            p++;
        } else if (c == '\n') {
            vm_sb_adds(b, "\\n");
            p++;
        } else if (c == '\r') {
            vm_sb_adds(b, "\\r");
            p++;
        } else if (c == '\t') {
            vm_sb_adds(b, "\\t");
            p++;
        } else if (c == '\b') {
            vm_sb_adds(b, "\\b");
            p++;
        } else if (c == '\f') {
            vm_sb_adds(b, "\\f");
            p++;
        } else if (c < 0x20 || (c == 0x7F && false)) {
            vm_sb_printf(b, "\\u%04x", c);
            p++;
        } else if (c < 0x80 || !e->ensure_ascii) {
            vm_sb_add(b, (const char *)p, 1);
            p++;
        } else {
            uint32_t cp;
            int len;
            if ((c & 0xE0) == 0xC0) {
                cp = ((uint32_t)(c & 0x1F) << 6) | (p[1] & 0x3F);
                len = 2;
            } else if ((c & 0xF0) == 0xE0) {
                cp = ((uint32_t)(c & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
                len = 3;
            } else {
                cp = ((uint32_t)(c & 0x07) << 18) | ((uint32_t)(p[1] & 0x3F) << 12)
                     | ((uint32_t)(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
                len = 4;
            }
            if (cp >= 0x10000) {
                cp -= 0x10000;
                vm_sb_printf(b, "\\u%04x\\u%04x", 0xD800 | (cp >> 10), 0xDC00 | (cp & 0x3FF));
            } else {
                vm_sb_printf(b, "\\u%04x", cp);
            }
            p += len;
        }
    }
    vm_sb_adds(b, "\"");
}

static VmStatus
enc_float(Enc *e, double d)
{
    if (isnan(d) || isinf(d)) {
        if (!e->allow_nan) {
            char buf[32];
            vm_float_repr_cstr(d, buf, sizeof buf);
            return vm_raise(e->run, &vm_exc_ValueError,
                            "Out of range float values are not JSON compliant: %s", buf);
        }
        vm_sb_adds(e->b, isnan(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
        return VM_OK;
    }
    char buf[64];
    vm_float_repr_cstr(d, buf, sizeof buf);
    vm_sb_adds(e->b, buf);
    return VM_OK;
}

static void
enc_newline(Enc *e)
{
    if (e->indent == NULL) {
        return;
    }
    vm_sb_adds(e->b, "\n");
    for (uint32_t i = 0; i < e->depth; i++) {
        vm_sb_add(e->b, e->indent, e->indent_len);
    }
}

static VmStatus enc_value(Enc *e, VmValue v);

static VmStatus
enc_key(Enc *e, VmValue k, VmValue *out)
{
    VmRun *run = e->run;
    if (vm_is(k, &vm_type_str)) {
        *out = k;
        return VM_OK;
    }
    if (k.tag == VM_TAG_BOOL) {
        *out = vm_str_val(run, k.u.i ? "true" : "false", k.u.i ? 4 : 5);
    } else if (k.tag == VM_TAG_NONE) {
        *out = vm_str_val(run, "null", 4);
    } else if (k.tag == VM_TAG_FLOAT) {
        VmStrBuf tmp;
        vm_sb_init(&tmp, run);
        VmStrBuf *saved = e->b;
        e->b = &tmp;
        VmStatus st = enc_float(e, k.u.f);
        e->b = saved;
        if (st != VM_OK) {
            vm_sb_fini(&tmp);
            return VM_ERR;
        }
        return vm_sb_to_str(&tmp, out);
    } else if (vm_is_int(k)) {
        return vm_str(run, k, out);
    } else {
        return vm_raise(run, &vm_exc_TypeError,
                        "keys must be str, int, float, bool or None, not %s", vm_type_name(k));
    }
    return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
}

static VmStatus
enc_dict(Enc *e, VmDict *d)
{
    VmRun *run = e->run;
    if (d->used == 0) {
        vm_sb_adds(e->b, "{}");
        return VM_OK;
    }
    VmList *items = vm_list_new(run, d->used);
    if (items == NULL) {
        return VM_ERR;
    }
    for (size_t i = 0; i < d->nentries; i++) {
        if (vm_val_is_empty(d->entries[i].key)) {
            continue;
        }
        VmTuple *t = vm_tuple_new(run, 2);
        if (t == NULL) {
            return VM_ERR;
        }
        t->items[0] = d->entries[i].key;
        t->items[1] = d->entries[i].value;
        items->items[items->len++] = vm_obj_val(t);
    }
    if (e->sort_keys
        && vm_sort_values(run, items->items, items->len, vm_obj_val(&vm_prelude_first_b), false)
           != VM_OK) {
        return VM_ERR;
    }
    vm_sb_adds(e->b, "{");
    e->depth++;
    for (size_t i = 0; i < items->len; i++) {
        VmTuple *t = VM_AS(VmTuple, items->items[i]);
        VmValue ks;
        if (enc_key(e, t->items[0], &ks) != VM_OK) {
            return VM_ERR;
        }
        if (i > 0) {
            vm_sb_add(e->b, e->item_sep, e->item_sep_len);
        }
        enc_newline(e);
        enc_string(e, VM_AS(VmStr, ks)->data, VM_AS(VmStr, ks)->len);
        vm_sb_add(e->b, e->key_sep, e->key_sep_len);
        if (enc_value(e, t->items[1]) != VM_OK) {
            return VM_ERR;
        }
    }
    e->depth--;
    enc_newline(e);
    vm_sb_adds(e->b, "}");
    return VM_OK;
}

static VmStatus
enc_array(Enc *e, const VmValue *items, size_t n)
{
    if (n == 0) {
        vm_sb_adds(e->b, "[]");
        return VM_OK;
    }
    vm_sb_adds(e->b, "[");
    e->depth++;
    for (size_t i = 0; i < n; i++) {
        if (i > 0) {
            vm_sb_add(e->b, e->item_sep, e->item_sep_len);
        }
        enc_newline(e);
        if (enc_value(e, items[i]) != VM_OK) {
            return VM_ERR;
        }
    }
    e->depth--;
    enc_newline(e);
    vm_sb_adds(e->b, "]");
    return VM_OK;
}

static VmStatus
enc_value(Enc *e, VmValue v)
{
    VmRun *run = e->run;
    if (e->depth >= run->limits.max_recursion) {
        return vm_raise(run, &vm_exc_RecursionError,
                        "maximum recursion depth exceeded while encoding a JSON object");
    }
    switch (v.tag) {
    case VM_TAG_NONE: vm_sb_adds(e->b, "null"); return VM_OK;
    case VM_TAG_BOOL: vm_sb_adds(e->b, v.u.i ? "true" : "false"); return VM_OK;
    case VM_TAG_INT: vm_sb_printf(e->b, "%lld", (long long)v.u.i); return VM_OK;
    case VM_TAG_FLOAT: return enc_float(e, v.u.f);
    default: break;
    }
    if (vm_is(v, &vm_type_str)) {
        enc_string(e, VM_AS(VmStr, v)->data, VM_AS(VmStr, v)->len);
        return VM_OK;
    }
    if (vm_is(v, &vm_type_int)) {
        return vm_sb_add_str(e->b, v);
    }
    if (vm_is(v, &vm_type_list)) {
        return enc_array(e, VM_AS(VmList, v)->items, VM_AS(VmList, v)->len);
    }
    if (vm_is(v, &vm_type_tuple)) {
        return enc_array(e, VM_AS(VmTuple, v)->items, VM_AS(VmTuple, v)->len);
    }
    if (vm_is(v, &vm_type_dict)) {
        return enc_dict(e, VM_AS(VmDict, v));
    }
    if (!vm_val_is_none(e->dflt) && !vm_val_is_empty(e->dflt)) {
        VmValue r;
        if (vm_call_native(run, e->dflt, &v, 1, NULL, &r) != VM_OK) {
            return VM_ERR;
        }
        e->depth++;
        VmStatus st = enc_value(e, r);
        e->depth--;
        return st;
    }
    return vm_raise(run, &vm_exc_TypeError, "Object of type %s is not JSON serializable",
                    vm_type_name(v));
}

static VmStatus
json_dumps(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    static const char *const names[] = { "obj", "skipkeys", "ensure_ascii", "check_circular",
                                         "allow_nan", "cls", "indent", "separators", "default",
                                         "sort_keys" };
    VmValue a[10];
    if (vm_parse_args(run, "dumps", args, nargs, kwnames, names, 10, 1, 1, a) != VM_OK) {
        return VM_ERR;
    }
    if (nargs - (kwnames ? kwnames->len : 0) > 1) {
        return vm_raise(run, &vm_exc_TypeError,
                        "dumps() takes 1 positional argument but %zu were given",
                        nargs - (kwnames ? kwnames->len : 0));
    }
    Enc e = { run, NULL, true, false, true, NULL, 0, ", ", ": ", 2, 2, vm_val_none(), 0 };
    bool flag;
    if (!vm_val_is_empty(a[2]) && vm_truth(run, a[2], &flag) == VM_OK) {
        e.ensure_ascii = flag;
    }
    if (!vm_val_is_empty(a[4]) && vm_truth(run, a[4], &flag) == VM_OK) {
        e.allow_nan = flag;
    }
    if (!vm_val_is_empty(a[9]) && vm_truth(run, a[9], &flag) == VM_OK) {
        e.sort_keys = flag;
    }
    char spaces[64];
    if (!vm_val_is_empty(a[6]) && !vm_val_is_none(a[6])) {
        if (vm_is(a[6], &vm_type_str)) {
            e.indent = VM_AS(VmStr, a[6])->data;
            e.indent_len = VM_AS(VmStr, a[6])->len;
        } else {
            int64_t n;
            if (vm_index(run, a[6], &n) != VM_OK) {
                return VM_ERR;
            }
            n = n < 0 ? 0 : n > 63 ? 63 : n;
            memset(spaces, ' ', (size_t)n);
            spaces[n] = 0;
            e.indent = spaces;
            e.indent_len = (size_t)n;
        }
        e.item_sep = ",";
        e.item_sep_len = 1;
    }
    if (!vm_val_is_empty(a[7]) && !vm_val_is_none(a[7])) {
        VmValue seps;
        if (vm_list_from_iter(run, a[7], &seps) != VM_OK) {
            return VM_ERR;
        }
        VmList *l = VM_AS(VmList, seps);
        if (l->len != 2 || !vm_is(l->items[0], &vm_type_str) || !vm_is(l->items[1], &vm_type_str)) {
            return vm_raise(run, &vm_exc_ValueError, "separators must be a (str, str) pair");
        }
        e.item_sep = VM_AS(VmStr, l->items[0])->data;
        e.item_sep_len = VM_AS(VmStr, l->items[0])->len;
        e.key_sep = VM_AS(VmStr, l->items[1])->data;
        e.key_sep_len = VM_AS(VmStr, l->items[1])->len;
    }
    if (!vm_val_is_empty(a[8])) {
        e.dflt = a[8];
    }
    VmStrBuf b;
    vm_sb_init(&b, run);
    e.b = &b;
    if (enc_value(&e, a[0]) != VM_OK) {
        vm_sb_fini(&b);
        return VM_ERR;
    }
    return vm_sb_to_str(&b, out);
}

/* ---- loads ------------------------------------------------------------------- */

typedef struct Dec {
    VmRun *run;
    const char *s;
    size_t n, pos;
    uint32_t depth;
} Dec;

static VmStatus
dec_error(Dec *d, const char *msg, size_t pos)
{
    size_t line = 1, col = 1, chars = 0;
    for (size_t i = 0; i < pos && i < d->n; i++) {
        if (((unsigned char)d->s[i] & 0xC0) == 0x80) {
            continue;
        }
        chars++;
        if (d->s[i] == '\n') {
            line++;
            col = 1;
        } else {
            col++;
        }
    }
    return vm_raise(d->run, &vm_exc_JSONDecodeError, "%s: line %zu column %zu (char %zu)", msg,
                    line, col, chars);
}

static void
skip_ws(Dec *d)
{
    while (d->pos < d->n && (d->s[d->pos] == ' ' || d->s[d->pos] == '\t'
                             || d->s[d->pos] == '\n' || d->s[d->pos] == '\r')) {
        d->pos++;
    }
}

static int
hexval(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

static VmStatus
dec_string(Dec *d, VmValue *out)
{
    size_t start = d->pos;   /* at the opening quote */
    d->pos++;
    VmStrBuf b;
    vm_sb_init(&b, d->run);
    for (;;) {
        if (d->pos >= d->n) {
            vm_sb_fini(&b);
            return dec_error(d, "Unterminated string starting at", start);
        }
        char c = d->s[d->pos];
        if (c == '"') {
            d->pos++;
            return vm_sb_to_str(&b, out);
        }
        if ((unsigned char)c < 0x20) {
            vm_sb_fini(&b);
            return dec_error(d, "Invalid control character at", d->pos);
        }
        if (c != '\\') {
            vm_sb_add(&b, &c, 1);
            d->pos++;
            continue;
        }
        if (d->pos + 1 >= d->n) {
            vm_sb_fini(&b);
            return dec_error(d, "Unterminated string starting at", start);
        }
        char esc = d->s[d->pos + 1];
        const char *rep = NULL;
        switch (esc) {
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
            return dec_error(d, "Invalid \\escape", d->pos);
        }
        if (rep != NULL) {
            vm_sb_adds(&b, rep);
            d->pos += 2;
            continue;
        }
        uint32_t cp = 0;
        for (int i = 0; i < 4; i++) {
            int h = d->pos + 2 + (size_t)i < d->n ? hexval(d->s[d->pos + 2 + i]) : -1;
            if (h < 0) {
                vm_sb_fini(&b);
                return dec_error(d, "Invalid \\uXXXX escape", d->pos + 1);
            }
            cp = cp * 16 + (uint32_t)h;
        }
        d->pos += 6;
        if (cp >= 0xD800 && cp < 0xDC00 && d->pos + 6 <= d->n && d->s[d->pos] == '\\'
            && d->s[d->pos + 1] == 'u') {
            uint32_t lo = 0;
            bool ok = true;
            for (int i = 0; i < 4; i++) {
                int h = hexval(d->s[d->pos + 2 + i]);
                ok = ok && h >= 0;
                lo = lo * 16 + (uint32_t)(h < 0 ? 0 : h);
            }
            if (ok && lo >= 0xDC00 && lo < 0xE000) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                d->pos += 6;
            }
        }
        char u[4];
        int len;
        if (cp < 0x80) {
            u[0] = (char)cp;
            len = 1;
        } else if (cp < 0x800) {
            u[0] = (char)(0xC0 | (cp >> 6));
            u[1] = (char)(0x80 | (cp & 0x3F));
            len = 2;
        } else if (cp < 0x10000) {
            u[0] = (char)(0xE0 | (cp >> 12));
            u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
            u[2] = (char)(0x80 | (cp & 0x3F));
            len = 3;
        } else {
            u[0] = (char)(0xF0 | (cp >> 18));
            u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
            u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
            u[3] = (char)(0x80 | (cp & 0x3F));
            len = 4;
        }
        vm_sb_add(&b, u, (size_t)len);
    }
}

static VmStatus dec_value(Dec *d, VmValue *out);

static VmStatus
dec_number(Dec *d, VmValue *out)
{
    size_t start = d->pos;
    bool is_float = false;
    if (d->s[d->pos] == '-') {
        d->pos++;
    }
    if (d->pos >= d->n || d->s[d->pos] < '0' || d->s[d->pos] > '9') {
        return dec_error(d, "Expecting value", start);
    }
    if (d->s[d->pos] == '0') {
        d->pos++;
    } else {
        while (d->pos < d->n && d->s[d->pos] >= '0' && d->s[d->pos] <= '9') {
            d->pos++;
        }
    }
    if (d->pos + 1 < d->n && d->s[d->pos] == '.' && d->s[d->pos + 1] >= '0'
        && d->s[d->pos + 1] <= '9') {
        is_float = true;
        d->pos++;
        while (d->pos < d->n && d->s[d->pos] >= '0' && d->s[d->pos] <= '9') {
            d->pos++;
        }
    }
    if (d->pos < d->n && (d->s[d->pos] == 'e' || d->s[d->pos] == 'E')) {
        size_t save = d->pos;
        d->pos++;
        if (d->pos < d->n && (d->s[d->pos] == '+' || d->s[d->pos] == '-')) {
            d->pos++;
        }
        if (d->pos < d->n && d->s[d->pos] >= '0' && d->s[d->pos] <= '9') {
            is_float = true;
            while (d->pos < d->n && d->s[d->pos] >= '0' && d->s[d->pos] <= '9') {
                d->pos++;
            }
        } else {
            d->pos = save;
        }
    }
    size_t len = d->pos - start;
    char tmp[64];
    char *buf = len < sizeof tmp ? tmp : vm_heap_alloc(d->run, len + 1);
    if (buf == NULL) {
        return VM_ERR;
    }
    memcpy(buf, d->s + start, len);
    buf[len] = 0;
    if (is_float) {
        *out = vm_val_float(strtod(buf, NULL));
    } else if (len > 4300) {
        if (buf != tmp) {
            vm_heap_free(d->run, buf);
        }
        return vm_raise(d->run, &vm_exc_ValueError,
                        "Exceeds the limit (4300 digits) for integer string conversion: value "
                        "has %zu digits; use sys.set_int_max_str_digits() to increase the limit",
                        len - (d->s[start] == '-'));
    } else {
        *out = vm_int_from_str(d->run, buf, 10);
    }
    if (buf != tmp) {
        vm_heap_free(d->run, buf);
    }
    return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
}

static bool
match_word(Dec *d, const char *w)
{
    size_t l = strlen(w);
    if (d->pos + l <= d->n && memcmp(d->s + d->pos, w, l) == 0) {
        d->pos += l;
        return true;
    }
    return false;
}

static VmStatus
dec_value(Dec *d, VmValue *out)
{
    VmRun *run = d->run;
    skip_ws(d);
    if (d->pos >= d->n) {
        return dec_error(d, "Expecting value", d->pos);
    }
    if (++d->depth > run->limits.max_recursion) {
        return vm_raise(run, &vm_exc_RecursionError, "maximum recursion depth exceeded");
    }
    VmStatus st = VM_OK;
    char c = d->s[d->pos];
    if (c == '"') {
        st = dec_string(d, out);
    } else if (c == '{') {
        VmDict *obj = vm_dict_new(run);
        if (obj == NULL) {
            return VM_ERR;
        }
        *out = vm_obj_val(obj);
        d->pos++;
        skip_ws(d);
        if (d->pos < d->n && d->s[d->pos] == '}') {
            d->pos++;
        } else {
            for (;;) {
                skip_ws(d);
                if (d->pos >= d->n || d->s[d->pos] != '"') {
                    return dec_error(d, "Expecting property name enclosed in double quotes",
                                     d->pos);
                }
                VmValue k, v;
                if (dec_string(d, &k) != VM_OK) {
                    return VM_ERR;
                }
                skip_ws(d);
                if (d->pos >= d->n || d->s[d->pos] != ':') {
                    return dec_error(d, "Expecting ':' delimiter", d->pos);
                }
                d->pos++;
                if (dec_value(d, &v) != VM_OK || vm_dict_set(run, obj, k, v) != VM_OK) {
                    return VM_ERR;
                }
                skip_ws(d);
                if (d->pos < d->n && d->s[d->pos] == ',') {
                    d->pos++;
                    skip_ws(d);
                    if (d->pos < d->n && d->s[d->pos] == '}') {
                        return dec_error(d, "Illegal trailing comma before end of object",
                                         d->pos - 1);
                    }
                    continue;
                }
                if (d->pos < d->n && d->s[d->pos] == '}') {
                    d->pos++;
                    break;
                }
                return dec_error(d, "Expecting ',' delimiter", d->pos);
            }
        }
    } else if (c == '[') {
        VmList *arr = vm_list_new(run, 0);
        if (arr == NULL) {
            return VM_ERR;
        }
        *out = vm_obj_val(arr);
        d->pos++;
        skip_ws(d);
        if (d->pos < d->n && d->s[d->pos] == ']') {
            d->pos++;
        } else {
            for (;;) {
                VmValue v;
                if (dec_value(d, &v) != VM_OK || vm_list_append(run, arr, v) != VM_OK) {
                    return VM_ERR;
                }
                skip_ws(d);
                if (d->pos < d->n && d->s[d->pos] == ',') {
                    d->pos++;
                    skip_ws(d);
                    if (d->pos < d->n && d->s[d->pos] == ']') {
                        return dec_error(d, "Illegal trailing comma before end of array",
                                         d->pos - 1);
                    }
                    continue;
                }
                if (d->pos < d->n && d->s[d->pos] == ']') {
                    d->pos++;
                    break;
                }
                return dec_error(d, "Expecting ',' delimiter", d->pos);
            }
        }
    } else if (match_word(d, "null")) {
        *out = vm_val_none();
    } else if (match_word(d, "true")) {
        *out = vm_val_bool(true);
    } else if (match_word(d, "false")) {
        *out = vm_val_bool(false);
    } else if (match_word(d, "NaN")) {
        *out = vm_val_float(NAN);
    } else if (match_word(d, "Infinity")) {
        *out = vm_val_float(INFINITY);
    } else if (match_word(d, "-Infinity")) {
        *out = vm_val_float(-INFINITY);
    } else if (c == '-' || (c >= '0' && c <= '9')) {
        st = dec_number(d, out);
    } else {
        st = dec_error(d, "Expecting value", d->pos);
    }
    d->depth--;
    return st;
}

static VmStatus
json_loads(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    if (nargs < 1) {
        return vm_raise(run, &vm_exc_TypeError, "loads() missing 1 required positional "
                        "argument: 's'");
    }
    VmValue s = args[0];
    const char *p;
    size_t n;
    if (vm_is(s, &vm_type_str)) {
        p = VM_AS(VmStr, s)->data;
        n = VM_AS(VmStr, s)->len;
    } else if (vm_is(s, &vm_type_bytes)) {
        p = (const char *)VM_AS(VmBytes, s)->data;
        n = VM_AS(VmBytes, s)->len;
    } else {
        return vm_raise(run, &vm_exc_TypeError,
                        "the JSON object must be str, bytes or bytearray, not %s",
                        vm_type_name(s));
    }
    Dec d = { run, p, n, 0, 0 };
    if (dec_value(&d, out) != VM_OK) {
        return VM_ERR;
    }
    skip_ws(&d);
    if (d.pos != d.n) {
        return dec_error(&d, "Extra data", d.pos);
    }
    return VM_OK;
}

static const VmBuiltin dumps_b = { VM_IMMORTAL_HDR(&vm_type_builtin), "dumps", json_dumps, NULL };
static const VmBuiltin loads_b = { VM_IMMORTAL_HDR(&vm_type_builtin), "loads", json_loads, NULL };
static const VmBuiltin *const json_fns[] = { &dumps_b, &loads_b, NULL };

/* vm_mod_json_init: fills the json module's namespace. */
VmStatus
vm_mod_json_init(VmRun *run, VmDict *d)
{
    if (vm_module_add_builtins(run, d, json_fns) != VM_OK
        || vm_module_add(run, d, "JSONDecodeError", vm_obj_val(&vm_exc_JSONDecodeError))
           != VM_OK) {
        return VM_ERR;
    }
    return VM_OK;
}
