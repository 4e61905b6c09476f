/*
 * fmt_field.c - str.format template parsing (see fmt_field.h); mirrors
 * CPython's Objects/stringlib/unicode_format.h (parse_field,
 * MarkupIterator_next, field_name_split, FieldNameIterator_next).
 */
#include "vm/fmt_field.h"

#include <string.h>

#include "vm/unicode.h"

static bool
verr(VmLibError *err, const char *msg)
{
    return vm_lib_error_set(err, VM_LIB_VALUE_ERROR, "%s", msg);
}

/* parse_field: from just after '{'. */
static bool
parse_field(const char *s, size_t len, size_t *pos, VmFmtField *f, VmLibError *err)
{
    size_t p = *pos;
    char c = 0;
    f->conversion = 0;
    f->spec = s + p;
    f->spec_len = 0;
    f->spec_needs_expanding = false;
    f->name = s + p;
    while (p < len) {
        c = s[p++];
        if (c == '{') {
            return verr(err, "unexpected '{' in field name");
        }
        if (c == '[') {
            while (p < len && s[p] != ']') {
                p++;
            }
            continue;
        }
        if (c == '}' || c == ':' || c == '!') {
            break;
        }
    }
    /* As CPython, the name ends one before the stop (or last) character. */
    f->name_len = p > (size_t)(f->name - s) ? (size_t)(s + p - 1 - f->name) : 0;
    if (c == '!' || c == ':') {
        if (c == '!') {
            if (p >= len) {
                return verr(err, "end of string while looking for conversion specifier");
            }
            f->conversion = vm_unicode_decode(s, len, &p);
            if (p < len) {
                c = s[p++];
                if (c == '}') {
                    *pos = p;
                    return true;
                }
                if (c != ':') {
                    return verr(err, "expected ':' after conversion specifier");
                }
            }
        }
        f->spec = s + p;
        int count = 1;
        while (p < len) {
            c = s[p++];
            if (c == '{') {
                f->spec_needs_expanding = true;
                count++;
            } else if (c == '}') {
                count--;
                if (count == 0) {
                    f->spec_len = (size_t)(s + p - 1 - f->spec);
                    *pos = p;
                    return true;
                }
            }
        }
        return verr(err, "unmatched '{' in format spec");
    }
    if (c != '}') {
        return verr(err, "expected '}' before end of string");
    }
    *pos = p;
    return true;
}

/*
 * Literal text and the next field (see header).
 */
bool
vm_fmt_field_next(const char *s, size_t len, size_t *pos, VmBuf *out, VmFmtField *field,
                  VmLibError *err)
{
    field->present = false;
    for (;;) {
        size_t p = *pos;
        size_t start = p;
        char c = 0;
        bool markup = false;
        while (p < len) {
            c = s[p++];
            if (c == '{' || c == '}') {
                markup = true;
                break;
            }
        }
        bool at_end = p >= len;
        size_t lit = p - start;
        if (c == '}' && markup && (at_end || s[p] != '}')) {
            return verr(err, "Single '}' encountered in format string");
        }
        if (at_end && markup && c == '{') {
            return verr(err, "Single '{' encountered in format string");
        }
        if (markup) {
            if (s[p] == c) {
                p++;            /* "{{" or "}}": keep one as literal text */
                markup = false;
            } else {
                lit--;
            }
        }
        if (!vm_buf_append(out, s + start, lit)) {
            return vm_lib_error_from_buf(err, out);
        }
        *pos = p;
        if (markup) {
            field->present = true;
            return parse_field(s, len, pos, field, err);
        }
        if (p >= len) {
            return true;
        }
    }
}

/* Decimal digits only (any script): the value, -1 if not all digits or
 * empty, -2 (error set) on overflow. */
static int64_t
get_integer(const char *s, size_t len, VmLibError *err)
{
    if (len == 0) {
        return -1;
    }
    int64_t acc = 0;
    size_t i = 0;
    while (i < len) {
        int d = vm_unicode_decimal_value(vm_unicode_decode(s, len, &i));
        if (d < 0) {
            return -1;
        }
        if (acc > (INT64_MAX - d) / 10) {
            verr(err, "Too many decimal digits in format string");
            return -2;
        }
        acc = acc * 10 + d;
    }
    return acc;
}

/*
 * First part of the name (see header).
 */
bool
vm_fmt_field_first(const VmFmtField *field, VmFmtAuto *autonum, VmFmtArgRef *ref,
                   VmLibError *err)
{
    const char *s = field->name;
    size_t n = 0;
    while (n < field->name_len && s[n] != '.' && s[n] != '[') {
        n++;
    }
    ref->rest = n;
    ref->key = s;
    ref->key_len = n;
    int64_t idx = get_integer(s, n, err);
    if (idx == -2) {
        return false;
    }
    bool empty = n == 0;
    bool numeric = empty || idx >= 0;
    if (autonum) {
        if (autonum->state == 0 && numeric) {
            autonum->state = empty ? 1 : 2;
        }
        if (numeric) {
            if (autonum->state == 2 && empty) {
                return verr(err, "cannot switch from manual field specification to automatic "
                                 "field numbering");
            }
            if (autonum->state == 1 && !empty) {
                return verr(err, "cannot switch from automatic field numbering to manual "
                                 "field specification");
            }
        }
        if (empty) {
            idx = autonum->next++;
        }
    }
    ref->is_index = idx >= 0;
    ref->index = idx;
    return true;
}

/*
 * Next accessor (see header).
 */
bool
vm_fmt_field_accessor(const VmFmtField *field, size_t *pos, VmFmtAccessor *acc, bool *more,
                      VmLibError *err)
{
    const char *s = field->name;
    size_t len = field->name_len;
    size_t p = *pos;
    *more = p < len;
    if (!*more) {
        return true;
    }
    char c = s[p++];
    size_t start = p;
    if (c == '.') {
        acc->is_attr = true;
        acc->is_index = false;
        acc->index = -1;
        while (p < len && s[p] != '.' && s[p] != '[') {
            p++;
        }
        acc->name = s + start;
        acc->len = p - start;
    } else if (c == '[') {
        acc->is_attr = false;
        while (p < len && s[p] != ']') {
            p++;
        }
        if (p >= len) {
            return verr(err, "Missing ']' in format string");
        }
        acc->name = s + start;
        acc->len = p - start;
        p++;
        int64_t idx = get_integer(acc->name, acc->len, err);
        if (idx == -2) {
            return false;
        }
        acc->is_index = idx >= 0;
        acc->index = idx;
    } else {
        return verr(err, "Only '.' or '[' may follow ']' in format field specifier");
    }
    if (acc->len == 0) {
        return verr(err, "Empty attribute in format string");
    }
    *pos = p;
    return true;
}

/*
 * Conversion character check (see header).
 */
bool
vm_fmt_conversion_check(uint32_t conv, VmLibError *err)
{
    if (conv == 'r' || conv == 's' || conv == 'a') {
        return true;
    }
    if (conv > 32 && conv < 127) {
        return vm_lib_error_set(err, VM_LIB_VALUE_ERROR, "Unknown conversion specifier %c",
                                (char)conv);
    }
    return vm_lib_error_set(err, VM_LIB_VALUE_ERROR, "Unknown conversion specifier \\x%x",
                            (unsigned)conv);
}

/*
 * IndexError (see header).
 */
bool
vm_fmt_index_error(int64_t index, VmLibError *err)
{
    return vm_lib_error_set(err, VM_LIB_INDEX_ERROR,
                            "Replacement index %lld out of range for positional args tuple",
                            (long long)index);
}
