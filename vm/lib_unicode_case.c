/*
 * lib_unicode_case.c - str.upper/lower/casefold/title/capitalize/swapcase with
 * CPython's full case mappings (see unicode.h).
 *
 * utf8proc supplies the simple one-to-one mappings; the generated table
 * (lib_unicode_tab.c) supplies the characters whose full mapping differs
 * ('ß' -> 'SS', 'ŉ' -> 'ʼN', 'İ' -> 'i̇', ...).  Final sigma follows CPython's
 * handle_capital_sigma.
 */
#include <string.h>

#include <utf8proc.h>

#include "vm/unicode.h"
#include "vm/lib_unicode_int.h"

/* Full mapping of cp into out[3]; returns the count. */
static int
map_full(int which, uint32_t cp, uint32_t *out)
{
    if (cp >= 0xD800 && cp < 0xE000) {
        out[0] = cp;
        return 1;
    }
    const VmUnicodeCaseEx *ex = vm_unicode_tab_case_ex(which, cp);
    if (ex) {
        memcpy(out, ex->map, sizeof ex->map);
        return ex->n;
    }
    switch (which) {
    case VM_UNICODE_TAB_UPPER:
        out[0] = (uint32_t)utf8proc_toupper((utf8proc_int32_t)cp);
        break;
    case VM_UNICODE_TAB_TITLE:
        out[0] = (uint32_t)utf8proc_totitle((utf8proc_int32_t)cp);
        break;
    default:
        out[0] = (uint32_t)utf8proc_tolower((utf8proc_int32_t)cp);
        break;
    }
    return 1;
}

/* Code point before byte offset i (i > 0). */
static uint32_t
prev_cp(const char *s, size_t len, size_t *i)
{
    size_t j = *i;
    do {
        j--;
    } while (j > 0 && ((unsigned char)s[j] & 0xC0) == 0x80);
    *i = j;
    size_t p = j;
    return vm_unicode_decode(s, len, &p);
}

/* Capital sigma at [at, next) lowercases to final sigma? */
static uint32_t
sigma(const char *s, size_t len, size_t at, size_t next)
{
    size_t j = at;
    uint32_t c = 0;
    bool found = false;
    while (j > 0) {
        c = prev_cp(s, len, &j);
        if (!vm_unicode_iscase_ignorable(c)) {
            found = true;
            break;
        }
    }
    bool final = found && vm_unicode_iscased(c);
    if (final && next < len) {
        size_t k = next;
        bool stop = false;
        while (k < len) {
            c = vm_unicode_decode(s, len, &k);
            if (!vm_unicode_iscase_ignorable(c)) {
                stop = true;
                break;
            }
        }
        final = !stop || !vm_unicode_iscased(c);
    }
    return final ? 0x3C2 : 0x3C3;
}

static bool
put_map(VmBuf *out, const uint32_t *m, int n)
{
    for (int k = 0; k < n; k++) {
        vm_buf_put_cp(out, m[k]);
    }
    return !out->failed;
}

/* lower() of one character, with the sigma rule. */
static void
put_lower(VmBuf *out, const char *s, size_t len, size_t at, size_t next, uint32_t cp)
{
    uint32_t m[3];
    if (cp == 0x3A3) {
        vm_buf_put_cp(out, sigma(s, len, at, next));
        return;
    }
    put_map(out, m, map_full(VM_UNICODE_TAB_LOWER, cp, m));
}

static bool
ascii_case(VmUnicodeCase how, const char *s, size_t len, VmBuf *out)
{
    if (!vm_buf_reserve(out, len)) {
        return false;
    }
    char *d = out->data + out->len;
    bool prev_cased = false;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        bool up = c >= 'A' && c <= 'Z';
        bool low = c >= 'a' && c <= 'z';
        bool to_up;
        switch (how) {
        case VM_UNICODE_UPPER:
            to_up = true;
            break;
        case VM_UNICODE_TITLE:
            to_up = !prev_cased;
            break;
        case VM_UNICODE_CAPITALIZE:
            to_up = i == 0;
            break;
        case VM_UNICODE_SWAPCASE:
            to_up = low;
            break;
        default:
            to_up = false;
            break;
        }
        if (to_up && low) {
            c = (char)(c - 32);
        } else if (!to_up && up) {
            c = (char)(c + 32);
        }
        d[i] = c;
        prev_cased = up || low;
    }
    out->len += len;
    out->data[out->len] = '\0';
    return true;
}

/*
 * Case conversion (see header).
 */
bool
vm_unicode_case(VmUnicodeCase how, const char *s, size_t len, VmBuf *out)
{
    if (how != VM_UNICODE_CASEFOLD && vm_unicode_is_ascii(s, len)) {
        return ascii_case(how, s, len, out);
    }
    if (!vm_buf_reserve(out, len)) {
        return false;
    }
    uint32_t m[3];
    bool prev_cased = false;
    size_t i = 0;
    while (i < len && !out->failed) {
        size_t at = i;
        uint32_t cp = vm_unicode_decode(s, len, &i);
        switch (how) {
        case VM_UNICODE_UPPER:
            put_map(out, m, map_full(VM_UNICODE_TAB_UPPER, cp, m));
            break;
        case VM_UNICODE_LOWER:
            put_lower(out, s, len, at, i, cp);
            break;
        case VM_UNICODE_CASEFOLD:
            put_map(out, m, map_full(VM_UNICODE_TAB_FOLD, cp, m));
            break;
        case VM_UNICODE_SWAPCASE:
            if (vm_unicode_isupper(cp)) {
                put_lower(out, s, len, at, i, cp);
            } else if (vm_unicode_islower(cp)) {
                put_map(out, m, map_full(VM_UNICODE_TAB_UPPER, cp, m));
            } else {
                vm_buf_put_cp(out, cp);
            }
            break;
        case VM_UNICODE_CAPITALIZE:
            if (at == 0) {
                put_map(out, m, map_full(VM_UNICODE_TAB_TITLE, cp, m));
            } else {
                put_lower(out, s, len, at, i, cp);
            }
            break;
        case VM_UNICODE_TITLE:
            if (prev_cased) {
                put_lower(out, s, len, at, i, cp);
            } else {
                put_map(out, m, map_full(VM_UNICODE_TAB_TITLE, cp, m));
            }
            prev_cased = vm_unicode_iscased(cp);
            break;
        }
    }
    return !out->failed;
}
