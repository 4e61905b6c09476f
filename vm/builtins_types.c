/*
 * builtins_types.c — constructors of the built-in types (int("3"), list(x), ...),
 * their methods, sorting, format() and the sequence helpers the operators use.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/bigint.h"
#include "vm/fmt_pct.h"
#include "vm/numparse.h"
#include "vm/modules.h"
#include "vm/vm_int.h"

VmStatus vm_lib_raise(VmRun *run, const VmLibError *err);
void vm_lib_buf_init(VmRun *run, VmBuf *b);
VmStatus vm_lib_codec(VmRun *run, bool encode, VmValue *args, size_t nargs, VmTuple *kwnames,
                      VmValue *out);

/* pct_int_spec: the fmt_pct spec for an integer conversion whose flags/width/precision text
 * is `flags` (no '*': the caller substituted those); false if the text does not parse. */
static bool
pct_int_spec(const char *flags, char conv, VmPctSpec *spec)
{
    memset(spec, 0, sizeof *spec);
    spec->width = -1;
    spec->precision = -1;
    spec->conv = (uint32_t)(unsigned char)conv;
    const char *q = flags;
    for (; *q != 0 && strchr("-+ #0", *q) != NULL; q++) {
        spec->left |= *q == '-';
        spec->plus |= *q == '+';
        spec->blank |= *q == ' ';
        spec->alt |= *q == '#';
        spec->zero |= *q == '0';
    }
    if (isdigit((unsigned char)*q)) {
        spec->width = 0;
        for (; isdigit((unsigned char)*q) && spec->width < 100000; q++) {
            spec->width = spec->width * 10 + (*q - '0');
        }
    }
    if (*q == '.') {
        q++;
        spec->precision = 0;
        for (; isdigit((unsigned char)*q) && spec->precision < 100000; q++) {
            spec->precision = spec->precision * 10 + (*q - '0');
        }
    }
    return *q == 0;
}

VmValue vm_dict_view_new(VmRun *run, VmValue dict, int kind);
VmStatus vm_list_reserve(VmRun *run, VmList *l, size_t extra);
VmStatus vm_set_discard(VmRun *run, VmSet *s, VmValue key, bool *found);
VmValue vm_str_sub(VmRun *run, VmStr *s, size_t start, size_t stop);
VmValue vm_value_bytes(VmRun *run, const uint8_t *data, size_t len);
VmStatus vm_lib_format(VmRun *run, VmValue v, const VmStr *spec, VmValue *out);

#define METHOD(cname, pyname, owner) \
    static VmStatus m_##cname(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, \
                              VmValue *out); \
    static const VmBuiltin mb_##cname = { VM_IMMORTAL_HDR(&vm_type_builtin), pyname, \
                                          m_##cname, owner }; \
    static VmStatus m_##cname(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, \
                              VmValue *out)

#define ARGS(name, lo, hi) \
    do { \
        if (kwnames != NULL && kwnames->len > 0) { \
            return vm_raise(run, &vm_exc_TypeError, "%s() takes no keyword arguments", name); \
        } \
        if (nargs - 1 < (lo) || nargs - 1 > (hi)) { \
            if ((lo) == (hi)) { \
                return vm_raise(run, &vm_exc_TypeError, \
                                "%s() takes exactly %s argument%s (%zu given)", name, \
                                (lo) == 0 ? "no" : (lo) == 1 ? "one" : "two", \
                                (lo) == 1 ? "" : "s", nargs - 1); \
            } \
            return vm_raise(run, &vm_exc_TypeError, "%s expected at most %d argument%s, got %zu", \
                            name, (int)(hi), (hi) == 1 ? "" : "s", nargs - 1); \
        } \
    } while (0)

/* ---- sorting (stable merge sort; comparisons may raise) ------------------ */

static VmStatus
less(VmRun *run, VmValue a, VmValue b, bool *out)
{
    if (a.tag == VM_TAG_INT && b.tag == VM_TAG_INT) {
        *out = a.u.i < b.u.i;
        return VM_OK;
    }
    return vm_compare_bool(run, a, b, VM_CMP_LT, out);
}

/*
 * vm_sort_values: sorts items in place by key (None: the items), stable; reverse
 * keeps stability as CPython does (reverse, sort, reverse).
 */
VmStatus vm_sort_values(VmRun *run, VmValue *items, size_t n, VmValue key, bool reverse);
VmStatus
vm_sort_values(VmRun *run, VmValue *items, size_t n, VmValue key, bool reverse)
{
    if (n < 2) {
        return VM_OK;
    }
    VmValue *keys = vm_heap_alloc(run, n * sizeof(VmValue) * 2);
    VmValue *vals = vm_heap_alloc(run, n * sizeof(VmValue) * 2);
    if (keys == NULL || vals == NULL) {
        vm_heap_free(run, keys);
        return VM_ERR;
    }
    for (size_t i = 0; i < n; i++) {
        size_t src = reverse ? n - 1 - i : i;
        vals[i] = items[src];
        keys[i] = items[src];
        if (!vm_val_is_none(key)
            && vm_call_native(run, key, &items[src], 1, NULL, &keys[i]) != VM_OK) {
            vm_heap_free(run, keys);
            vm_heap_free(run, vals);
            return VM_ERR;
        }
    }
    VmValue *tk = keys + n, *tv = vals + n;
    VmStatus st = VM_OK;
    for (size_t width = 1; width < n && st == VM_OK; width *= 2) {
        if (n > 4096 && vm_check_time(run) != VM_OK) {
            st = VM_ERR;
            break;
        }
        for (size_t lo = 0; lo < n && st == VM_OK; lo += 2 * width) {
            size_t mid = lo + width < n ? lo + width : n;
            size_t hi = lo + 2 * width < n ? lo + 2 * width : n;
            size_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi) {
                bool lt;
                if (less(run, keys[j], keys[i], &lt) != VM_OK) {
                    st = VM_ERR;
                    break;
                }
                if (lt) {
                    tk[k] = keys[j];
                    tv[k++] = vals[j++];
                } else {
                    tk[k] = keys[i];
                    tv[k++] = vals[i++];
                }
            }
            if (st != VM_OK) {
                break;
            }
            while (i < mid) {
                tk[k] = keys[i];
                tv[k++] = vals[i++];
            }
            while (j < hi) {
                tk[k] = keys[j];
                tv[k++] = vals[j++];
            }
            vm_memcpy(keys + lo, tk + lo, (hi - lo) * sizeof(VmValue));
            vm_memcpy(vals + lo, tv + lo, (hi - lo) * sizeof(VmValue));
        }
    }
    if (st == VM_OK) {
        for (size_t i = 0; i < n; i++) {
            items[i] = reverse ? vals[n - 1 - i] : vals[i];
        }
    }
    vm_heap_free(run, keys);
    vm_heap_free(run, vals);
    return st;
}

/* ---- sequence helpers ------------------------------------------------------ */

/* vm_seq_repeat: str/list/tuple * n, refusing huge results before allocating. */
VmStatus vm_seq_repeat(VmRun *run, VmValue seq, int64_t n, VmValue *out);
VmStatus
vm_seq_repeat(VmRun *run, VmValue seq, int64_t n, VmValue *out)
{
    if (n < 0) {
        n = 0;
    }
    if (vm_is(seq, &vm_type_bytes)) {
        VmBytes *bs = VM_AS(VmBytes, seq);
        if (bs->len > 0 && (uint64_t)n > ((uint64_t)1 << 40) / bs->len) {
            return vm_raise(run, &vm_exc_MemoryError, "%s", "");
        }
        size_t total = bs->len * (size_t)n;
        if (vm_heap_check(run, total) != VM_OK) {
            return VM_ERR;
        }
        *out = vm_value_bytes(run, NULL, 0);
        if (vm_val_is_empty(*out)) {
            return VM_ERR;
        }
        uint8_t *buf = vm_heap_alloc(run, total ? total : 1);
        if (buf == NULL) {
            return VM_ERR;
        }
        for (int64_t i = 0; i < n; i++) {
            vm_memcpy(buf + (size_t)i * bs->len, bs->data, bs->len);
        }
        *out = vm_value_bytes(run, buf, total);
        vm_heap_free(run, buf);
        return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
    }
    if (vm_is(seq, &vm_type_str)) {
        VmStr *s = VM_AS(VmStr, seq);
        if (s->len > 0 && (uint64_t)n > ((uint64_t)1 << 40) / s->len) {
            return vm_raise(run, &vm_exc_MemoryError, "%s", "");
        }
        size_t total = s->len * (size_t)n;
        if (vm_heap_check(run, total) != VM_OK) {
            return VM_ERR;
        }
        VmStr *r = vm_str_alloc(run, total);
        if (r == NULL) {
            return VM_ERR;
        }
        for (int64_t i = 0; i < n; i++) {
            vm_memcpy(r->data + (size_t)i * s->len, s->data, s->len);
        }
        r->nchars = s->nchars * (size_t)n;
        r->ascii = s->ascii;
        *out = vm_obj_val(r);
        return VM_OK;
    }
    VmValue *items;
    size_t len;
    if (vm_is(seq, &vm_type_list)) {
        items = VM_AS(VmList, seq)->items;
        len = VM_AS(VmList, seq)->len;
    } else {
        items = VM_AS(VmTuple, seq)->items;
        len = VM_AS(VmTuple, seq)->len;
    }
    if (len > 0 && (uint64_t)n > ((uint64_t)1 << 36) / len) {
        return vm_raise(run, &vm_exc_MemoryError, "%s", "");
    }
    size_t total = len * (size_t)n;
    if (vm_heap_check(run, total * sizeof(VmValue)) != VM_OK) {
        return VM_ERR;
    }
    VmValue *dst;
    if (vm_is(seq, &vm_type_list)) {
        VmList *l = vm_list_new(run, total);
        if (l == NULL) {
            return VM_ERR;
        }
        l->len = total;
        dst = l->items;
        *out = vm_obj_val(l);
    } else {
        if (n == 1) {
            *out = seq;
            return VM_OK;
        }
        VmTuple *t = vm_tuple_new(run, total);
        if (t == NULL) {
            return VM_ERR;
        }
        dst = t->items;
        *out = vm_obj_val(t);
    }
    for (int64_t i = 0; len > 0 && i < n; i++) {   /* dst may be NULL when empty */
        vm_memcpy(dst + (size_t)i * len, items, len * sizeof(VmValue));
    }
    return VM_OK;
}

/* vm_set_binop: set | & - ^ (in place when asked). */
VmStatus vm_set_binop(VmRun *run, int op, VmValue a, VmValue b, bool inplace, VmValue *out);
VmStatus
vm_set_binop(VmRun *run, int op, VmValue a, VmValue b, bool inplace, VmValue *out)
{
    VmSet *x = VM_AS(VmSet, a), *y = VM_AS(VmSet, b);
    VmSet *r;
    if (inplace) {
        r = x;
    } else {
        r = vm_set_new(run, x->hdr.type);
        if (r == NULL) {
            return VM_ERR;
        }
    }
    if (op == VM_OP_OR) {
        if ((!inplace && vm_set_update(run, r, a) != VM_OK) || vm_set_update(run, r, b) != VM_OK) {
            return VM_ERR;
        }
    } else if (op == VM_OP_AND) {
        VmSet *small = x->used <= y->used ? x : y, *big = small == x ? y : x;
        VmSet *res = inplace ? vm_set_new(run, &vm_type_set) : r;
        if (res == NULL) {
            return VM_ERR;
        }
        for (size_t i = 0; i <= small->mask; i++) {
            VmValue k = small->table[i].key;
            bool in;
            if (vm_val_is_empty(k)) {
                continue;
            }
            if (vm_set_contains(run, big, k, &in) != VM_OK
                || (in && vm_set_add(run, res, k) != VM_OK)) {
                return VM_ERR;
            }
        }
        if (inplace) {
            VmSetEntry *t = x->table;
            x->table = res->table;
            res->table = t;
            size_t m = x->mask, fl = x->fill, u = x->used;
            x->mask = res->mask;
            x->fill = res->fill;
            x->used = res->used;
            res->mask = m;
            res->fill = fl;
            res->used = u;
        }
    } else if (op == VM_OP_SUB) {
        if (inplace) {
            for (size_t i = 0; i <= y->mask; i++) {
                bool found;
                if (!vm_val_is_empty(y->table[i].key)
                    && vm_set_discard(run, r, y->table[i].key, &found) != VM_OK) {
                    return VM_ERR;
                }
            }
        } else {
            for (size_t i = 0; i <= x->mask; i++) {
                VmValue k = x->table[i].key;
                bool in;
                if (vm_val_is_empty(k)) {
                    continue;
                }
                if (vm_set_contains(run, y, k, &in) != VM_OK
                    || (!in && vm_set_add(run, r, k) != VM_OK)) {
                    return VM_ERR;
                }
            }
        }
    } else {
        if (!inplace && vm_set_update(run, r, a) != VM_OK) {
            return VM_ERR;
        }
        for (size_t i = 0; i <= y->mask; i++) {
            VmValue k = y->table[i].key;
            bool found;
            if (vm_val_is_empty(k)) {
                continue;
            }
            if (vm_set_discard(run, r, k, &found) != VM_OK
                || (!found && vm_set_add(run, r, k) != VM_OK)) {
                return VM_ERR;
            }
        }
    }
    *out = vm_obj_val(r);
    return VM_OK;
}

/* vm_ascii: ascii(v): repr with non-ASCII escaped. */
VmStatus vm_ascii(VmRun *run, VmValue v, VmValue *out);
VmStatus
vm_ascii(VmRun *run, VmValue v, VmValue *out)
{
    VmValue r;
    if (vm_repr(run, v, &r) != VM_OK) {
        return VM_ERR;
    }
    VmStr *s = VM_AS(VmStr, r);
    if (s->ascii) {
        *out = r;
        return VM_OK;
    }
    VmStrBuf b;
    vm_sb_init(&b, run);
    const unsigned char *p = (const unsigned char *)s->data, *end = p + s->len;
    while (p < end) {
        uint32_t c;
        int n;
        if (p[0] < 0x80) {
            c = p[0];
            n = 1;
        } else if ((p[0] & 0xE0) == 0xC0) {
            c = ((uint32_t)(p[0] & 0x1F) << 6) | (p[1] & 0x3F);
            n = 2;
        } else if ((p[0] & 0xF0) == 0xE0) {
            c = ((uint32_t)(p[0] & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
            n = 3;
        } else {
            c = ((uint32_t)(p[0] & 0x07) << 18) | ((uint32_t)(p[1] & 0x3F) << 12)
                | ((uint32_t)(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
            n = 4;
        }
        if (c < 0x80) {
            vm_sb_add(&b, (const char *)p, 1);
        } else if (c < 0x100) {
            vm_sb_printf(&b, "\\x%02x", c);
        } else if (c < 0x10000) {
            vm_sb_printf(&b, "\\u%04x", c);
        } else {
            vm_sb_printf(&b, "\\U%08x", c);
        }
        p += n;
    }
    return vm_sb_to_str(&b, out);
}

/* ---- format() -------------------------------------------------------------- */

typedef struct Spec {
    char fill, align, sign, type;
    bool alt, zero, has_fill;
    char grouping;
    int64_t width, prec;
} Spec;

static VmStatus
parse_spec(VmRun *run, VmStr *s, VmValue v, Spec *sp)
{
    memset(sp, 0, sizeof *sp);
    sp->fill = ' ';
    sp->width = -1;
    sp->prec = -1;
    const char *p = s->data, *end = s->data + s->len;
    if (end - p >= 2 && strchr("<>=^", p[1]) != NULL && (unsigned char)p[0] < 0x80) {
        sp->fill = p[0];
        sp->has_fill = true;
        sp->align = p[1];
        p += 2;
    } else if (p < end && strchr("<>=^", *p) != NULL) {
        sp->align = *p++;
    }
    if (p < end && (*p == '+' || *p == '-' || *p == ' ')) {
        sp->sign = *p++;
    }
    if (p < end && *p == 'z') {
        p++;
    }
    if (p < end && *p == '#') {
        sp->alt = true;
        p++;
    }
    if (p < end && *p == '0') {
        sp->zero = true;
        p++;
    }
    if (p < end && isdigit((unsigned char)*p)) {
        sp->width = 0;
        while (p < end && isdigit((unsigned char)*p)) {
            sp->width = sp->width * 10 + (*p++ - '0');
            if (sp->width > 100000000) {
                return vm_raise(run, &vm_exc_ValueError, "Too many decimal digits in format string");
            }
        }
    }
    if (p < end && (*p == ',' || *p == '_')) {
        sp->grouping = *p++;
    }
    if (p < end && *p == '.') {
        p++;
        sp->prec = 0;
        if (p >= end || !isdigit((unsigned char)*p)) {
            return vm_raise(run, &vm_exc_ValueError, "Format specifier missing precision");
        }
        while (p < end && isdigit((unsigned char)*p)) {
            sp->prec = sp->prec * 10 + (*p++ - '0');
            if (sp->prec > 100000000) {
                return vm_raise(run, &vm_exc_ValueError, "Too many decimal digits in format string");
            }
        }
    }
    if (p < end) {
        sp->type = *p++;
    }
    if (p < end) {
        return vm_raise(run, &vm_exc_ValueError, "Invalid format specifier '%s' for object of "
                        "type '%s'", s->data, vm_type_name(v));
    }
    return VM_OK;
}

static void
group_digits(VmStrBuf *b, const char *digits, size_t n, char sep, int every)
{
    for (size_t i = 0; i < n; i++) {
        vm_sb_add(b, digits + i, 1);
        size_t left = n - 1 - i;
        if (sep && left > 0 && left % (size_t)every == 0) {
            vm_sb_add(b, &sep, 1);
        }
    }
}

/* Pads body (sign prefix separate for '=' alignment) to the spec's width. */
static VmStatus
pad(VmRun *run, const Spec *sp, const char *prefix, const char *body, size_t bodylen,
    char default_align, VmValue *out)
{
    size_t plen = strlen(prefix);
    size_t nchars = plen;
    for (size_t i = 0; i < bodylen; i++) {
        if (((unsigned char)body[i] & 0xC0) != 0x80) {
            nchars++;
        }
    }
    char align = sp->align ? sp->align : default_align;
    char fill = sp->fill;
    if (sp->zero && !sp->align) {
        align = default_align == '<' ? '<' : '=';
        if (!sp->has_fill) {
            fill = '0';
        }
    }
    size_t width = sp->width > 0 ? (size_t)sp->width : 0;
    size_t padn = width > nchars ? width - nchars : 0;
    if (vm_heap_check(run, padn + bodylen) != VM_OK) {
        return VM_ERR;
    }
    VmStrBuf b;
    vm_sb_init(&b, run);
    size_t left = 0, right = 0;
    switch (align) {
    case '<': right = padn; break;
    case '^': left = padn / 2; right = padn - left; break;
    case '=':
        vm_sb_adds(&b, prefix);
        for (size_t i = 0; i < padn; i++) {
            vm_sb_add(&b, &fill, 1);
        }
        vm_sb_add(&b, body, bodylen);
        return vm_sb_to_str(&b, out);
    default: left = padn; break;
    }
    for (size_t i = 0; i < left; i++) {
        vm_sb_add(&b, &fill, 1);
    }
    vm_sb_adds(&b, prefix);
    vm_sb_add(&b, body, bodylen);
    for (size_t i = 0; i < right; i++) {
        vm_sb_add(&b, &fill, 1);
    }
    return vm_sb_to_str(&b, out);
}

static VmStatus
format_int(VmRun *run, VmValue v, Spec *sp, VmValue *out)
{
    char t = sp->type ? sp->type : 'd';
    if (strchr("eEfFgG%", t) != NULL) {
        double d = 0;
        if (vm_int_to_double(run, v, &d) != VM_OK) {
            return VM_ERR;
        }
        return VM_ERR + 100;    /* signal: format as float */
    }
    if (strchr("dbxXocn", t) == NULL) {
        return vm_raise(run, &vm_exc_ValueError,
                        "Unknown format code '%c' for object of type '%s'", t, vm_type_name(v));
    }
    if (t == 'c') {
        int64_t c;
        if (vm_index(run, v, &c) != VM_OK) {
            return VM_ERR;
        }
        char buf[8];
        int n = c < 0x80 ? snprintf(buf, sizeof buf, "%c", (int)c) : 0;
        return pad(run, sp, "", buf, (size_t)n, '<', out);
    }
    int base = t == 'b' ? 2 : t == 'o' ? 8 : (t == 'x' || t == 'X') ? 16 : 10;
    mp_int n;
    if (vm_int_to_mp(run, v, &n) != VM_OK) {
        return VM_ERR;
    }
    bool neg = mp_isneg(&n);
    n.sign = MP_ZPOS;
    size_t cap = (size_t)mp_count_bits(&n) + 8;
    char *digits = vm_heap_alloc(run, cap);
    size_t w;
    bool pow2 = base == 2 || base == 8 || base == 16;
    if (digits == NULL
        || (pow2 ? !vm_bigint_to_pow2_radix(&n, base, digits, cap, &w)
                 : mp_to_radix(&n, digits, cap, &w, base) != MP_OKAY)) {
        mp_clear(&n);
        vm_heap_free(run, digits);
        return VM_ERR;
    }
    mp_clear(&n);
    for (char *p = digits; *p; p++) {
        *p = t == 'X' ? (char)toupper((unsigned char)*p) : (char)tolower((unsigned char)*p);
    }
    char prefix[8] = "";
    size_t k = 0;
    if (neg) {
        prefix[k++] = '-';
    } else if (sp->sign == '+' || sp->sign == ' ') {
        prefix[k++] = sp->sign;
    }
    if (sp->alt && base != 10) {
        prefix[k++] = '0';
        prefix[k++] = t == 'b' ? 'b' : t == 'o' ? 'o' : t;
    }
    prefix[k] = 0;
    VmStrBuf body;
    vm_sb_init(&body, run);
    group_digits(&body, digits, strlen(digits), sp->grouping, base == 10 ? 3 : 4);
    vm_heap_free(run, digits);
    VmStatus st = pad(run, sp, prefix, body.data ? body.data : "", body.len, '>', out);
    vm_sb_fini(&body);
    return st;
}

static VmStatus
format_float(VmRun *run, double d, Spec *sp, VmValue *out)
{
    char t = sp->type;
    int prec = sp->prec < 0 ? 6 : (int)sp->prec;
    char buf[512];
    bool neg = signbit(d) && !isnan(d);
    double a = fabs(d);
    if (t == 0 && sp->prec < 0) {
        vm_float_repr_cstr(a, buf, sizeof buf);
    } else if (t == 0) {
        snprintf(buf, sizeof buf, "%.*g", prec == 0 ? 1 : prec, a);
        if (isfinite(a) && strchr(buf, '.') == NULL && strchr(buf, 'e') == NULL) {
            strcat(buf, ".0");
        }
    } else if (t == '%') {
        snprintf(buf, sizeof buf, "%.*f%%", prec, a * 100.0);
    } else if (strchr("eEfFgG", t) != NULL) {
        if (prec > 400) {
            prec = 400;
        }
        char f[8];
        snprintf(f, sizeof f, "%%%s.*%c", sp->alt ? "#" : "", t);
        snprintf(buf, sizeof buf, f, (t == 'g' || t == 'G') && prec == 0 ? 1 : prec, a);
    } else {
        return vm_raise(run, &vm_exc_ValueError,
                        "Unknown format code '%c' for object of type 'float'", t);
    }
    if (isinf(a)) {
        snprintf(buf, sizeof buf, "%s", (t == 'E' || t == 'F' || t == 'G') ? "INF" : "inf");
    } else if (isnan(a)) {
        snprintf(buf, sizeof buf, "%s", (t == 'E' || t == 'F' || t == 'G') ? "NAN" : "nan");
    }
    char prefix[2] = { 0, 0 };
    if (neg) {
        prefix[0] = '-';
    } else if (sp->sign == '+' || sp->sign == ' ') {
        prefix[0] = sp->sign;
    }
    VmStrBuf body;
    vm_sb_init(&body, run);
    if (sp->grouping) {
        size_t intlen = strspn(buf, "0123456789");
        group_digits(&body, buf, intlen, sp->grouping, 3);
        vm_sb_adds(&body, buf + intlen);
    } else {
        vm_sb_adds(&body, buf);
    }
    VmStatus st = pad(run, sp, prefix, body.data ? body.data : "", body.len, '>', out);
    vm_sb_fini(&body);
    return st;
}

/* vm_format: format(v, spec) for the built-in types (spec EMPTY: ''). */
VmStatus vm_format(VmRun *run, VmValue v, VmValue spec, VmValue *out);
VmStatus
vm_format(VmRun *run, VmValue v, VmValue spec, VmValue *out)
{
    if (vm_val_is_empty(spec) || (vm_is(spec, &vm_type_str) && VM_AS(VmStr, spec)->len == 0)) {
        return vm_str(run, v, out);
    }
    if (!vm_is(spec, &vm_type_str)) {
        return vm_raise(run, &vm_exc_TypeError, "format() argument 2 must be str, not %s",
                        vm_type_name(spec));
    }
    if (vm_module_format(run, v, VM_AS(VmStr, spec), out) != VM_OK) {
        return VM_ERR;
    }
    if (!vm_val_is_empty(*out)) {
        return VM_OK;
    }
    {
        VmStatus lst = vm_lib_format(run, v, VM_AS(VmStr, spec), out);
        if (lst != VM_STOP) {
            return lst;
        }
    }
    Spec sp;
    if (parse_spec(run, VM_AS(VmStr, spec), v, &sp) != VM_OK) {
        return VM_ERR;
    }
    if (vm_is_int(v) && !(v.tag == VM_TAG_BOOL && sp.type == 0)) {
        VmStatus st = format_int(run, v, &sp, out);
        if (st != VM_ERR + 100) {
            return st;
        }
        double d = 0;
        if (vm_int_to_double(run, v, &d) != VM_OK) {
            return VM_ERR;
        }
        return format_float(run, d, &sp, out);
    }
    if (v.tag == VM_TAG_FLOAT) {
        if (sp.type && strchr("eEfFgGn%", sp.type) == NULL) {
            return vm_raise(run, &vm_exc_ValueError,
                            "Unknown format code '%c' for object of type 'float'", sp.type);
        }
        return format_float(run, v.u.f, &sp, out);
    }
    VmValue s;
    if (vm_is(v, &vm_type_str)) {
        s = v;
        if (sp.type && sp.type != 's') {
            return vm_raise(run, &vm_exc_ValueError,
                            "Unknown format code '%c' for object of type 'str'", sp.type);
        }
        if (sp.sign) {
            return vm_raise(run, &vm_exc_ValueError,
                            "Sign not allowed in string format specifier");
        }
        if (sp.align == '=') {
            return vm_raise(run, &vm_exc_ValueError,
                            "'=' alignment not allowed in string format specifier");
        }
    } else {
        if (vm_val_is_none(v) || vm_is(v, &vm_type_list) || vm_is(v, &vm_type_dict)
            || vm_is(v, &vm_type_tuple)) {
            return vm_raise(run, &vm_exc_TypeError,
                            "unsupported format string passed to %s.__format__",
                            vm_type_name(v));
        }
        if (vm_str(run, v, &s) != VM_OK) {
            return VM_ERR;
        }
    }
    VmStr *str = VM_AS(VmStr, s);
    size_t len = str->len;
    if (sp.prec >= 0 && (size_t)sp.prec < str->nchars) {
        VmValue sub = vm_str_sub(run, str, 0, (size_t)sp.prec);
        if (vm_val_is_empty(sub)) {
            return VM_ERR;
        }
        str = VM_AS(VmStr, sub);
        len = str->len;
    }
    return pad(run, &sp, "", str->data, len, '<', out);
}

/* `%-8.3s` of a str: width and precision count code points (C's %s counts bytes and
 * stops at a NUL), flags other than '-' do nothing for strings. */
size_t vm_str_offset(const VmStr *s, size_t i);
static bool
pct_pad_str(VmStrBuf *b, const char *flags, const VmStr *s)
{
    bool left = false, has_prec = false;
    size_t width = 0, prec = 0;
    const char *q = flags;
    for (; *q != 0 && strchr("-+ #0", *q) != NULL; q++) {
        left |= *q == '-';
    }
    for (; *q >= '0' && *q <= '9'; q++) {
        width = width * 10 + (size_t)(*q - '0');
    }
    if (*q == '.') {
        has_prec = true;
        for (q++; *q >= '0' && *q <= '9'; q++) {
            prec = prec * 10 + (size_t)(*q - '0');
        }
    }
    size_t nb = s->len, nc = s->nchars;
    if (has_prec && prec < nc) {
        nb = vm_str_offset(s, prec);
        nc = prec;
    }
    static const char spaces[] = "                                ";
    size_t padn = width > nc ? width - nc : 0;
    for (size_t k = 0; !left && k < padn; k += 32) {
        vm_sb_add(b, spaces, padn - k < 32 ? padn - k : 32);
    }
    vm_sb_add(b, s->data, nb);
    for (size_t k = 0; left && k < padn; k += 32) {
        vm_sb_add(b, spaces, padn - k < 32 ? padn - k : 32);
    }
    return !b->failed;
}

/* vm_str_mod: printf-style fmt % args for the common conversions. */
VmStatus vm_str_mod(VmRun *run, VmValue fmtv, VmValue argsv, VmValue *out);
VmStatus
vm_str_mod(VmRun *run, VmValue fmtv, VmValue argsv, VmValue *out)
{
    VmStr *fmt = VM_AS(VmStr, fmtv);
    VmValue *items = &argsv;
    size_t nitems = 1, used = 0;
    bool is_tuple = vm_is(argsv, &vm_type_tuple);
    if (is_tuple) {
        items = VM_AS(VmTuple, argsv)->items;
        nitems = VM_AS(VmTuple, argsv)->len;
    }
    VmDict *mapping = vm_isinstance(argsv, &vm_type_dict) ? VM_AS(VmDict, argsv) : NULL;
    VmStrBuf b;
    vm_sb_init(&b, run);
    const char *p = fmt->data, *end = fmt->data + fmt->len;
    while (p < end) {
        if (*p != '%') {
            const char *q = memchr(p, '%', (size_t)(end - p));
            q = q != NULL ? q : end;
            vm_sb_add(&b, p, (size_t)(q - p));
            p = q;
            continue;
        }
        p++;
        if (p < end && *p == '%') {
            vm_sb_adds(&b, "%");
            p++;
            continue;
        }
        VmValue arg;
        if (p < end && *p == '(' && mapping != NULL) {
            const char *q = memchr(p, ')', (size_t)(end - p));
            if (q == NULL) {
                vm_sb_fini(&b);
                return vm_raise(run, &vm_exc_ValueError, "incomplete format key");
            }
            VmValue key = vm_str_val(run, p + 1, (size_t)(q - p - 1));
            if (vm_val_is_empty(key) || vm_dict_get(run, mapping, key, &arg) != VM_OK) {
                vm_sb_fini(&b);
                return VM_ERR;
            }
            if (vm_val_is_empty(arg)) {
                vm_sb_fini(&b);
                return vm_raise_with_arg(run, &vm_exc_KeyError, key);
            }
            p = q + 1;
        } else {
            arg = vm_val_empty();
        }
        /* flags, width and precision; a '*' takes its number from the arguments */
        char spec[40];
        size_t sl = 0;
        while (p < end && strchr("-+ #0123456789.*", *p) != NULL) {
            if (*p == '*') {
                int64_t w;
                if (mapping != NULL || used >= nitems) {
                    vm_sb_fini(&b);
                    return vm_raise(run, &vm_exc_TypeError,
                                    "not enough arguments for format string");
                }
                if (!vm_is_int(items[used]) || items[used].tag == VM_TAG_OBJ) {
                    vm_sb_fini(&b);
                    return vm_raise(run, &vm_exc_TypeError, "* wants int");
                }
                w = items[used++].u.i;
                if (w < 0 && (sl == 0 || spec[sl - 1] != '.')) {
                    if (sl < sizeof spec - 1) {
                        spec[sl++] = '-';
                    }
                    w = -w;
                }
                if (w < 0) {
                    w = 0;
                }
                int k = snprintf(spec + sl, sizeof spec - sl, "%lld", (long long)w);
                sl = k > 0 && sl + (size_t)k < sizeof spec ? sl + (size_t)k : sl;
            } else if (sl < sizeof spec - 1) {
                spec[sl++] = *p;
            }
            p++;
        }
        spec[sl] = 0;
        const char *specstart = spec;
        if (p >= end) {
            vm_sb_fini(&b);
            return vm_raise(run, &vm_exc_ValueError, "incomplete format");
        }
        char conv = *p++;
        if (vm_val_is_empty(arg)) {
            if (used >= nitems) {
                vm_sb_fini(&b);
                return vm_raise(run, &vm_exc_TypeError, "not enough arguments for format string");
            }
            arg = items[used++];
        }
        char flags[48];
        size_t fl = sl;
        {
            /* refuse a huge width or precision before formatting (contract 4) */
            uint64_t num = 0, widest = 0;
            for (const char *q = specstart; q < specstart + sl; q++) {
                if (*q >= '0' && *q <= '9') {
                    num = num * 10 + (uint64_t)(*q - '0');
                    if (num > ((uint64_t)1 << 40)) {
                        num = (uint64_t)1 << 40;
                    }
                } else {
                    widest = num > widest ? num : widest;
                    num = 0;
                }
            }
            widest = num > widest ? num : widest;
            if (widest > 400) {
                if (vm_heap_check(run, (size_t)widest) != VM_OK) {
                    vm_sb_fini(&b);
                    return VM_ERR;
                }
                vm_sb_fini(&b);
                return vm_raise(run, &vm_exc_NotImplementedError,
                                "monty does not support %%-format widths above 400 yet");
            }
        }
        if (fl > 20) {
            fl = 20;
        }
        vm_memcpy(flags, specstart, fl);
        flags[fl] = 0;
        VmValue piece;
        char cfmt[64];
        char tmp[512];
        if (conv == 's' || conv == 'r' || conv == 'a') {
            VmStatus st = conv == 's' ? vm_str(run, arg, &piece)
                          : conv == 'r' ? vm_repr(run, arg, &piece) : vm_ascii(run, arg, &piece);
            if (st != VM_OK) {
                vm_sb_fini(&b);
                return VM_ERR;
            }
            if (fl == 0) {
                vm_sb_add(&b, VM_AS(VmStr, piece)->data, VM_AS(VmStr, piece)->len);
            } else if (!pct_pad_str(&b, flags, VM_AS(VmStr, piece))) {
                vm_sb_fini(&b);
                return VM_ERR;
            }
        } else if (strchr("dioxXeEfFgGc", conv) != NULL) {
            if (conv == 'c') {
                VmValue cs = arg;
                if (vm_is_int(arg) && (arg.tag == VM_TAG_OBJ || arg.u.i < 0
                                       || arg.u.i >= 0x110000)) {
                    vm_sb_fini(&b);
                    return vm_raise(run, &vm_exc_OverflowError,
                                    "%%c arg not in range(0x110000)");
                }
                if (arg.tag == VM_TAG_INT || arg.tag == VM_TAG_BOOL) {
                    VmValue chr_fn = vm_obj_val(vm_builtins_lookup("chr", 3));
                    if (vm_call_native(run, chr_fn, &arg, 1, NULL, &cs) != VM_OK) {
                        vm_sb_fini(&b);
                        return VM_ERR;
                    }
                }
                if (!vm_is(cs, &vm_type_str) || VM_AS(VmStr, cs)->nchars != 1) {
                    vm_sb_fini(&b);
                    return vm_raise(run, &vm_exc_TypeError, "%%c requires int or char");
                }
                vm_sb_add(&b, VM_AS(VmStr, cs)->data, VM_AS(VmStr, cs)->len);
                continue;
            }
            if (!vm_is_int(arg) && strchr("oxX", conv)) {
                vm_sb_fini(&b);
                return vm_raise(run, &vm_exc_TypeError, "%%%c format: an integer is required, "
                                "not %s", conv, vm_type_name(arg));
            }
            if (!vm_is_int(arg) && arg.tag != VM_TAG_FLOAT) {
                vm_sb_fini(&b);
                if (strchr("dioxX", conv)) {
                    return vm_raise(run, &vm_exc_TypeError,
                                    "%%%c format: a real number is required, not %s", conv,
                                    vm_type_name(arg));
                }
                return vm_raise(run, &vm_exc_TypeError, "must be real number, not %s",
                                vm_type_name(arg));
            }
            if (strchr("diouxX", conv) != NULL) {
                VmValue iv = arg;
                if (arg.tag == VM_TAG_FLOAT && vm_int_from_double(run, arg.u.f, &iv) != VM_OK) {
                    vm_sb_fini(&b);
                    return VM_ERR;
                }
                VmPctSpec ps;
                if (pct_int_spec(flags, conv, &ps)) {
                    /* Python's alternate forms (0x0, 0o10) and signed hex/octal */
                    VmBuf pb;
                    VmLibError perr;
                    vm_lib_error_clear(&perr);
                    vm_lib_buf_init(run, &pb);
                    bool ok = iv.tag == VM_TAG_OBJ
                              ? vm_pct_apply_big(&ps, &VM_AS(VmBigInt, iv)->n, &pb, &perr)
                              : vm_pct_apply_i64(&ps, iv.u.i, &pb, &perr);
                    if (!ok || pb.failed) {
                        vm_buf_fini(&pb);
                        vm_sb_fini(&b);
                        return ok ? vm_raise(run, &vm_exc_MemoryError, "%s", "")
                                  : vm_lib_raise(run, &perr);
                    }
                    vm_sb_add(&b, pb.data ? pb.data : "", pb.len);
                    vm_buf_fini(&pb);
                    continue;
                }
                if (iv.tag == VM_TAG_OBJ) {
                    VmValue s;
                    if (vm_str(run, iv, &s) != VM_OK) {
                        vm_sb_fini(&b);
                        return VM_ERR;
                    }
                    vm_sb_add(&b, VM_AS(VmStr, s)->data, VM_AS(VmStr, s)->len);
                    continue;
                }
                snprintf(cfmt, sizeof cfmt, "%%%sll%c", flags, conv == 'i' ? 'd' : conv);
                snprintf(tmp, sizeof tmp, cfmt, (long long)iv.u.i);
                if (conv == 'o' && strchr(flags, '#') != NULL) {
                    /* C's alternate octal is 010; Python's is 0o10 */
                    char *q = tmp;
                    while (*q == ' ' || *q == '-' || *q == '+') {
                        q++;
                    }
                    if (*q == '0' && strlen(tmp) + 2 < sizeof tmp) {
                        bool zero = q[1] < '0' || q[1] > '7';
                        if (zero) {
                            memmove(q + 2, q, strlen(q) + 1);      /* "0" -> "0o0" */
                        } else {
                            memmove(q + 2, q + 1, strlen(q + 1) + 1); /* "010" -> "0o10" */
                        }
                        q[0] = '0';
                        q[1] = 'o';
                    }
                }
            } else {
                double d = 0;
                if (arg.tag == VM_TAG_FLOAT) {
                    d = arg.u.f;
                } else if (vm_int_to_double(run, arg, &d) != VM_OK) {
                    vm_sb_fini(&b);
                    return VM_ERR;
                }
                snprintf(cfmt, sizeof cfmt, "%%%s%c", flags, conv);
                snprintf(tmp, sizeof tmp, cfmt, d);
            }
            vm_sb_adds(&b, tmp);
        } else {
            vm_sb_fini(&b);
            return vm_raise(run, &vm_exc_ValueError,
                            "unsupported format character '%c' (0x%x) at index %zu", conv,
                            (unsigned)(unsigned char)conv, (size_t)(p - 1 - fmt->data));
        }
    }
    if (mapping == NULL && used < nitems && (is_tuple || nitems == 1) && !(nitems == 1 && used == 0
                                                                          && !is_tuple && false)) {
        if (is_tuple || used == 0) {
            vm_sb_fini(&b);
            return vm_raise(run, &vm_exc_TypeError,
                            "not all arguments converted during string formatting");
        }
    }
    return vm_sb_to_str(&b, out);
}

/* ---- constructors ------------------------------------------------------------ */

static VmStatus
one_optional_arg(VmRun *run, const char *name, VmValue *args, size_t nargs, VmTuple *kwnames,
                 VmValue *out)
{
    if (kwnames != NULL && kwnames->len > 0) {
        return vm_raise(run, &vm_exc_TypeError, "%s() takes no keyword arguments", name);
    }
    if (nargs > 1) {
        return vm_raise(run, &vm_exc_TypeError, "%s expected at most 1 argument, got %zu", name,
                        nargs);
    }
    *out = nargs ? args[0] : vm_val_empty();
    return VM_OK;
}

VmStatus vm_type_new(VmRun *run, const VmType *t, VmValue *args, size_t nargs,
                     VmTuple *kwnames, VmValue *out);
VmStatus
vm_type_new(VmRun *run, const VmType *t, VmValue *args, size_t nargs, VmTuple *kwnames,
            VmValue *out)
{
    if (nargs != 1 || kwnames) {
        return vm_raise(run, &vm_exc_NotImplementedError,
                        "monty does not support creating classes with type()");
    }
    *out = vm_module_type_of(args[0]);
    if (!vm_val_is_empty(*out)) {
        return VM_OK;
    }
    *out = vm_obj_val(vm_type_of(args[0]));
    return VM_OK;
}

VmStatus vm_bool_new(VmRun *run, const VmType *t, VmValue *args, size_t nargs,
                     VmTuple *kwnames, VmValue *out);
VmStatus
vm_bool_new(VmRun *run, const VmType *t, VmValue *args, size_t nargs, VmTuple *kwnames,
            VmValue *out)
{
    VmValue a;
    bool b = false;
    if (one_optional_arg(run, "bool", args, nargs, kwnames, &a) != VM_OK) {
        return VM_ERR;
    }
    if (!vm_val_is_empty(a) && vm_truth(run, a, &b) != VM_OK) {
        return VM_ERR;
    }
    *out = vm_val_bool(b);
    return VM_OK;
}

/* has_non_ascii: whether a str needs the Unicode-aware parsers (digits of other scripts,
 * Unicode spaces); the ASCII fast paths below handle the rest. */
static bool
has_non_ascii(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if ((unsigned char)s[i] >= 0x80) {
            return true;
        }
    }
    return false;
}

/* int_from_unicode: int(s, base) through numparse for a str with non-ASCII text. */
static VmStatus
int_from_unicode(VmRun *run, const char *s, size_t len, int base, VmValue *out)
{
    VmNumInt n;
    VmLibError err;
    vm_lib_error_clear(&err);
    if (!vm_numparse_int(s, len, base, VM_BIGINT_MAX_STR_DIGITS, NULL, NULL, &n, &err)) {
        return vm_lib_raise(run, &err);
    }
    if (!n.is_big) {
        *out = vm_val_int(n.small);
        return VM_OK;
    }
    *out = vm_int_from_mp(run, &n.big);
    return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
}

static VmStatus
int_from_text(VmRun *run, const char *s, size_t len, int base, VmValue orig, VmValue *out)
{
    if (vm_is(orig, &vm_type_str) && has_non_ascii(s, len)) {
        return int_from_unicode(run, s, len, base, out);
    }
    char tmp[128];
    char *buf = len < sizeof tmp ? tmp : vm_heap_alloc(run, len + 1);
    if (buf == NULL) {
        return VM_ERR;
    }
    size_t a = 0, b = len;
    while (a < b && isspace((unsigned char)s[a])) {
        a++;
    }
    while (b > a && isspace((unsigned char)s[b - 1])) {
        b--;
    }
    size_t k = 0;
    bool neg = false, ok = true, prev_us = true;
    size_t i = a;
    if (i < b && (s[i] == '+' || s[i] == '-')) {
        neg = s[i] == '-';
        i++;
    }
    int bs = base;
    if (i + 1 < b && s[i] == '0' && strchr("xXoObB", s[i + 1]) != NULL) {
        int pb = (s[i + 1] == 'x' || s[i + 1] == 'X') ? 16 : (s[i + 1] == 'o' || s[i + 1] == 'O')
                                                             ? 8 : 2;
        if (bs == 0 || bs == pb) {
            bs = pb;
            i += 2;
            prev_us = false;
        }
    }
    if (bs == 0) {
        bs = 10;
        if (i + 1 < b && s[i] == '0') {
            for (size_t j = i; j < b; j++) {
                if (s[j] != '0' && s[j] != '_') {
                    ok = false;
                }
            }
        }
    }
    if (neg) {
        buf[k++] = '-';
    }
    size_t ndig = 0;
    for (; i < b && ok; i++) {
        char c = s[i];
        if (c == '_') {
            if (prev_us) {
                ok = false;
            }
            prev_us = true;
            continue;
        }
        prev_us = false;
        int d = isdigit((unsigned char)c) ? c - '0'
                : isalpha((unsigned char)c) ? tolower((unsigned char)c) - 'a' + 10 : 99;
        if (d >= bs) {
            ok = false;
            break;
        }
        buf[k++] = c;
        ndig++;
    }
    if (prev_us && ndig > 0) {
        ok = false;
    }
    buf[k] = 0;
    if (!ok || ndig == 0) {
        if (buf != tmp) {
            vm_heap_free(run, buf);
        }
        VmValue r;
        if (vm_repr(run, orig, &r) != VM_OK) {
            return VM_ERR;
        }
        return vm_raise(run, &vm_exc_ValueError, "invalid literal for int() with base %d: %s",
                        base, VM_AS(VmStr, r)->data);
    }
    if (bs == 10 && ndig > 4300) {
        if (buf != tmp) {
            vm_heap_free(run, buf);
        }
        return vm_raise(run, &vm_exc_ValueError,
                        "Exceeds the limit (4300 digits) for integer string conversion: value "
                        "has %zu digits; use sys.set_int_max_str_digits() to increase the limit",
                        ndig);
    }
    *out = vm_int_from_str(run, buf, bs);
    if (buf != tmp) {
        vm_heap_free(run, buf);
    }
    return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
}

VmStatus vm_int_new(VmRun *run, const VmType *t, VmValue *args, size_t nargs,
                    VmTuple *kwnames, VmValue *out);
VmStatus
vm_int_new(VmRun *run, const VmType *t, VmValue *args, size_t nargs, VmTuple *kwnames,
           VmValue *out)
{
    static const char *const names[] = { "x", "base" };
    VmValue a[2];
    if (vm_parse_args(run, "int", args, nargs, kwnames, names, 2, 0, 1, a) != VM_OK) {
        return VM_ERR;
    }
    if (vm_val_is_empty(a[0])) {
        if (!vm_val_is_empty(a[1])) {
            return vm_raise(run, &vm_exc_TypeError, "int() missing string argument");
        }
        *out = vm_val_int(0);
        return VM_OK;
    }
    VmValue x = a[0];
    if (!vm_val_is_empty(a[1])) {
        int64_t base;
        if (vm_index(run, a[1], &base) != VM_OK) {
            return VM_ERR;
        }
        if (!(base == 0 || (base >= 2 && base <= 36))) {
            return vm_raise(run, &vm_exc_ValueError, "int() base must be >= 2 and <= 36, or 0");
        }
        if (!vm_is(x, &vm_type_str) && !vm_is(x, &vm_type_bytes)) {
            return vm_raise(run, &vm_exc_TypeError,
                            "int() can't convert non-string with explicit base");
        }
        VmStr *s = VM_AS(VmStr, x);
        return int_from_text(run, s->data, s->len, (int)base, x, out);
    }
    if (vm_is_int(x)) {
        *out = x.tag == VM_TAG_BOOL ? vm_val_int(x.u.i) : x;
        return VM_OK;
    }
    if (x.tag == VM_TAG_FLOAT) {
        return vm_int_from_double(run, x.u.f, out);
    }
    if (vm_is(x, &vm_type_str)) {
        VmStr *s = VM_AS(VmStr, x);
        return int_from_text(run, s->data, s->len, 10, x, out);
    }
    return vm_raise(run, &vm_exc_TypeError,
                    "int() argument must be a string, a bytes-like object or a real number, "
                    "not '%s'", vm_type_name(x));
}

VmStatus vm_float_new(VmRun *run, const VmType *t, VmValue *args, size_t nargs,
                      VmTuple *kwnames, VmValue *out);
VmStatus
vm_float_new(VmRun *run, const VmType *t, VmValue *args, size_t nargs, VmTuple *kwnames,
             VmValue *out)
{
    VmValue x;
    if (one_optional_arg(run, "float", args, nargs, kwnames, &x) != VM_OK) {
        return VM_ERR;
    }
    if (vm_val_is_empty(x)) {
        *out = vm_val_float(0.0);
        return VM_OK;
    }
    if (x.tag == VM_TAG_FLOAT) {
        *out = x;
        return VM_OK;
    }
    if (vm_is_int(x)) {
        double d = 0;
        if (vm_int_to_double(run, x, &d) != VM_OK) {
            return VM_ERR;
        }
        *out = vm_val_float(d);
        return VM_OK;
    }
    if (vm_is(x, &vm_type_str) && has_non_ascii(VM_AS(VmStr, x)->data, VM_AS(VmStr, x)->len)) {
        VmStr *s = VM_AS(VmStr, x);
        VmLibError err;
        vm_lib_error_clear(&err);
        double d;
        if (!vm_numparse_float(s->data, s->len, NULL, NULL, &d, &err)) {
            return vm_lib_raise(run, &err);
        }
        *out = vm_val_float(d);
        return VM_OK;
    }
    if (vm_is(x, &vm_type_str)) {
        VmStr *s = VM_AS(VmStr, x);
        char tmp[256];
        size_t a = 0, b = s->len, k = 0;
        while (a < b && isspace((unsigned char)s->data[a])) {
            a++;
        }
        while (b > a && isspace((unsigned char)s->data[b - 1])) {
            b--;
        }
        bool ok = b > a && b - a < sizeof tmp;
        for (size_t i = a; ok && i < b; i++) {
            char c = s->data[i];
            if (c == '_') {
                ok = i > a && i + 1 < b && isdigit((unsigned char)s->data[i - 1])
                     && isdigit((unsigned char)s->data[i + 1]);
                continue;
            }
            if (!(isalnum((unsigned char)c) || c == '.' || c == '+' || c == '-')) {
                ok = false;
            }
            tmp[k++] = c;
        }
        tmp[k] = 0;
        char *end = NULL;
        double d = ok ? strtod(tmp, &end) : 0;
        bool hex = strchr(tmp, 'x') || strchr(tmp, 'X');
        if (!ok || end == tmp || *end != 0 || hex) {
            VmValue r;
            if (vm_repr(run, x, &r) != VM_OK) {
                return VM_ERR;
            }
            return vm_raise(run, &vm_exc_ValueError, "could not convert string to float: %s",
                            VM_AS(VmStr, r)->data);
        }
        *out = vm_val_float(d);
        return VM_OK;
    }
    return vm_raise(run, &vm_exc_TypeError,
                    "float() argument must be a string or a real number, not '%s'",
                    vm_type_name(x));
}

VmStatus vm_str_new_from_args(VmRun *run, const VmType *t, VmValue *args, size_t nargs,
                              VmTuple *kwnames, VmValue *out);
VmStatus
vm_str_new_from_args(VmRun *run, const VmType *t, VmValue *args, size_t nargs,
                     VmTuple *kwnames, VmValue *out)
{
    static const char *const names[] = { "object", "encoding", "errors" };
    VmValue a[3];
    if (nargs > 3) {
        return vm_raise(run, &vm_exc_TypeError, "str expected at most 3 arguments, got %zu",
                        nargs);
    }
    if (vm_parse_args(run, "str", args, nargs, kwnames, names, 3, 0, 0, a) != VM_OK) {
        return VM_ERR;
    }
    VmValue x = a[0];
    if (!vm_val_is_empty(a[1]) || !vm_val_is_empty(a[2])) {
        /* str(b, encoding, errors) is b.decode(encoding, errors) */
        if (vm_val_is_empty(x)) {
            *out = vm_str_val(run, "", 0);
            return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
        }
        if (vm_is(x, &vm_type_str)) {
            return vm_raise(run, &vm_exc_TypeError, "decoding str is not supported");
        }
        if (!vm_is(x, &vm_type_bytes)) {
            return vm_raise(run, &vm_exc_TypeError,
                            "decoding to str: need a bytes-like object, %s found",
                            vm_type_name(x));
        }
        VmValue dargs[3] = { x, a[1], a[2] };
        if (vm_val_is_empty(dargs[1])) {
            dargs[1] = vm_str_val(run, "utf-8", 5);
            if (vm_val_is_empty(dargs[1])) {
                return VM_ERR;
            }
        }
        return vm_lib_codec(run, false, dargs, vm_val_is_empty(a[2]) ? 2 : 3, NULL, out);
    }
    if (vm_val_is_empty(x)) {
        *out = vm_str_val(run, "", 0);
        return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
    }
    return vm_str(run, x, out);
}

VmStatus vm_list_new_from_args(VmRun *run, const VmType *t, VmValue *args, size_t nargs,
                               VmTuple *kwnames, VmValue *out);
VmStatus
vm_list_new_from_args(VmRun *run, const VmType *t, VmValue *args, size_t nargs,
                      VmTuple *kwnames, VmValue *out)
{
    if (nargs > 0 && vm_is_pyiter(args[0])) {
        return vm_defer(run, "list");
    }
    VmValue x;
    if (one_optional_arg(run, "list", args, nargs, kwnames, &x) != VM_OK) {
        return VM_ERR;
    }
    if (vm_val_is_empty(x)) {
        VmList *l = vm_list_new(run, 0);
        *out = l ? vm_obj_val(l) : vm_val_empty();
        return l ? VM_OK : VM_ERR;
    }
    return vm_list_from_iter(run, x, out);
}

VmStatus vm_tuple_new_from_args(VmRun *run, const VmType *t, VmValue *args, size_t nargs,
                                VmTuple *kwnames, VmValue *out);
VmStatus
vm_tuple_new_from_args(VmRun *run, const VmType *t, VmValue *args, size_t nargs,
                       VmTuple *kwnames, VmValue *out)
{
    if (nargs > 0 && vm_is_pyiter(args[0])) {
        return vm_defer(run, "tuple");
    }
    VmValue x, lst;
    if (one_optional_arg(run, "tuple", args, nargs, kwnames, &x) != VM_OK) {
        return VM_ERR;
    }
    if (vm_val_is_empty(x)) {
        *out = vm_obj_val(&vm_empty_tuple);
        return VM_OK;
    }
    if (vm_is(x, &vm_type_tuple)) {
        *out = x;
        return VM_OK;
    }
    if (vm_list_from_iter(run, x, &lst) != VM_OK) {
        return VM_ERR;
    }
    VmList *l = VM_AS(VmList, lst);
    VmTuple *tt = vm_tuple_new(run, l->len);
    if (tt == NULL) {
        return VM_ERR;
    }
    vm_memcpy(tt->items, l->items, l->len * sizeof(VmValue));
    *out = vm_obj_val(tt);
    return VM_OK;
}

VmStatus vm_dict_new_from_args(VmRun *run, const VmType *t, VmValue *args, size_t nargs,
                               VmTuple *kwnames, VmValue *out);
VmStatus
vm_dict_new_from_args(VmRun *run, const VmType *t, VmValue *args, size_t nargs,
                      VmTuple *kwnames, VmValue *out)
{
    if (nargs > 0 && vm_is_pyiter(args[0])) {
        return vm_defer(run, "dict");
    }
    size_t nkw = kwnames ? kwnames->len : 0;
    size_t npos = nargs - nkw;
    if (npos > 1) {
        return vm_raise(run, &vm_exc_TypeError, "dict expected at most 1 argument, got %zu",
                        npos);
    }
    VmDict *d = vm_dict_new(run);
    if (d == NULL || (npos == 1 && vm_dict_update(run, d, args[0]) != VM_OK)) {
        return VM_ERR;
    }
    for (size_t k = 0; k < nkw; k++) {
        if (vm_dict_set(run, d, kwnames->items[k], args[npos + k]) != VM_OK) {
            return VM_ERR;
        }
    }
    *out = vm_obj_val(d);
    return VM_OK;
}

VmStatus vm_set_new_from_args(VmRun *run, const VmType *t, VmValue *args, size_t nargs,
                              VmTuple *kwnames, VmValue *out);
VmStatus
vm_set_new_from_args(VmRun *run, const VmType *t, VmValue *args, size_t nargs,
                     VmTuple *kwnames, VmValue *out)
{
    if (nargs > 0 && vm_is_pyiter(args[0])) {
        return vm_defer(run, t == &vm_type_set ? "set" : "frozenset");
    }
    VmValue x;
    if (one_optional_arg(run, t->name, args, nargs, kwnames, &x) != VM_OK) {
        return VM_ERR;
    }
    VmSet *s = vm_set_new(run, t);
    if (s == NULL || (!vm_val_is_empty(x) && vm_set_update(run, s, x) != VM_OK)) {
        return VM_ERR;
    }
    *out = vm_obj_val(s);
    return VM_OK;
}

VmStatus vm_range_new_from_args(VmRun *run, const VmType *t, VmValue *args, size_t nargs,
                                VmTuple *kwnames, VmValue *out);
VmStatus
vm_range_new_from_args(VmRun *run, const VmType *t, VmValue *args, size_t nargs,
                       VmTuple *kwnames, VmValue *out)
{
    if (kwnames != NULL && kwnames->len > 0) {
        return vm_raise(run, &vm_exc_TypeError, "range() takes no keyword arguments");
    }
    if (nargs == 0 || nargs > 3) {
        return vm_raise(run, &vm_exc_TypeError, nargs == 0
                        ? "range expected at least 1 argument, got 0"
                        : "range expected at most 3 arguments, got %zu", nargs);
    }
    int64_t v[3] = { 0, 0, 1 };
    for (size_t i = 0; i < nargs; i++) {
        if (args[i].tag == VM_TAG_FLOAT || !vm_is_int(args[i])) {
            return vm_raise(run, &vm_exc_TypeError,
                            "'%s' object cannot be interpreted as an integer",
                            vm_type_name(args[i]));
        }
        if (vm_index(run, args[i], &v[i]) != VM_OK) {
            return VM_ERR;
        }
    }
    if (nargs == 1) {
        v[1] = v[0];
        v[0] = 0;
    }
    if (v[2] == 0) {
        return vm_raise(run, &vm_exc_ValueError, "range() arg 3 must not be zero");
    }
    *out = vm_range_new(run, v[0], v[1], v[2]);
    return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
}

VmStatus vm_slice_new_from_args(VmRun *run, const VmType *t, VmValue *args, size_t nargs,
                                VmTuple *kwnames, VmValue *out);
VmStatus
vm_slice_new_from_args(VmRun *run, const VmType *t, VmValue *args, size_t nargs,
                       VmTuple *kwnames, VmValue *out)
{
    if (nargs < 1 || nargs > 3 || kwnames) {
        return vm_raise(run, &vm_exc_TypeError, "slice expected at least 1 argument, got %zu",
                        nargs);
    }
    if (nargs == 1) {
        *out = vm_slice_new(run, vm_val_none(), args[0], vm_val_none());
    } else {
        *out = vm_slice_new(run, args[0], args[1], nargs == 3 ? args[2] : vm_val_none());
    }
    return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
}

/* The latin-1 text of data[0..n): each byte is the code point of the same value. */
static VmValue
latin1_str(VmRun *run, const uint8_t *data, size_t n)
{
    VmStrBuf b;
    vm_sb_init(&b, run);
    for (size_t i = 0; i < n; i++) {
        char two[2] = { (char)(0xC0 | (data[i] >> 6)), (char)(0x80 | (data[i] & 0x3F)) };
        if (data[i] < 0x80) {
            vm_sb_add(&b, (const char *)&data[i], 1);
        } else {
            vm_sb_add(&b, two, 2);
        }
    }
    VmValue out;
    return vm_sb_to_str(&b, &out) == VM_OK ? out : vm_val_empty();
}

/* The argument a bytes %-conversion `conv` formats, as the str formatter takes it. */
static VmStatus
bytes_mod_arg(VmRun *run, char conv, VmValue arg, VmValue *out)
{
    *out = arg;
    if (conv == 's' || conv == 'b') {
        if (!vm_is(arg, &vm_type_bytes)) {
            return vm_raise(run, &vm_exc_TypeError, "%%b requires a bytes-like object, or an "
                            "object that implements __bytes__, not '%s'", vm_type_name(arg));
        }
        *out = latin1_str(run, VM_AS(VmBytes, arg)->data, VM_AS(VmBytes, arg)->len);
    } else if (conv == 'r' || conv == 'a') {
        return vm_ascii(run, arg, out);
    } else if (conv == 'c') {
        if (vm_is(arg, &vm_type_bytes) && VM_AS(VmBytes, arg)->len == 1) {
            *out = latin1_str(run, VM_AS(VmBytes, arg)->data, 1);
        } else if (vm_is_int(arg) && arg.tag != VM_TAG_OBJ && arg.u.i >= 0 && arg.u.i < 256) {
            uint8_t c = (uint8_t)arg.u.i;
            *out = latin1_str(run, &c, 1);
        } else if (vm_is_int(arg)) {
            return vm_raise(run, &vm_exc_OverflowError, "%%c arg not in range(256)");
        } else {
            return vm_raise(run, &vm_exc_TypeError,
                            "%%c requires an integer in range(256) or a single byte");
        }
    }
    return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
}

/*
 * vm_bytes_mod: b"..." % args. The format and the bytes arguments go through the str
 * formatter as latin-1 text (each byte one code point), so the result encodes back
 * byte for byte; each conversion's argument is checked and prepared as bytes'
 * formatting wants it (%s/%b take bytes, %r/%a give ascii(), %c a byte).
 */
VmStatus vm_bytes_mod(VmRun *run, VmValue fmtv, VmValue argsv, VmValue *out);
VmStatus
vm_bytes_mod(VmRun *run, VmValue fmtv, VmValue argsv, VmValue *out)
{
    const VmBytes *fb = VM_AS(VmBytes, fmtv);
    bool is_tuple = vm_is(argsv, &vm_type_tuple);
    bool mapping = !is_tuple && vm_isinstance(argsv, &vm_type_dict);
    size_t nitems = is_tuple ? VM_AS(VmTuple, argsv)->len : 1;
    VmTuple *items = vm_tuple_new(run, nitems);
    if (items == NULL) {
        return VM_ERR;
    }
    for (size_t i = 0; i < nitems; i++) {
        items->items[i] = is_tuple ? VM_AS(VmTuple, argsv)->items[i] : argsv;
    }
    /* the format with %b turned into %s and %r/%a into %s of ascii() */
    uint8_t *f = vm_heap_alloc(run, fb->len + 1);
    if (f == NULL) {
        return VM_ERR;
    }
    vm_memcpy(f, fb->data, fb->len);
    size_t used = 0;
    VmStatus st = VM_OK;
    for (size_t i = 0; st == VM_OK && i < fb->len; i++) {
        if (f[i] != '%') {
            continue;
        }
        if (++i < fb->len && f[i] == '%') {
            continue;
        }
        bool keyed = i < fb->len && f[i] == '(';
        while (keyed && i < fb->len && f[i] != ')') {
            i++;
        }
        i += keyed;
        for (; i < fb->len && strchr("-+ #0123456789.*", f[i]) != NULL; i++) {
            used += f[i] == '*';
        }
        if (i >= fb->len) {
            break;
        }
        char conv = (char)f[i];
        if (conv == 'b' || conv == 'r' || conv == 'a') {
            f[i] = 's';
        }
        if (mapping || keyed) {
            continue;       /* values converted below */
        }
        if (used < nitems) {
            st = bytes_mod_arg(run, conv, items->items[used], &items->items[used]);
        }
        used++;
    }
    VmValue fmt = st == VM_OK ? latin1_str(run, f, fb->len) : vm_val_empty();
    vm_heap_free(run, f);
    if (st != VM_OK || vm_val_is_empty(fmt)) {
        return VM_ERR;
    }
    VmValue args = is_tuple ? vm_obj_val(items) : items->items[0];
    if (mapping) {
        /* %(key)s looks keys up as bytes: a dict keyed by the latin-1 text of them */
        VmDict *src = VM_AS(VmDict, argsv), *d = vm_dict_new(run);
        if (d == NULL) {
            return VM_ERR;
        }
        for (size_t i = 0; i < src->nentries; i++) {
            VmValue k = src->entries[i].key, v = src->entries[i].value;
            if (vm_val_is_empty(k) || !vm_is(k, &vm_type_bytes)) {
                continue;
            }
            k = latin1_str(run, VM_AS(VmBytes, k)->data, VM_AS(VmBytes, k)->len);
            if (vm_val_is_empty(k)
                || (vm_is(v, &vm_type_bytes)
                    && vm_val_is_empty(v = latin1_str(run, VM_AS(VmBytes, v)->data,
                                                      VM_AS(VmBytes, v)->len)))
                || vm_dict_set(run, d, k, v) != VM_OK) {
                return VM_ERR;
            }
        }
        args = vm_obj_val(d);
    }
    VmValue text;
    if (vm_str_mod(run, fmt, args, &text) != VM_OK) {
        VmValue m;
        if (vm_is(run->exc, &vm_exc_TypeError) && vm_exc_str(run, run->exc, &m) == VM_OK
            && vm_str_eq_cstr(VM_AS(VmStr, m),
                              "not all arguments converted during string formatting")) {
            return vm_raise(run, &vm_exc_TypeError,
                            "not all arguments converted during bytes formatting");
        }
        return VM_ERR;
    }
    /* back to bytes: every code point is below 256 */
    const VmStr *ts = VM_AS(VmStr, text);
    uint8_t *o = vm_heap_alloc(run, ts->len + 1);
    if (o == NULL) {
        return VM_ERR;
    }
    size_t n = 0;
    for (size_t i = 0; i < ts->len; i++) {
        unsigned char c = (unsigned char)ts->data[i];
        if (c >= 0xC0 && i + 1 < ts->len) {
            o[n++] = (uint8_t)(((c & 0x03) << 6) | (ts->data[++i] & 0x3F));
        } else {
            o[n++] = c;
        }
    }
    *out = vm_value_bytes(run, o, n);
    vm_heap_free(run, o);
    return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
}
