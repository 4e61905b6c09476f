/*
 * fmt_spec.c - format-spec parsing and application for str and int, and the
 * number layout shared with float formatting (see fmt_spec.h).
 *
 * The structure follows CPython's Python/formatter_unicode.c so that every
 * corner (the '0' flag, '=' alignment, zero padding that is itself grouped,
 * the order in which errors are detected) behaves the same.
 */
#include "vm/fmt_spec.h"

#include <string.h>

#include "vm/bigint.h"
#include "vm/fmt_float.h"
#include "vm/unicode.h"

#define SSIZE_MAX_ ((int64_t)INT64_MAX)

static bool
is_align(uint32_t c)
{
    return c == '<' || c == '>' || c == '=' || c == '^';
}

static bool
is_sign(uint32_t c)
{
    return c == ' ' || c == '+' || c == '-';
}

/* Read a run of decimal digits (any script, as CPython).  Returns the number
 * consumed, or -1 (error set) on overflow. */
static int64_t
get_integer(const char *s, size_t len, size_t *pos, int64_t *result, VmLibError *err)
{
    int64_t acc = 0;
    int64_t n = 0;
    while (*pos < len) {
        size_t p = *pos;
        uint32_t cp = vm_unicode_decode(s, len, &p);
        int d = vm_unicode_decimal_value(cp);
        if (d < 0) {
            break;
        }
        if (acc > (SSIZE_MAX_ - d) / 10) {
            vm_lib_error_set(err, VM_LIB_VALUE_ERROR, "Too many decimal digits in format string");
            return -1;
        }
        acc = acc * 10 + d;
        *pos = p;
        n++;
    }
    *result = acc;
    return n;
}

static bool
bad_thousands(VmLibError *err, char sep, uint32_t type)
{
    if (type > 32 && type < 128) {
        return vm_lib_error_set(err, VM_LIB_VALUE_ERROR, "Cannot specify '%c' with '%c'.", sep,
                                (char)type);
    }
    return vm_lib_error_set(err, VM_LIB_VALUE_ERROR, "Cannot specify '%c' with '\\x%x'.", sep,
                            (unsigned)type);
}

/*
 * Parse a spec (see header).  Mirrors parse_internal_render_format_spec.
 */
bool
vm_fmt_spec_parse(const char *spec, size_t len, uint32_t default_type, char default_align,
                  const char *type_name, VmFmtSpec *out, VmLibError *err)
{
    size_t pos = 0;
    bool fill_given = false;
    bool align_given = false;

    out->fill = ' ';
    out->align = default_align;
    out->sign = 0;
    out->no_neg_0 = false;
    out->alternate = false;
    out->fill_zero = false;
    out->width = -1;
    out->thousands = 0;
    out->group = 3;
    out->precision = -1;
    out->type = default_type;

    /* [[fill]align]: the fill is any code point followed by an align char. */
    if (len > 0) {
        size_t p1 = 0;
        uint32_t c0 = vm_unicode_decode(spec, len, &p1);
        size_t p2 = p1;
        uint32_t c1 = p1 < len ? vm_unicode_decode(spec, len, &p2) : 0;
        if (p1 < len && is_align(c1)) {
            out->fill = c0;
            out->align = (char)c1;
            fill_given = align_given = true;
            pos = p2;
        } else if (is_align(c0)) {
            out->align = (char)c0;
            align_given = true;
            pos = p1;
        }
    }
    if (pos < len && is_sign((unsigned char)spec[pos])) {
        out->sign = spec[pos++];
    }
    if (pos < len && spec[pos] == 'z') {
        out->no_neg_0 = true;
        pos++;
    }
    if (pos < len && spec[pos] == '#') {
        out->alternate = true;
        pos++;
    }
    if (!fill_given && pos < len && spec[pos] == '0') {
        out->fill = '0';
        if (!align_given && default_align == '>') {
            out->align = '=';
        }
        pos++;
    }
    int64_t n = get_integer(spec, len, &pos, &out->width, err);
    if (n < 0) {
        return false;
    }
    if (n == 0) {
        out->width = -1;
    }
    if (pos < len && spec[pos] == ',') {
        out->thousands = ',';
        pos++;
    }
    if (pos < len && spec[pos] == '_') {
        if (out->thousands) {
            return vm_lib_error_set(err, VM_LIB_VALUE_ERROR, "Cannot specify both ',' and '_'.");
        }
        out->thousands = '_';
        pos++;
    }
    if (pos < len && spec[pos] == ',' && out->thousands == '_') {
        return vm_lib_error_set(err, VM_LIB_VALUE_ERROR, "Cannot specify both ',' and '_'.");
    }
    if (pos < len && spec[pos] == '.') {
        pos++;
        n = get_integer(spec, len, &pos, &out->precision, err);
        if (n < 0) {
            return false;
        }
        if (n == 0) {
            return vm_lib_error_set(err, VM_LIB_VALUE_ERROR, "Format specifier missing precision");
        }
    }
    if (pos < len) {
        size_t p = pos;
        uint32_t t = vm_unicode_decode(spec, len, &p);
        if (p < len) {
            char suffix[VM_LIB_ERR_TEXT];
            snprintf(suffix, sizeof suffix, "' for object of type '%.100s'", type_name);
            return vm_lib_error_set_arg(err, VM_LIB_VALUE_ERROR, "Invalid format specifier '",
                                        spec, len, VM_LIB_ARG_RAW, 0, suffix);
        }
        out->type = t;
    }
    out->fill_zero = out->fill == '0';
    if (out->thousands) {
        switch (out->type) {
        case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F':
        case 0:
            break;
        case 'b': case 'o': case 'x': case 'X':
            if (out->thousands == '_') {
                out->group = 4;
                break;
            }
            return bad_thousands(err, out->thousands, out->type);
        default:
            return bad_thousands(err, out->thousands, out->type);
        }
    }
    return true;
}

/*
 * Upper bound of the output size (see header).
 */
size_t
vm_fmt_spec_size_hint(const VmFmtSpec *spec, size_t body_len)
{
    size_t fill = vm_buf_cp_size(spec->fill);
    size_t grouped = body_len + body_len / 3 + 8;
    size_t width = spec->width > 0 ? (size_t)spec->width : 0;
    if (width > SIZE_MAX / 8) {
        return SIZE_MAX;
    }
    /* Zero padding is grouped too: at most 4/3 of the width. */
    return grouped + width * fill + width / 3 + 1;
}

static bool
unknown_type(VmLibError *err, uint32_t type, const char *type_name)
{
    if (type > 32 && type < 128) {
        return vm_lib_error_set(err, VM_LIB_VALUE_ERROR,
                                "Unknown format code '%c' for object of type '%.100s'",
                                (char)type, type_name);
    }
    return vm_lib_error_set(err, VM_LIB_VALUE_ERROR,
                            "Unknown format code '\\x%x' for object of type '%.100s'",
                            (unsigned)type, type_name);
}

/* Pad `body` (n_cps code points) to the spec's width with its alignment. */
static bool
pad_text(const VmFmtSpec *spec, const char *body, size_t n_bytes, size_t n_cps, char align,
         VmBuf *out, VmLibError *err)
{
    size_t pad = 0;
    if (spec->width > 0 && (uint64_t)spec->width > n_cps) {
        pad = (size_t)spec->width - n_cps;
    }
    size_t left = 0;
    if (align == '>') {
        left = pad;
    } else if (align == '^') {
        left = pad / 2;
    }
    size_t fsz = vm_buf_cp_size(spec->fill);
    if (pad > (SIZE_MAX - n_bytes) / 8 || !vm_buf_reserve(out, n_bytes + pad * fsz)) {
        out->failed = true;
        out->over_limit = true;
        return vm_lib_error_from_buf(err, out);
    }
    vm_buf_fill(out, spec->fill, left);
    vm_buf_append(out, body, n_bytes);
    vm_buf_fill(out, spec->fill, pad - left);
    return out->failed ? vm_lib_error_from_buf(err, out) : true;
}

/*
 * format(str, spec) (see header).  Mirrors format_string_internal.
 */
bool
vm_fmt_spec_apply_str(const VmFmtSpec *spec, const char *s, size_t len, const char *type_name,
                      VmBuf *out, VmLibError *err)
{
    if (spec->type != 's') {
        return unknown_type(err, spec->type, type_name);
    }
    if (spec->sign) {
        return vm_lib_error_set(err, VM_LIB_VALUE_ERROR,
                                spec->sign == ' '
                                    ? "Space not allowed in string format specifier"
                                    : "Sign not allowed in string format specifier");
    }
    if (spec->no_neg_0) {
        return vm_lib_error_set(err, VM_LIB_VALUE_ERROR,
                                "Negative zero coercion (z) not allowed in string format "
                                "specifier");
    }
    if (spec->alternate) {
        return vm_lib_error_set(err, VM_LIB_VALUE_ERROR,
                                "Alternate form (#) not allowed in string format specifier");
    }
    if (spec->align == '=') {
        return vm_lib_error_set(err, VM_LIB_VALUE_ERROR,
                                "'=' alignment not allowed in string format specifier");
    }
    size_t n_cps = vm_unicode_count(s, len);
    if (spec->precision >= 0 && (uint64_t)spec->precision < n_cps) {
        len = vm_unicode_offset(s, len, (size_t)spec->precision);
        n_cps = (size_t)spec->precision;
    }
    return pad_text(spec, s, len, n_cps, spec->align, out, err);
}

/* Group `n` digits with zero extension to min_width, CPython's
 * _PyUnicode_InsertThousandsGrouping.  When dst is non-NULL it is the END
 * of the destination; characters are written backwards.  Returns the
 * number of characters. */
static size_t
group_digits(const char *digits, size_t n, int64_t min_width, char sep, int group, char *dst)
{
    int64_t remaining = (int64_t)n;
    size_t count = 0;
    bool use_sep = false;
    const char *src = digits + n;

    if (sep != 0) {
        for (;;) {
            int64_t l = remaining > min_width ? remaining : min_width;
            if (l < 1) {
                l = 1;
            }
            if (l > group) {
                l = group;
            }
            int64_t zeros = l - remaining > 0 ? l - remaining : 0;
            int64_t chars = remaining < l ? remaining : l;
            if (chars < 0) {
                chars = 0;
            }
            count += (use_sep ? 1 : 0) + (size_t)zeros + (size_t)chars;
            if (dst) {
                if (use_sep) {
                    *--dst = sep;
                }
                src -= chars;
                dst -= chars;
                memcpy(dst, src, (size_t)chars);
                dst -= zeros;
                memset(dst, '0', (size_t)zeros);
            }
            use_sep = true;
            remaining -= chars;
            min_width -= l;
            if (remaining <= 0 && min_width <= 0) {
                return count;
            }
            min_width -= 1;
        }
    }
    int64_t l = remaining > min_width ? remaining : min_width;
    if (l < 1) {
        l = 1;
    }
    int64_t zeros = l - remaining > 0 ? l - remaining : 0;
    int64_t chars = remaining < l ? remaining : l;
    count += (size_t)zeros + (size_t)chars;
    if (dst) {
        dst -= chars;
        memcpy(dst, digits, (size_t)chars);
        dst -= zeros;
        memset(dst, '0', (size_t)zeros);
    }
    return count;
}

static char
upper_ascii(char c)
{
    return (c >= 'a' && c <= 'z') ? (char)(c - 'a' + 'A') : c;
}

/* Mirrors calc_number_widths + fill_number; the remainder is n_rem bytes
 * that occupy rem_cols columns. */
static bool
layout_number(const VmFmtSpec *spec, char sign_char, const char *prefix, size_t n_prefix,
              const char *digits, size_t n_digits, bool has_decimal, const char *remainder,
              size_t n_rem, size_t rem_cols, bool upper, VmBuf *out, VmLibError *err)
{
    char sign = 0;
    if (spec->sign == '+') {
        sign = sign_char == '-' ? '-' : '+';
    } else if (spec->sign == ' ') {
        sign = sign_char == '-' ? '-' : ' ';
    } else if (sign_char == '-') {
        sign = '-';
    }
    int64_t n_sign = sign ? 1 : 0;
    int64_t n_decimal = has_decimal ? 1 : 0;
    int64_t non_digit = n_sign + (int64_t)n_prefix + n_decimal + (int64_t)rem_cols;
    int64_t min_width = 0;
    if (spec->fill == '0' && spec->align == '=') {
        min_width = spec->width - non_digit;
    }
    /* 'n' and no grouping: no separators (monty's locale is always C). */
    char sep = spec->type == 'n' ? 0 : spec->thousands;
    size_t n_grouped = 0;
    if (n_digits > 0) {
        if (min_width > (int64_t)(SIZE_MAX / 4)) {
            out->failed = out->over_limit = true;
            return vm_lib_error_from_buf(err, out);
        }
        n_grouped = group_digits(digits, n_digits, min_width, sep, spec->group, NULL);
    }
    int64_t used = non_digit + (int64_t)n_grouped;
    int64_t n_pad = spec->width - used;
    size_t lpad = 0, spad = 0, rpad = 0;
    if (n_pad > 0) {
        switch (spec->align) {
        case '<':
            rpad = (size_t)n_pad;
            break;
        case '^':
            lpad = (size_t)n_pad / 2;
            rpad = (size_t)n_pad - lpad;
            break;
        case '=':
            spad = (size_t)n_pad;
            break;
        default:
            lpad = (size_t)n_pad;
            break;
        }
    }
    size_t fsz = vm_buf_cp_size(spec->fill);
    size_t pads = lpad + spad + rpad;
    if (pads > SIZE_MAX / 8
        || !vm_buf_reserve(out, (size_t)used + n_rem - rem_cols + pads * fsz)) {
        out->failed = out->over_limit = true;
        return vm_lib_error_from_buf(err, out);
    }
    vm_buf_fill(out, spec->fill, lpad);
    if (sign) {
        vm_buf_putc(out, sign);
    }
    for (size_t i = 0; i < n_prefix; i++) {
        vm_buf_putc(out, upper ? upper_ascii(prefix[i]) : prefix[i]);
    }
    vm_buf_fill(out, spec->fill, spad);
    if (n_grouped > 0) {
        char *end = out->data + out->len + n_grouped;
        group_digits(digits, n_digits, min_width, sep, spec->group, end);
        if (upper) {
            for (char *p = out->data + out->len; p < end; p++) {
                *p = upper_ascii(*p);
            }
        }
        out->len += n_grouped;
        out->data[out->len] = '\0';
    }
    if (has_decimal) {
        vm_buf_putc(out, '.');
    }
    vm_buf_append(out, remainder, n_rem);
    vm_buf_fill(out, spec->fill, rpad);
    return out->failed ? vm_lib_error_from_buf(err, out) : true;
}

/*
 * Lay out a number (see header).
 */
bool
vm_fmt_spec_fill_number(const VmFmtSpec *spec, char sign_char, const char *prefix,
                        size_t n_prefix, const char *digits, size_t n_digits, bool has_decimal,
                        const char *remainder, size_t n_remainder, bool upper, VmBuf *out,
                        VmLibError *err)
{
    return layout_number(spec, sign_char, prefix, n_prefix, digits, n_digits, has_decimal,
                         remainder, n_remainder, n_remainder, upper, out, err);
}

/* Checks common to both int paths; returns 1 to continue, 0 on error, 2
 * when the spec asks for a float presentation. */
static int
int_checks(const VmFmtSpec *spec, const char *type_name, VmLibError *err)
{
    switch (spec->type) {
    case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n':
        break;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%':
        return 2;
    default:
        unknown_type(err, spec->type, type_name);
        return 0;
    }
    if (spec->precision != -1) {
        vm_lib_error_set(err, VM_LIB_VALUE_ERROR,
                         "Precision not allowed in integer format specifier");
        return 0;
    }
    if (spec->no_neg_0) {
        vm_lib_error_set(err, VM_LIB_VALUE_ERROR,
                         "Negative zero coercion (z) not allowed in integer format specifier");
        return 0;
    }
    if (spec->type == 'c') {
        if (spec->sign) {
            vm_lib_error_set(err, VM_LIB_VALUE_ERROR,
                             "Sign not allowed with integer format specifier 'c'");
            return 0;
        }
        if (spec->alternate) {
            vm_lib_error_set(err, VM_LIB_VALUE_ERROR,
                             "Alternate form (#) not allowed with integer format specifier 'c'");
            return 0;
        }
    }
    return 1;
}

static int
type_base(uint32_t type, const char **prefix)
{
    switch (type) {
    case 'b':
        *prefix = "0b";
        return 2;
    case 'o':
        *prefix = "0o";
        return 8;
    case 'x':
    case 'X':
        *prefix = "0x";
        return 16;
    default:
        *prefix = "";
        return 10;
    }
}

static bool
format_char(const VmFmtSpec *spec, bool in_range, uint32_t cp, VmBuf *out, VmLibError *err)
{
    if (!in_range) {
        return vm_lib_error_set(err, VM_LIB_OVERFLOW_ERROR, "%%c arg not in range(0x110000)");
    }
    char tmp[4];
    size_t n = vm_unicode_encode(cp, tmp);
    /* The character is the "remainder": one column, 1..4 bytes. */
    return layout_number(spec, 0, "", 0, "", 0, false, tmp, n, 1, false, out, err);
}

/*
 * format(int64, spec) (see header).  Mirrors format_long_internal.
 */
bool
vm_fmt_spec_apply_i64(const VmFmtSpec *spec, int64_t v, const char *type_name, VmBuf *out,
                      VmLibError *err)
{
    int r = int_checks(spec, type_name, err);
    if (r == 0) {
        return false;
    }
    if (r == 2) {
        return vm_fmt_spec_apply_float(spec, (double)v, "float", out, err);
    }
    if (spec->type == 'c') {
        return format_char(spec, v >= 0 && v <= 0x10FFFF, (uint32_t)v, out, err);
    }
    const char *prefix;
    int base = type_base(spec->type, &prefix);
    char digits[72];
    uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    size_t n = 0;
    char *end = digits + sizeof digits;
    do {
        end[-1 - (ptrdiff_t)n] = "0123456789abcdef"[mag % (uint64_t)base];
        mag /= (uint64_t)base;
        n++;
    } while (mag);
    size_t n_prefix = (spec->alternate && base != 10) ? 2 : 0;
    if (spec->sign != '+' && spec->sign != ' ' && spec->width < 0 && spec->type != 'X'
        && spec->type != 'n' && !spec->thousands) {
        /* CPython's fast path: [-][0x]digits. */
        char *p = end - n;
        if (n_prefix) {
            *--p = prefix[1];
            *--p = '0';
        }
        if (v < 0) {
            *--p = '-';
        }
        return vm_buf_append(out, p, (size_t)(end - p)) ? true : vm_lib_error_from_buf(err, out);
    }
    return vm_fmt_spec_fill_number(spec, v < 0 ? '-' : 0, prefix, n_prefix, end - n, n, false,
                                   "", 0, spec->type == 'X', out, err);
}

/*
 * format(big int, spec) (see header).
 */
bool
vm_fmt_spec_apply_big(const VmFmtSpec *spec, const mp_int *v, const char *type_name,
                      VmBuf *out, VmLibError *err)
{
    int r = int_checks(spec, type_name, err);
    if (r == 0) {
        return false;
    }
    if (r == 2) {
        double d;
        if (!vm_bigint_to_double(v, &d, err)) {
            return false;
        }
        return vm_fmt_spec_apply_float(spec, d, "float", out, err);
    }
    if (spec->type == 'c') {
        int64_t x = 0;
        if (!vm_bigint_get_i64(v, &x)) {
            return vm_lib_error_set(err, VM_LIB_OVERFLOW_ERROR,
                                    "Python int too large to convert to C long");
        }
        return format_char(spec, x >= 0 && x <= 0x10FFFF, (uint32_t)x, out, err);
    }
    const char *prefix;
    int base = type_base(spec->type, &prefix);
    VmBuf tmp;
    vm_buf_init(&tmp, out->alloc, out->ctx);
    tmp.max = out->max;
    size_t limit = base == 10 ? VM_BIGINT_MAX_STR_DIGITS : 0;
    if (!vm_bigint_to_str(v, base, limit, &tmp, err)) {
        vm_buf_fini(&tmp);
        return false;
    }
    bool neg = tmp.len > 0 && tmp.data[0] == '-';
    size_t n_prefix = (spec->alternate && base != 10) ? 2 : 0;
    bool ok = vm_fmt_spec_fill_number(spec, neg ? '-' : 0, prefix, n_prefix, tmp.data + neg,
                                      tmp.len - neg, false, "", 0, spec->type == 'X', out, err);
    vm_buf_fini(&tmp);
    return ok;
}

/*
 * format(float, spec) (see header).  Mirrors format_float_internal.
 */
bool
vm_fmt_spec_apply_float(const VmFmtSpec *spec, double x, const char *type_name, VmBuf *out,
                        VmLibError *err)
{
    uint32_t type = spec->type;
    unsigned flags = 0;
    int64_t precision = spec->precision;
    int default_precision = 6;
    bool add_pct = false;

    switch (type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%':
        break;
    default:
        return unknown_type(err, type, type_name);
    }
    if (precision > 0x7fffffff) {
        return vm_lib_error_set(err, VM_LIB_VALUE_ERROR, "precision too big");
    }
    if (spec->alternate) {
        flags |= VM_FMT_FLOAT_ALT;
    }
    if (spec->no_neg_0) {
        flags |= VM_FMT_FLOAT_NO_NEG_0;
    }
    if (type == 0) {
        flags |= VM_FMT_FLOAT_ADD_DOT_0;
        type = 'r';
        default_precision = 0;
    }
    if (type == 'n') {
        type = 'g';
    }
    if (type == '%') {
        type = 'f';
        x *= 100;
        add_pct = true;
    }
    if (precision < 0) {
        precision = default_precision;
    } else if (type == 'r') {
        type = 'g';
    }
    VmBuf tmp;
    char store[128];
    vm_buf_init_fixed(&tmp, store, sizeof store, out->alloc, out->ctx);
    tmp.max = out->max;
    if (!vm_fmt_float_to_string(x, (char)type, (int)precision, flags, &tmp)
        || (add_pct && !vm_buf_putc(&tmp, '%'))) {
        vm_lib_error_from_buf(err, &tmp);
        vm_buf_fini(&tmp);
        return false;
    }
    if (spec->sign != '+' && spec->sign != ' ' && spec->width < 0 && spec->type != 'n'
        && !spec->thousands) {
        /* CPython's fast path: the digits are the result. */
        bool ok = vm_buf_append(out, tmp.data, tmp.len) ? true : vm_lib_error_from_buf(err, out);
        vm_buf_fini(&tmp);
        return ok;
    }
    const char *s = tmp.data;
    size_t n = tmp.len;
    char sign_char = 0;
    if (n > 0 && s[0] == '-') {
        sign_char = '-';
        s++;
        n--;
    }
    size_t nd = 0;
    while (nd < n && s[nd] >= '0' && s[nd] <= '9') {
        nd++;
    }
    bool has_decimal = nd < n && s[nd] == '.';
    size_t rem = nd + (has_decimal ? 1 : 0);
    bool ok = vm_fmt_spec_fill_number(spec, sign_char, "", 0, s, nd, has_decimal, s + rem,
                                      n - rem, false, out, err);
    vm_buf_fini(&tmp);
    return ok;
}

/*
 * Parse + apply conveniences (see header).
 */
bool
vm_fmt_format_str(const char *spec, size_t spec_len, const char *s, size_t len, VmBuf *out,
                  VmLibError *err)
{
    VmFmtSpec fs;
    if (spec_len == 0) {
        return vm_buf_append(out, s, len) ? true : vm_lib_error_from_buf(err, out);
    }
    if (!vm_fmt_spec_parse(spec, spec_len, 's', '<', "str", &fs, err)) {
        return false;
    }
    return vm_fmt_spec_apply_str(&fs, s, len, "str", out, err);
}

/*
 * The f-string specs agents write most ("05d", "3", "12d"): a width of one or two
 * digits, an optional '0' flag and optional 'd'. Same output as the general path
 * ('0' pads after the sign, like '=' alignment; otherwise right-aligned with spaces).
 * False when the spec has any other form.
 */
static bool
simple_i64(const char *spec, size_t spec_len, int64_t v, VmBuf *out, bool *ok)
{
    size_t i = 0;
    bool zero = spec_len > 1 && spec[0] == '0';
    i += zero;
    size_t width = 0, digits = 0;
    while (i < spec_len && spec[i] >= '0' && spec[i] <= '9' && digits < 2) {
        width = width * 10 + (size_t)(spec[i] - '0');
        i++;
        digits++;
    }
    if (i < spec_len && spec[i] == 'd') {
        i++;
    }
    if (digits == 0 || i != spec_len) {
        return false;
    }
    char buf[24 + 100];
    char *end = buf + sizeof buf, *p = end;
    uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    do {
        *--p = (char)('0' + mag % 10);
        mag /= 10;
    } while (mag != 0);
    size_t n = (size_t)(end - p) + (v < 0);
    if (v < 0 && !zero) {
        *--p = '-';             /* spaces go before the sign */
    }
    while (n < width) {
        *--p = zero ? '0' : ' ';
        n++;
    }
    if (v < 0 && zero) {
        *--p = '-';             /* zeros go after the sign */
    }
    *ok = vm_buf_append(out, p, (size_t)(end - p));
    return true;
}

bool
vm_fmt_format_i64(const char *spec, size_t spec_len, int64_t v, const char *type_name,
                  VmBuf *out, VmLibError *err)
{
    bool ok;
    if (spec_len > 0 && spec_len <= 4 && simple_i64(spec, spec_len, v, out, &ok)) {
        return ok ? true : vm_lib_error_from_buf(err, out);
    }
    VmFmtSpec fs;
    if (!vm_fmt_spec_parse(spec, spec_len, 'd', '>', type_name, &fs, err)) {
        return false;
    }
    return vm_fmt_spec_apply_i64(&fs, v, type_name, out, err);
}

bool
vm_fmt_format_big(const char *spec, size_t spec_len, const mp_int *v, VmBuf *out,
                  VmLibError *err)
{
    VmFmtSpec fs;
    if (!vm_fmt_spec_parse(spec, spec_len, 'd', '>', "int", &fs, err)) {
        return false;
    }
    return vm_fmt_spec_apply_big(&fs, v, "int", out, err);
}

bool
vm_fmt_format_float(const char *spec, size_t spec_len, double x, VmBuf *out, VmLibError *err)
{
    VmFmtSpec fs;
    if (!vm_fmt_spec_parse(spec, spec_len, 0, '>', "float", &fs, err)) {
        return false;
    }
    return vm_fmt_spec_apply_float(&fs, x, "float", out, err);
}
