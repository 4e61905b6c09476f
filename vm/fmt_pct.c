/*
 * fmt_pct.c - printf-style formatting core (see fmt_pct.h).  The parser and
 * the padding logic follow CPython's unicode_format_arg_parse and
 * unicode_format_arg_output step by step, so odd corners ('%-05d', '%#5x',
 * '% 05x', '%05f' of inf) come out the same.
 */
#include "vm/fmt_pct.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "vm/bigint.h"
#include "vm/fmt_float.h"
#include "vm/unicode.h"

/* Read the next format character; false (and *more false) at the end,
 * leaving *ch as it was, like CPython's fmtcnt countdown. */
static bool
next_char(const char *fmt, size_t len, size_t *p, uint32_t *ch, size_t *ch_pos, bool *more)
{
    *more = *p < len;
    if (*more) {
        *ch_pos = *p;
        *ch = vm_unicode_decode(fmt, len, p);
    }
    return *more;
}

/*
 * Parse the next conversion (see header).
 */
bool
vm_pct_next(const char *fmt, size_t len, size_t *pos, bool args_are_mapping, VmBuf *out,
            VmPctSpec *spec, VmLibError *err)
{
    memset(spec, 0, sizeof *spec);
    spec->width = -1;
    spec->precision = -1;
    size_t p = *pos;
    const char *pct;
    size_t lit_end;
    /* Literal text, with "%%" folded in as '%'. */
    for (;;) {
        pct = p < len ? memchr(fmt + p, '%', len - p) : NULL;
        lit_end = pct ? (size_t)(pct - fmt) : len;
        if (!vm_buf_append(out, fmt + p, lit_end - p)) {
            return vm_lib_error_from_buf(err, out);
        }
        if (!pct || lit_end + 1 >= len || fmt[lit_end + 1] != '%') {
            break;
        }
        if (!vm_buf_putc(out, '%')) {
            return vm_lib_error_from_buf(err, out);
        }
        p = lit_end + 2;
    }
    if (!pct) {
        *pos = len;
        spec->conv = 0;
        return true;
    }
    p = lit_end + 1;
    if (p < len && fmt[p] == '(') {
        if (!args_are_mapping) {
            return vm_lib_error_set(err, VM_LIB_TYPE_ERROR, "format requires a mapping");
        }
        int depth = 1;
        size_t start = ++p;
        while (depth > 0 && p < len) {
            if (fmt[p] == ')') {
                depth--;
            } else if (fmt[p] == '(') {
                depth++;
            }
            p++;
        }
        if (depth > 0 || p >= len) {
            return vm_lib_error_set(err, VM_LIB_VALUE_ERROR, "incomplete format key");
        }
        spec->has_key = true;
        spec->key = fmt + start;
        spec->key_len = p - start - 1;
    }
    uint32_t ch = 0;
    bool more = false;
    size_t ch_pos = p;
#define NEXT() next_char(fmt, len, &p, &ch, &ch_pos, &more)
    while (NEXT()) {
        if (ch == '-') {
            spec->left = true;
        } else if (ch == '+') {
            spec->plus = true;
        } else if (ch == ' ') {
            spec->blank = true;
        } else if (ch == '#') {
            spec->alt = true;
        } else if (ch == '0') {
            spec->zero = true;
        } else {
            break;
        }
    }
    if (more && ch == '*') {
        spec->width_star = true;
        NEXT();
    } else if (more && ch >= '0' && ch <= '9') {
        spec->width = ch - '0';
        while (NEXT()) {
            if (ch < '0' || ch > '9') {
                break;
            }
            if (spec->width > (INT64_MAX - (int64_t)(ch - '0')) / 10) {
                return vm_lib_error_set(err, VM_LIB_VALUE_ERROR, "width too big");
            }
            spec->width = spec->width * 10 + (ch - '0');
        }
    }
    if (more && ch == '.') {
        spec->precision = 0;
        if (NEXT()) {
            if (ch == '*') {
                spec->prec_star = true;
                NEXT();
            } else if (ch >= '0' && ch <= '9') {
                spec->precision = ch - '0';
                while (NEXT()) {
                    if (ch < '0' || ch > '9') {
                        break;
                    }
                    if (spec->precision > (INT32_MAX - (int64_t)(ch - '0')) / 10) {
                        return vm_lib_error_set(err, VM_LIB_VALUE_ERROR, "precision too big");
                    }
                    spec->precision = spec->precision * 10 + (ch - '0');
                }
            }
        }
    }
    if (more && (ch == 'h' || ch == 'l' || ch == 'L')) {
        NEXT();
    }
#undef NEXT
    if (!more) {
        return vm_lib_error_set(err, VM_LIB_VALUE_ERROR, "incomplete format");
    }
    spec->conv = ch;
    spec->conv_pos = ch_pos;
    *pos = p;
    return true;
}

/*
 * Conversion kinds (see header).
 */
VmPctKind
vm_pct_kind(uint32_t conv)
{
    switch (conv) {
    case 's': case 'r': case 'a':
        return VM_PCT_STR;
    case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
        return VM_PCT_INT;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
        return VM_PCT_FLOAT;
    case 'c':
        return VM_PCT_CHAR;
    default:
        return VM_PCT_UNSUPPORTED;
    }
}

void
vm_pct_set_width(VmPctSpec *spec, int64_t width)
{
    if (width < 0) {
        spec->left = true;
        width = width == INT64_MIN ? INT64_MAX : -width;
    }
    spec->width = width;
}

void
vm_pct_set_precision(VmPctSpec *spec, int64_t precision)
{
    spec->precision = precision < 0 ? 0 : precision;
}

/*
 * Unsupported conversion (see header).
 */
bool
vm_pct_unsupported(const char *fmt, size_t len, const VmPctSpec *spec, VmLibError *err)
{
    uint32_t c = spec->conv;
    size_t index = vm_unicode_count(fmt, spec->conv_pos < len ? spec->conv_pos : len);
    return vm_lib_error_set(err, VM_LIB_VALUE_ERROR,
                            "unsupported format character '%c' (0x%x) at index %zu",
                            (c >= 31 && c <= 126) ? (char)c : '?', (unsigned)c, index);
}

/*
 * Wrong argument type (see header).
 */
bool
vm_pct_type_error(const VmPctSpec *spec, const char *type_name, VmLibError *err)
{
    char c = (char)spec->conv;
    switch (spec->conv) {
    case 'd': case 'i': case 'u':
        return vm_lib_error_set(err, VM_LIB_TYPE_ERROR,
                                "%%%c format: a real number is required, not %.200s", c,
                                type_name);
    case 'o': case 'x': case 'X':
        return vm_lib_error_set(err, VM_LIB_TYPE_ERROR,
                                "%%%c format: an integer is required, not %.200s", c,
                                type_name);
    case 'c':
        return vm_lib_error_set(err, VM_LIB_TYPE_ERROR, "%s", VM_PCT_MSG_CHAR);
    default:
        return vm_lib_error_set(err, VM_LIB_TYPE_ERROR, "must be real number, not %.200s",
                                type_name);
    }
}

/* CPython's unicode_format_arg_output.  `text` is n_bytes of UTF-8 holding
 * n_cps code points; `numeric` marks number conversions (sign handling). */
static bool
output(const VmPctSpec *spec, const char *text, size_t n_bytes, size_t n_cps, bool numeric,
       VmBuf *out, VmLibError *err)
{
    uint32_t conv = spec->conv;
    char fill = (numeric && spec->zero) ? '0' : ' ';
    int64_t len = (int64_t)n_cps;
    int64_t width = spec->width;
    int64_t prec = spec->precision;
    bool alt_prefix = spec->alt && (conv == 'x' || conv == 'X' || conv == 'o');
    const bool is_num = numeric;    /* number texts are ASCII: bytes == columns */

    if ((width == -1 || width <= len) && (prec == -1 || prec >= len) && !spec->plus
        && !spec->blank) {
        return vm_buf_append(out, text, n_bytes) ? true : vm_lib_error_from_buf(err, out);
    }
    if ((conv == 's' || conv == 'r' || conv == 'a') && prec >= 0 && len > prec) {
        len = prec;
    }
    size_t pindex = 0;
    char signchar = 0;
    if (numeric) {
        if (n_bytes > 0 && (text[0] == '-' || text[0] == '+')) {
            signchar = text[0];
            len--;
            pindex++;
        } else if (spec->plus) {
            signchar = '+';
        } else if (spec->blank) {
            signchar = ' ';
        } else {
            numeric = false;
        }
    }
    if (width < len) {
        width = len;
    }
    /* Everything below writes at most width + 3 characters. */
    size_t body_bytes = is_num ? (size_t)len : vm_unicode_offset(text, n_bytes, (size_t)len);
    if ((uint64_t)width > SIZE_MAX / 2 || !vm_buf_reserve(out, (size_t)width + n_bytes + 4)) {
        out->failed = out->over_limit = true;
        return vm_lib_error_from_buf(err, out);
    }
    if (signchar) {
        if (fill != ' ') {
            vm_buf_putc(out, signchar);
        }
        if (width > len) {
            width--;
        }
    }
    if (alt_prefix) {
        if (fill != ' ') {
            vm_buf_putc(out, '0');
            vm_buf_putc(out, (char)conv);
            pindex += 2;
        }
        width -= 2;
        if (width < 0) {
            width = 0;
        }
        len -= 2;
    }
    if (width > len && !spec->left) {
        vm_buf_fill(out, (uint32_t)fill, (size_t)(width - len));
        width = len;
    }
    if (fill == ' ') {
        if (signchar) {
            vm_buf_putc(out, signchar);
        }
        if (alt_prefix) {
            vm_buf_putc(out, '0');
            vm_buf_putc(out, (char)conv);
            pindex += 2;
        }
    }
    if (len > 0) {
        vm_buf_append(out, text + pindex, is_num ? (size_t)len : body_bytes);
    }
    if (width > len) {
        vm_buf_fill(out, ' ', (size_t)(width - len));
    }
    return out->failed ? vm_lib_error_from_buf(err, out) : true;
}

/*
 * %s / %r / %a (see header).
 */
bool
vm_pct_apply_str(const VmPctSpec *spec, const char *s, size_t len, VmBuf *out,
                 VmLibError *err)
{
    return output(spec, s, len, vm_unicode_count(s, len), false, out, err);
}

/* _PyUnicode_FormatLong's text: [-][0x]zeros digits, from |v|'s digits. */
static bool
int_text(const VmPctSpec *spec, bool neg, const char *digits, size_t n, VmBuf *out,
         VmLibError *err)
{
    uint32_t conv = spec->conv;
    int64_t prec = spec->precision;
    size_t zeros = prec > (int64_t)n ? (size_t)prec - n : 0;
    if (zeros > SIZE_MAX / 4) {
        out->failed = out->over_limit = true;
        return vm_lib_error_from_buf(err, out);
    }
    VmBuf t;
    vm_buf_init(&t, out->alloc, out->ctx);
    t.max = out->max;
    if (neg) {
        vm_buf_putc(&t, '-');
    }
    if (spec->alt && (conv == 'x' || conv == 'X' || conv == 'o')) {
        vm_buf_putc(&t, '0');
        vm_buf_putc(&t, conv == 'o' ? 'o' : 'x');
    }
    vm_buf_fill(&t, '0', zeros);
    vm_buf_append(&t, digits, n);
    if (t.failed) {
        vm_lib_error_from_buf(err, &t);
        vm_buf_fini(&t);
        return false;
    }
    if (conv == 'X') {
        for (size_t i = 0; i < t.len; i++) {
            if (t.data[i] >= 'a' && t.data[i] <= 'z') {
                t.data[i] = (char)(t.data[i] - 32);
            }
        }
    }
    bool ok = output(spec, t.data, t.len, t.len, true, out, err);
    vm_buf_fini(&t);
    return ok;
}

static int
conv_base(uint32_t conv)
{
    return conv == 'o' ? 8 : (conv == 'x' || conv == 'X') ? 16 : 10;
}

/*
 * Integer conversions (see header).
 */
bool
vm_pct_apply_i64(const VmPctSpec *spec, int64_t v, VmBuf *out, VmLibError *err)
{
    int base = conv_base(spec->conv);
    char buf[72];
    char *end = buf + sizeof buf;
    char *p = end;
    uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    do {
        *--p = "0123456789abcdef"[mag % (uint64_t)base];
        mag /= (uint64_t)base;
    } while (mag);
    return int_text(spec, v < 0, p, (size_t)(end - p), out, err);
}

bool
vm_pct_apply_big(const VmPctSpec *spec, const mp_int *v, VmBuf *out, VmLibError *err)
{
    int base = conv_base(spec->conv);
    VmBuf t;
    vm_buf_init(&t, out->alloc, out->ctx);
    t.max = out->max;
    if (!vm_bigint_to_str(v, base, base == 10 ? VM_BIGINT_MAX_STR_DIGITS : 0, &t, err)) {
        vm_buf_fini(&t);
        return false;
    }
    bool neg = t.data[0] == '-';
    bool ok = int_text(spec, neg, t.data + neg, t.len - neg, out, err);
    vm_buf_fini(&t);
    return ok;
}

/*
 * Float conversions (see header).
 */
bool
vm_pct_apply_float(const VmPctSpec *spec, double x, VmBuf *out, VmLibError *err)
{
    int64_t prec = spec->precision < 0 ? 6 : spec->precision;
    VmBuf t;
    vm_buf_init(&t, out->alloc, out->ctx);
    t.max = out->max;
    if (!vm_fmt_float_to_string(x, (char)spec->conv, (int)prec, spec->alt ? VM_FMT_FLOAT_ALT : 0,
                                &t)) {
        vm_lib_error_from_buf(err, &t);
        vm_buf_fini(&t);
        return false;
    }
    bool ok = output(spec, t.data, t.len, t.len, true, out, err);
    vm_buf_fini(&t);
    return ok;
}

/*
 * %c (see header).
 */
bool
vm_pct_apply_char(const VmPctSpec *spec, int64_t cp, VmBuf *out, VmLibError *err)
{
    if (cp < 0 || cp > 0x10FFFF) {
        return vm_lib_error_set(err, VM_LIB_OVERFLOW_ERROR, "%s",
                                VM_PCT_MSG_CHAR_RANGE);
    }
    char enc[4];
    size_t n = vm_unicode_encode((uint32_t)cp, enc);
    return output(spec, enc, n, 1, false, out, err);
}

static bool
type_err(VmLibError *err, const char *msg)
{
    return vm_lib_error_set(err, VM_LIB_TYPE_ERROR, "%s", msg);
}

/* One conversion with its argument already fetched. */
static bool
convert_arg(const VmPctSpec *spec, const VmPctArg *a, const VmPctOps *ops, void *ctx,
            VmBuf *out, VmLibError *err)
{
    switch (vm_pct_kind(spec->conv)) {
    case VM_PCT_STR: {
        VmBuf t;
        char store[128];
        vm_buf_init_fixed(&t, store, sizeof store, out->alloc, out->ctx);
        bool ok = ops->text(ctx, a, spec->conv, &t, err)
                  && vm_pct_apply_str(spec, t.data ? t.data : "", t.len, out, err);
        vm_buf_fini(&t);
        return ok;
    }
    case VM_PCT_INT:
        if (a->kind == VM_PCT_ARG_INT) {
            return vm_pct_apply_i64(spec, a->i, out, err);
        }
        if (a->kind == VM_PCT_ARG_BIG) {
            return vm_pct_apply_big(spec, a->big, out, err);
        }
        if (a->kind == VM_PCT_ARG_FLOAT
            && (spec->conv == 'd' || spec->conv == 'i' || spec->conv == 'u')) {
            double t = trunc(a->f);
            if (t > -9.2e18 && t < 9.2e18) {
                return vm_pct_apply_i64(spec, (int64_t)t, out, err);
            }
            mp_int b;
            if (mp_init(&b) != MP_OKAY) {
                return vm_lib_error_set(err, VM_LIB_NO_MEMORY, "out of memory");
            }
            bool ok = vm_bigint_from_double(a->f, &b, err) && vm_pct_apply_big(spec, &b, out, err);
            mp_clear(&b);
            return ok;
        }
        return vm_pct_type_error(spec, a->type_name, err);
    case VM_PCT_FLOAT:
        if (a->kind == VM_PCT_ARG_FLOAT) {
            return vm_pct_apply_float(spec, a->f, out, err);
        }
        if (a->kind == VM_PCT_ARG_INT) {
            return vm_pct_apply_float(spec, (double)a->i, out, err);
        }
        if (a->kind == VM_PCT_ARG_BIG) {
            double d;
            return vm_bigint_to_double(a->big, &d, err) && vm_pct_apply_float(spec, d, out, err);
        }
        return vm_pct_type_error(spec, a->type_name, err);
    case VM_PCT_CHAR:
        if (a->kind == VM_PCT_ARG_INT) {
            return vm_pct_apply_char(spec, a->i, out, err);
        }
        if (a->kind == VM_PCT_ARG_BIG) {
            return vm_lib_error_set(err, VM_LIB_OVERFLOW_ERROR, "%s", VM_PCT_MSG_CHAR_RANGE);
        }
        if (a->kind == VM_PCT_ARG_STR && vm_unicode_count(a->s, a->len) == 1) {
            size_t p = 0;
            return vm_pct_apply_char(spec, vm_unicode_decode(a->s, a->len, &p), out, err);
        }
        return type_err(err, VM_PCT_MSG_CHAR);
    default:
        return false;
    }
}

/* The next positional int for a '*'. */
static bool
star_arg(const VmPctOps *ops, void *ctx, int64_t *v, VmLibError *err)
{
    VmPctArg a;
    if (!ops->next(ctx, &a)) {
        return type_err(err, VM_PCT_MSG_NOT_ENOUGH);
    }
    if (a.kind != VM_PCT_ARG_INT) {
        return type_err(err, VM_PCT_MSG_STAR);
    }
    *v = a.i;
    return true;
}

/*
 * The whole %-format (see header).
 */
bool
vm_pct_format(const char *fmt, size_t len, bool args_are_mapping, const VmPctOps *ops, void *ctx,
              VmBuf *out, VmLibError *err)
{
    size_t pos = 0;
    VmPctSpec spec;
    bool used_key = false;
    for (;;) {
        if (!vm_pct_next(fmt, len, &pos, args_are_mapping, out, &spec, err)) {
            return false;
        }
        if (spec.conv == 0) {
            break;
        }
        int64_t v;
        if (spec.width_star) {
            if (!star_arg(ops, ctx, &v, err)) {
                return false;
            }
            vm_pct_set_width(&spec, v);
        }
        if (spec.prec_star) {
            if (!star_arg(ops, ctx, &v, err)) {
                return false;
            }
            vm_pct_set_precision(&spec, v);
        }
        VmPctArg a;
        if (spec.has_key) {
            used_key = true;
            if (!ops->lookup(ctx, spec.key, spec.key_len, &a, err)) {
                return false;
            }
        } else if (!ops->next(ctx, &a)) {
            return type_err(err, VM_PCT_MSG_NOT_ENOUGH);
        }
        if (vm_pct_kind(spec.conv) == VM_PCT_UNSUPPORTED) {
            return vm_pct_unsupported(fmt, len, &spec, err);
        }
        if (!convert_arg(&spec, &a, ops, ctx, out, err)) {
            return false;
        }
    }
    VmPctArg extra;
    if (!args_are_mapping && !used_key && ops->next(ctx, &extra)) {
        return type_err(err, VM_PCT_MSG_NOT_ALL);
    }
    return true;
}
