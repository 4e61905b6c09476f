/*
 * unicode.c - UTF-8 walking, character properties and repr (see unicode.h).
 * Case conversion lives in lib_unicode_case.c.
 */
#include "vm/unicode.h"

#include <string.h>

#include <utf8proc.h>

#include "vm/lib_unicode_int.h"

/*
 * Decode one code point, leniently (see header).
 */
uint32_t
vm_unicode_decode(const char *s, size_t len, size_t *pos)
{
    const unsigned char *p = (const unsigned char *)s + *pos;
    size_t left = len - *pos;
    unsigned c = p[0];
    if (c < 0x80) {
        *pos += 1;
        return c;
    }
    if (c >= 0xC2 && c < 0xE0 && left >= 2 && (p[1] & 0xC0) == 0x80) {
        *pos += 2;
        return ((uint32_t)(c & 0x1F) << 6) | (p[1] & 0x3F);
    }
    if (c >= 0xE0 && c < 0xF0 && left >= 3 && (p[1] & 0xC0) == 0x80
        && (p[2] & 0xC0) == 0x80) {
        uint32_t cp = ((uint32_t)(c & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6)
                      | (p[2] & 0x3F);
        if (cp >= 0x800) {
            *pos += 3;
            return cp;
        }
    }
    if (c >= 0xF0 && c < 0xF5 && left >= 4 && (p[1] & 0xC0) == 0x80
        && (p[2] & 0xC0) == 0x80 && (p[3] & 0xC0) == 0x80) {
        uint32_t cp = ((uint32_t)(c & 0x07) << 18) | ((uint32_t)(p[1] & 0x3F) << 12)
                      | ((uint32_t)(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
        if (cp >= 0x10000 && cp <= 0x10FFFF) {
            *pos += 4;
            return cp;
        }
    }
    *pos += 1;
    return 0xFFFD;
}

/*
 * Encode one code point (see header).
 */
size_t
vm_unicode_encode(uint32_t cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/*
 * Strict validation, CPython's error ranges (see header).
 */
bool
vm_unicode_validate(const char *s, size_t len, bool surrogatepass, size_t *bad_start,
                    size_t *bad_end, const char **reason)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        unsigned c = p[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t need;
        unsigned lo = 0x80, hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            need = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            need = 2;
            if (c == 0xE0) {
                lo = 0xA0;
            } else if (c == 0xED && !surrogatepass) {
                hi = 0x9F;
            }
        } else if (c >= 0xF0 && c <= 0xF4) {
            need = 3;
            if (c == 0xF0) {
                lo = 0x90;
            } else if (c == 0xF4) {
                hi = 0x8F;
            }
        } else {
            *bad_start = i;
            *bad_end = i + 1;
            *reason = "invalid start byte";
            return false;
        }
        /* CPython reports the maximal valid prefix as the bad range. */
        size_t k = 1;
        for (; k <= need; k++) {
            if (i + k >= len) {
                *bad_start = i;
                *bad_end = len;
                *reason = "unexpected end of data";
                return false;
            }
            unsigned b = p[i + k];
            unsigned l = k == 1 ? lo : 0x80;
            unsigned h = k == 1 ? hi : 0xBF;
            if (b < l || b > h) {
                *bad_start = i;
                *bad_end = i + k;
                *reason = "invalid continuation byte";
                return false;
            }
        }
        i += need + 1;
    }
    return true;
}

/*
 * Code point count (see header).
 */
size_t
vm_unicode_count(const char *s, size_t len)
{
    size_t n = 0;
    size_t i = 0;
    while (i + 8 <= len) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        if ((w & 0x8080808080808080ull) == 0) {
            n += 8;
        } else {
            for (int k = 0; k < 8; k++) {
                n += ((unsigned char)s[i + k] & 0xC0) != 0x80;
            }
        }
        i += 8;
    }
    for (; i < len; i++) {
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    }
    return n;
}

/*
 * Byte offset of a code point index (see header).
 */
size_t
vm_unicode_offset(const char *s, size_t len, size_t index)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        if (((unsigned char)s[i] & 0xC0) != 0x80) {
            if (n == index) {
                return i;
            }
            n++;
        }
    }
    return len;
}

/*
 * ASCII test (see header).
 */
bool
vm_unicode_is_ascii(const char *s, size_t len)
{
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        if (w & 0x8080808080808080ull) {
            return false;
        }
    }
    for (; i < len; i++) {
        if ((unsigned char)s[i] & 0x80) {
            return false;
        }
    }
    return true;
}

/* General category, with the Unicode 15.1 additions CPython 3.13 knows and
 * utf8proc 2.8 (Unicode 15.0) does not. */
int
vm_unicode_category(uint32_t cp)
{
    if (cp > 0x10FFFF) {
        return UTF8PROC_CATEGORY_CN;
    }
    int cat = utf8proc_category((utf8proc_int32_t)cp);
    if (cat == UTF8PROC_CATEGORY_CN) {
        if (cp >= 0x2EBF0 && cp <= 0x2EE5D) {
            return UTF8PROC_CATEGORY_LO;    /* CJK Extension I */
        }
        if ((cp >= 0x2FFC && cp <= 0x2FFF) || cp == 0x31EF) {
            return UTF8PROC_CATEGORY_SO;    /* ideographic description */
        }
    }
    return cat;
}

/*
 * Decimal value (see header).  Unicode guarantees Nd characters come in
 * contiguous runs of ten, 0 to 9: count back to the run's zero.
 */
int
vm_unicode_decimal_value(uint32_t cp)
{
    if (cp < 0x80) {
        return (cp >= '0' && cp <= '9') ? (int)(cp - '0') : -1;
    }
    if (vm_unicode_category(cp) != UTF8PROC_CATEGORY_ND) {
        return -1;
    }
    int k = 0;
    while (cp > 0 && vm_unicode_category(cp - 1) == UTF8PROC_CATEGORY_ND) {
        cp--;
        k++;
    }
    return k % 10;
}

/*
 * Digit value (see header).
 */
int
vm_unicode_digit_value(uint32_t cp)
{
    int d = vm_unicode_decimal_value(cp);
    if (d >= 0) {
        return d;
    }
    return vm_unicode_tab_digit(cp);
}

bool
vm_unicode_isalpha(uint32_t cp)
{
    if (cp < 0x80) {
        return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
    }
    int c = vm_unicode_category(cp);
    return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

bool
vm_unicode_isdecimal(uint32_t cp)
{
    if (cp < 0x80) {
        return cp >= '0' && cp <= '9';
    }
    return vm_unicode_category(cp) == UTF8PROC_CATEGORY_ND;
}

bool
vm_unicode_isdigit(uint32_t cp)
{
    return vm_unicode_digit_value(cp) >= 0;
}

bool
vm_unicode_isnumeric(uint32_t cp)
{
    if (cp < 0x80) {
        return cp >= '0' && cp <= '9';
    }
    return vm_unicode_tab_numeric(cp);
}

/* CPython's _PyUnicode_IsWhitespace: bidi WS/B/S or category Zs. */
bool
vm_unicode_isspace(uint32_t cp)
{
    if (cp < 0x80) {
        return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x1F);
    }
    switch (cp) {
    case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029: case 0x202F: case 0x205F:
    case 0x3000:
        return true;
    default:
        return cp >= 0x2000 && cp <= 0x200A;
    }
}

bool
vm_unicode_isalnum(uint32_t cp)
{
    return vm_unicode_isalpha(cp) || vm_unicode_isdecimal(cp) || vm_unicode_isdigit(cp)
           || vm_unicode_isnumeric(cp);
}

/* Not printable: Cc Cf Cs Co Cn Zl Zp and Zs except the space. */
bool
vm_unicode_isprintable(uint32_t cp)
{
    if (cp < 0x80) {
        return cp >= 0x20 && cp < 0x7F;
    }
    switch (vm_unicode_category(cp)) {
    case UTF8PROC_CATEGORY_CC: case UTF8PROC_CATEGORY_CF: case UTF8PROC_CATEGORY_CS:
    case UTF8PROC_CATEGORY_CO: case UTF8PROC_CATEGORY_CN: case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP: case UTF8PROC_CATEGORY_ZS:
        return false;
    default:
        return true;
    }
}

bool
vm_unicode_isupper(uint32_t cp)
{
    if (cp < 0x80) {
        return cp >= 'A' && cp <= 'Z';
    }
    return vm_unicode_tab_upper(cp);
}

bool
vm_unicode_islower(uint32_t cp)
{
    if (cp < 0x80) {
        return cp >= 'a' && cp <= 'z';
    }
    return vm_unicode_tab_lower(cp);
}

bool
vm_unicode_istitle(uint32_t cp)
{
    return vm_unicode_category(cp) == UTF8PROC_CATEGORY_LT;
}

bool
vm_unicode_iscased(uint32_t cp)
{
    if (cp < 0x80) {
        return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
    }
    return vm_unicode_tab_cased(cp);
}

bool
vm_unicode_iscase_ignorable(uint32_t cp)
{
    return vm_unicode_tab_case_ignorable(cp);
}

bool
vm_unicode_is_xid_start(uint32_t cp)
{
    if (cp < 0x80) {
        return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
    }
    return vm_unicode_tab_xid_start(cp);
}

bool
vm_unicode_is_xid_continue(uint32_t cp)
{
    if (cp < 0x80) {
        return ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') || (cp >= '0' && cp <= '9')
               || cp == '_';
    }
    return vm_unicode_tab_xid_continue(cp);
}

static bool
pred_char(VmUnicodePred pred, uint32_t cp)
{
    switch (pred) {
    case VM_UNICODE_ISALPHA:
        return vm_unicode_isalpha(cp);
    case VM_UNICODE_ISDECIMAL:
        return vm_unicode_isdecimal(cp);
    case VM_UNICODE_ISDIGIT:
        return vm_unicode_isdigit(cp);
    case VM_UNICODE_ISNUMERIC:
        return vm_unicode_isnumeric(cp);
    case VM_UNICODE_ISSPACE:
        return vm_unicode_isspace(cp);
    case VM_UNICODE_ISALNUM:
        return vm_unicode_isalnum(cp);
    case VM_UNICODE_ISPRINTABLE:
        return vm_unicode_isprintable(cp);
    case VM_UNICODE_ISASCII:
        return cp < 0x80;
    default:
        return false;
    }
}

/* str.isupper/islower: no cased character of the other kind, at least one
 * of this kind.  str.istitle: uppercase/titlecase only after uncased,
 * lowercase only after cased, at least one cased. */
static bool
str_case_pred(VmUnicodePred pred, const char *s, size_t len)
{
    bool seen = false;
    bool prev_cased = false;
    size_t i = 0;
    while (i < len) {
        uint32_t cp = vm_unicode_decode(s, len, &i);
        bool up = vm_unicode_isupper(cp);
        bool low = vm_unicode_islower(cp);
        bool title = vm_unicode_istitle(cp);
        if (pred == VM_UNICODE_ISUPPER) {
            if (low || title) {
                return false;
            }
            seen = seen || up;
        } else if (pred == VM_UNICODE_ISLOWER) {
            if (up || title) {
                return false;
            }
            seen = seen || low;
        } else {
            if (up || title) {
                if (prev_cased) {
                    return false;
                }
                prev_cased = true;
                seen = true;
            } else if (low) {
                if (!prev_cased) {
                    return false;
                }
                prev_cased = true;
                seen = true;
            } else {
                prev_cased = false;
            }
        }
    }
    return seen;
}

/*
 * Whole-string predicates (see header).
 */
bool
vm_unicode_str_is(VmUnicodePred pred, const char *s, size_t len)
{
    if (pred == VM_UNICODE_ISUPPER || pred == VM_UNICODE_ISLOWER
        || pred == VM_UNICODE_ISTITLE) {
        return str_case_pred(pred, s, len);
    }
    if (pred == VM_UNICODE_ISASCII) {
        return vm_unicode_is_ascii(s, len);
    }
    if (len == 0) {
        return pred == VM_UNICODE_ISPRINTABLE;
    }
    size_t i = 0;
    if (pred == VM_UNICODE_ISIDENTIFIER) {
        uint32_t cp = vm_unicode_decode(s, len, &i);
        if (!vm_unicode_is_xid_start(cp) && cp != '_') {
            return false;
        }
        while (i < len) {
            if (!vm_unicode_is_xid_continue(vm_unicode_decode(s, len, &i))) {
                return false;
            }
        }
        return true;
    }
    while (i < len) {
        if (!pred_char(pred, vm_unicode_decode(s, len, &i))) {
            return false;
        }
    }
    return true;
}

static const char hexdig[] = "0123456789abcdef";

static bool
escape_cp(VmBuf *out, uint32_t cp)
{
    char tmp[10];
    int n;
    if (cp <= 0xFF) {
        tmp[0] = '\\';
        tmp[1] = 'x';
        n = 2;
    } else if (cp <= 0xFFFF) {
        tmp[0] = '\\';
        tmp[1] = 'u';
        n = 4;
    } else {
        tmp[0] = '\\';
        tmp[1] = 'U';
        n = 8;
    }
    for (int k = 0; k < n; k++) {
        tmp[2 + k] = hexdig[(cp >> (4 * (n - 1 - k))) & 0xF];
    }
    return vm_buf_append(out, tmp, (size_t)n + 2);
}

static bool
repr_common(const char *s, size_t len, VmBuf *out, bool ascii_only)
{
    bool has_sq = memchr(s, '\'', len) != NULL;
    bool has_dq = memchr(s, '"', len) != NULL;
    char quote = (has_sq && !has_dq) ? '"' : '\'';
    /* Most strings need no escape: reserve once for the common case. */
    if (!vm_buf_reserve(out, len + 2)) {
        return false;
    }
    vm_buf_putc(out, quote);
    size_t i = 0;
    while (i < len) {
        size_t start = i;
        uint32_t cp = vm_unicode_decode(s, len, &i);
        if (cp == (uint32_t)quote || cp == '\\') {
            vm_buf_putc(out, '\\');
            vm_buf_putc(out, (char)cp);
        } else if (cp == '\t') {
            vm_buf_append(out, "\\t", 2);
        } else if (cp == '\n') {
            vm_buf_append(out, "\\n", 2);
        } else if (cp == '\r') {
            vm_buf_append(out, "\\r", 2);
        } else if (cp < 0x20 || cp == 0x7F) {
            escape_cp(out, cp);
        } else if (cp < 0x7F) {
            vm_buf_putc(out, (char)cp);
        } else if (!ascii_only && vm_unicode_isprintable(cp)) {
            vm_buf_append(out, s + start, i - start);
        } else {
            escape_cp(out, cp);
        }
    }
    vm_buf_putc(out, quote);
    return !out->failed;
}

/*
 * repr(str) (see header).
 */
bool
vm_unicode_repr(const char *s, size_t len, VmBuf *out)
{
    return repr_common(s, len, out, false);
}

/*
 * ascii(str) (see header).
 */
bool
vm_unicode_ascii(const char *s, size_t len, VmBuf *out)
{
    return repr_common(s, len, out, true);
}
