/*
 * unicode.h - UTF-8 and Unicode character helpers with CPython's semantics.
 *
 * monty's str is UTF-8 in memory.  Lone surrogates (which Python strs may
 * hold, e.g. '\ud800') are stored as their 3-byte "surrogatepass" encoding,
 * so every Python str has exactly one internal form.  Functions here take
 * (pointer, byte length) and assume that internal form unless they say they
 * validate.  Character properties come from utf8proc (Unicode 15.0) with
 * CPython 3.13 (Unicode 15.1) additions patched in.  Results that need
 * memory go to a caller VmBuf (accounted; see lib_buf.h).
 */
#ifndef MONTY_VM_UNICODE_H
#define MONTY_VM_UNICODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "vm/lib_buf.h"

/*
 * Decode the code point at s[*pos] (pos < len) and advance *pos.  Lenient:
 * a malformed byte decodes as U+FFFD and advances by one.
 */
uint32_t
vm_unicode_decode(const char *s, size_t len, size_t *pos);

/*
 * Encode cp as UTF-8 into out[4]; returns the byte count (1..4).
 */
size_t
vm_unicode_encode(uint32_t cp, char *out);

/*
 * Validate bytes as UTF-8 (bytes.decode('utf-8')).  With surrogatepass,
 * encoded surrogates (ED A0..BF xx) are accepted.  Returns true when valid;
 * otherwise *bad_start and *bad_end give the offending byte range, as in
 * CPython's UnicodeDecodeError ("invalid start byte", "invalid
 * continuation byte", "unexpected end of data"), and *reason its text.
 */
bool
vm_unicode_validate(const char *s, size_t len, bool surrogatepass, size_t *bad_start,
                    size_t *bad_end, const char **reason);

/*
 * Number of code points in the (valid) UTF-8 text.  ASCII runs go 8 bytes
 * at a time.
 */
size_t
vm_unicode_count(const char *s, size_t len);

/*
 * Byte offset of code point number `index` (clamped to len).
 */
size_t
vm_unicode_offset(const char *s, size_t len, size_t index);

/*
 * True when all bytes are < 0x80 (then code point index == byte index).
 */
bool
vm_unicode_is_ascii(const char *s, size_t len);

/*
 * Decimal digit value (0..9) of a Unicode Nd character, else -1 (CPython's
 * Py_UNICODE_TODECIMAL).
 */
int
vm_unicode_decimal_value(uint32_t cp);

/*
 * Digit value of characters with Numeric_Type Digit or Decimal (e.g. '²'
 * gives 2), else -1 (Py_UNICODE_TODIGIT).
 */
int
vm_unicode_digit_value(uint32_t cp);

/*
 * Character predicates, CPython's definitions (Objects/unicodectype.c).
 */
bool vm_unicode_isalpha(uint32_t cp);
bool vm_unicode_isdecimal(uint32_t cp);
bool vm_unicode_isdigit(uint32_t cp);
bool vm_unicode_isnumeric(uint32_t cp);
bool vm_unicode_isspace(uint32_t cp);
bool vm_unicode_isalnum(uint32_t cp);
bool vm_unicode_isprintable(uint32_t cp);
bool vm_unicode_isupper(uint32_t cp);
bool vm_unicode_islower(uint32_t cp);
bool vm_unicode_istitle(uint32_t cp);
bool vm_unicode_iscased(uint32_t cp);
bool vm_unicode_iscase_ignorable(uint32_t cp);
bool vm_unicode_is_xid_start(uint32_t cp);
bool vm_unicode_is_xid_continue(uint32_t cp);

/*
 * Whole-string predicates (str.isalpha() etc.): false for the empty string,
 * except str.isprintable() which is true for ''.  istitle/isupper/islower
 * follow CPython's cased-character rules; isidentifier follows PEP 3131
 * (without NFKC normalisation, as str.isidentifier).
 */
typedef enum VmUnicodePred {
    VM_UNICODE_ISALPHA,
    VM_UNICODE_ISDECIMAL,
    VM_UNICODE_ISDIGIT,
    VM_UNICODE_ISNUMERIC,
    VM_UNICODE_ISSPACE,
    VM_UNICODE_ISALNUM,
    VM_UNICODE_ISPRINTABLE,
    VM_UNICODE_ISUPPER,
    VM_UNICODE_ISLOWER,
    VM_UNICODE_ISTITLE,
    VM_UNICODE_ISIDENTIFIER,
    VM_UNICODE_ISASCII,
} VmUnicodePred;

bool
vm_unicode_str_is(VmUnicodePred pred, const char *s, size_t len);

/*
 * Case conversions with full special casing (CPython's str methods):
 * 'ß'.upper() == 'SS', 'ﬁ'.title() == 'Fi', final sigma in lower(), etc.
 * Append the result to out; false when out failed.
 */
typedef enum VmUnicodeCase {
    VM_UNICODE_UPPER,
    VM_UNICODE_LOWER,
    VM_UNICODE_CASEFOLD,
    VM_UNICODE_TITLE,
    VM_UNICODE_CAPITALIZE,
    VM_UNICODE_SWAPCASE,
} VmUnicodeCase;

bool
vm_unicode_case(VmUnicodeCase how, const char *s, size_t len, VmBuf *out);

/*
 * Append repr(s) (CPython's unicode_repr: quote choice, \n \t \r \\ escapes,
 * \xNN / \uNNNN / \UNNNNNNNN for non-printable characters).
 */
bool
vm_unicode_repr(const char *s, size_t len, VmBuf *out);

/*
 * Append ascii(s): as repr but every non-ASCII character escaped.
 */
bool
vm_unicode_ascii(const char *s, size_t len, VmBuf *out);

#endif
