/*
 * lib_str.c - Unicode-correct str method algorithms (see lib_str.h).
 * Semantics follow CPython's Objects/unicodeobject.c and stringlib.
 */
#define _GNU_SOURCE
#include "vm/lib_str.h"

#include <string.h>

#include "vm/unicode.h"

/*
 * Slice clamping (see header).
 */
void
vm_str_adjust(int64_t *start, int64_t *end, int64_t len)
{
    if (*end > len) {
        *end = len;
    } else if (*end < 0) {
        *end += len;
        if (*end < 0) {
            *end = 0;
        }
    }
    if (*start < 0) {
        *start += len;
        if (*start < 0) {
            *start = 0;
        }
    }
}

/* Byte offset of code point index i (clamped); ASCII text maps directly. */
static size_t
offset_of(const char *s, size_t len, bool ascii, int64_t i)
{
    if (i <= 0) {
        return 0;
    }
    if (ascii) {
        return (uint64_t)i < len ? (size_t)i : len;
    }
    return vm_unicode_offset(s, len, (size_t)i);
}

static int64_t
index_of(const char *s, size_t off, bool ascii)
{
    return ascii ? (int64_t)off : (int64_t)vm_unicode_count(s, off);
}

static int64_t
find_impl(const char *s, size_t len, const char *sub, size_t sub_len, int64_t start,
          int64_t end, bool reverse, bool raw)
{
    bool ascii = raw || vm_unicode_is_ascii(s, len);
    int64_t n = ascii ? (int64_t)len : (int64_t)vm_unicode_count(s, len);
    if (start > n || end < start) {
        return -1;
    }
    size_t b = offset_of(s, len, ascii, start);
    size_t e = offset_of(s, len, ascii, end);
    if (e - b < sub_len) {
        return -1;
    }
    if (sub_len == 0) {
        return reverse ? index_of(s, e, ascii) : start;
    }
    const char *hit = NULL;
    if (!reverse) {
        hit = memmem(s + b, e - b, sub, sub_len);
    } else {
        for (size_t i = e - sub_len + 1; i-- > b;) {
            if (s[i] == sub[0] && memcmp(s + i, sub, sub_len) == 0) {
                hit = s + i;
                break;
            }
        }
    }
    return hit ? index_of(s, (size_t)(hit - s), ascii) : -1;
}

/*
 * find / rfind (see header).
 */
int64_t
vm_str_find(const char *s, size_t len, const char *sub, size_t sub_len, int64_t start,
            int64_t end, bool reverse)
{
    return find_impl(s, len, sub, sub_len, start, end, reverse, false);
}

int64_t
vm_bytes_find(const char *s, size_t len, const char *sub, size_t sub_len, int64_t start,
              int64_t end, bool reverse)
{
    return find_impl(s, len, sub, sub_len, start, end, reverse, true);
}

static int64_t
count_impl(const char *s, size_t len, const char *sub, size_t sub_len, int64_t start,
           int64_t end, bool raw)
{
    bool ascii = raw || vm_unicode_is_ascii(s, len);
    int64_t n = ascii ? (int64_t)len : (int64_t)vm_unicode_count(s, len);
    if (start > n) {
        return 0;
    }
    if (end < start) {
        return sub_len == 0 && end == start ? 1 : 0;
    }
    size_t b = offset_of(s, len, ascii, start);
    size_t e = offset_of(s, len, ascii, end);
    if (sub_len == 0) {
        int64_t cps = ascii ? (int64_t)(e - b) : (int64_t)vm_unicode_count(s + b, e - b);
        return cps + 1;
    }
    int64_t count = 0;
    const char *p = s + b;
    const char *stop = s + e;
    while ((size_t)(stop - p) >= sub_len) {
        const char *hit = memmem(p, (size_t)(stop - p), sub, sub_len);
        if (!hit) {
            break;
        }
        count++;
        p = hit + sub_len;
    }
    return count;
}

/*
 * count (see header).
 */
int64_t
vm_str_count(const char *s, size_t len, const char *sub, size_t sub_len, int64_t start,
             int64_t end)
{
    return count_impl(s, len, sub, sub_len, start, end, false);
}

int64_t
vm_bytes_count(const char *s, size_t len, const char *sub, size_t sub_len, int64_t start,
               int64_t end)
{
    return count_impl(s, len, sub, sub_len, start, end, true);
}

/*
 * startswith / endswith (see header).
 */
bool
vm_str_tailmatch(const char *s, size_t len, const char *sub, size_t sub_len, int64_t start,
                 int64_t end, bool at_end)
{
    bool ascii = vm_unicode_is_ascii(s, len);
    int64_t n = ascii ? (int64_t)len : (int64_t)vm_unicode_count(s, len);
    if (start > n || end < start) {
        return false;
    }
    size_t b = offset_of(s, len, ascii, start);
    size_t e = offset_of(s, len, ascii, end);
    if (e - b < sub_len) {
        return false;
    }
    const char *p = at_end ? s + e - sub_len : s + b;
    return memcmp(p, sub, sub_len) == 0;
}

static bool
too_long(VmBuf *out, VmLibError *err)
{
    out->failed = out->over_limit = true;
    return vm_lib_error_from_buf(err, out);
}

/*
 * replace (see header).
 */
bool
vm_str_replace(const char *s, size_t len, const char *old, size_t old_len, const char *new_,
               size_t new_len, int64_t count, VmBuf *out, VmLibError *err)
{
    /* Count the replacements first: the result size is then exact. */
    uint64_t n = 0;
    if (old_len == 0) {
        n = vm_unicode_count(s, len) + 1;
    } else {
        const char *p = s;
        while ((size_t)(s + len - p) >= old_len) {
            const char *hit = memmem(p, (size_t)(s + len - p), old, old_len);
            if (!hit) {
                break;
            }
            n++;
            p = hit + old_len;
        }
    }
    if (count >= 0 && (uint64_t)count < n) {
        n = (uint64_t)count;
    }
    if (n == 0) {
        return vm_buf_append(out, s, len) ? true : vm_lib_error_from_buf(err, out);
    }
    if (new_len > 0 && n > (SIZE_MAX / 2) / new_len) {
        return too_long(out, err);
    }
    size_t total = len - (size_t)n * old_len + (size_t)n * new_len;
    if (!vm_buf_reserve(out, total)) {
        return vm_lib_error_from_buf(err, out);
    }
    const char *p = s;
    const char *end = s + len;
    if (old_len == 0) {
        for (uint64_t k = 0; k < n; k++) {
            vm_buf_append(out, new_, new_len);
            if (p < end) {
                size_t i = (size_t)(p - s);
                vm_unicode_decode(s, len, &i);
                vm_buf_append(out, p, (size_t)(s + i - p));
                p = s + i;
            }
        }
    } else {
        for (uint64_t k = 0; k < n; k++) {
            const char *hit = memmem(p, (size_t)(end - p), old, old_len);
            vm_buf_append(out, p, (size_t)(hit - p));
            vm_buf_append(out, new_, new_len);
            p = hit + old_len;
        }
    }
    vm_buf_append(out, p, (size_t)(end - p));
    return out->failed ? vm_lib_error_from_buf(err, out) : true;
}

/* Is the character at s[i] whitespace?  Sets *next past it. */
static bool
space_at(const char *s, size_t len, size_t i, size_t *next, bool raw)
{
    if (raw) {
        /* bytes: only ASCII whitespace (Py_ISSPACE) */
        char c = s[i];
        *next = i + 1;
        return c == ' ' || (c >= '\t' && c <= '\r');
    }
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
        /* ASCII: str.isspace() is \t-\r, \x1c-\x1f and space */
        *next = i + 1;
        return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1C && c <= 0x1F);
    }
    size_t p = i;
    uint32_t cp = vm_unicode_decode(s, len, &p);
    *next = p;
    return vm_unicode_isspace(cp);
}

/* Start of the character that ends at byte e (e > 0). */
static size_t
char_start(const char *s, size_t e, bool raw)
{
    size_t i = e - 1;
    if (raw) {
        return i;
    }
    while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80) {
        i--;
    }
    return i;
}

/* CPython's split_whitespace / rsplit_whitespace. */
static bool
split_ws(const char *s, size_t len, int64_t maxcount, bool reverse, VmStrEmit emit, void *ctx,
         bool raw)
{
    size_t nx;
    if (!reverse) {
        size_t i = 0;
        while (maxcount-- > 0) {
            while (i < len && space_at(s, len, i, &nx, raw)) {
                i = nx;
            }
            if (i == len) {
                break;
            }
            size_t j = i;
            while (i < len && !space_at(s, len, i, &nx, raw)) {
                i = nx;
            }
            if (!emit(ctx, s + j, i - j)) {
                return false;
            }
        }
        if (i < len) {
            while (i < len && space_at(s, len, i, &nx, raw)) {
                i = nx;
            }
            if (i != len && !emit(ctx, s + i, len - i)) {
                return false;
            }
        }
        return true;
    }
    size_t e = len;     /* exclusive end of the unscanned head */
    while (maxcount-- > 0) {
        while (e > 0 && space_at(s, len, char_start(s, e, raw), &nx, raw)) {
            e = char_start(s, e, raw);
        }
        if (e == 0) {
            break;
        }
        size_t b = e;
        while (b > 0 && !space_at(s, len, char_start(s, b, raw), &nx, raw)) {
            b = char_start(s, b, raw);
        }
        if (!emit(ctx, s + b, e - b)) {
            return false;
        }
        e = b;
    }
    if (e > 0) {
        while (e > 0 && space_at(s, len, char_start(s, e, raw), &nx, raw)) {
            e = char_start(s, e, raw);
        }
        if (e > 0 && !emit(ctx, s, e)) {
            return false;
        }
    }
    return true;
}

/* Last occurrence of sub in s[0, e). */
static const char *
rfind_bytes(const char *s, size_t e, const char *sub, size_t sub_len)
{
    if (e < sub_len) {
        return NULL;
    }
    for (size_t i = e - sub_len + 1; i-- > 0;) {
        if (s[i] == sub[0] && memcmp(s + i, sub, sub_len) == 0) {
            return s + i;
        }
    }
    return NULL;
}

static bool
split_impl(const char *s, size_t len, const char *sep, size_t sep_len, int64_t maxsplit,
           bool reverse, VmStrEmit emit, void *ctx, VmLibError *err, bool raw)
{
    int64_t maxcount = maxsplit < 0 ? INT64_MAX : maxsplit;
    if (!sep) {
        if (!split_ws(s, len, maxcount, reverse, emit, ctx, raw)) {
            return vm_lib_error_set(err, VM_LIB_NO_MEMORY, "out of memory");
        }
        return true;
    }
    if (sep_len == 0) {
        return vm_lib_error_set(err, VM_LIB_VALUE_ERROR, "empty separator");
    }
    bool ok = true;
    if (!reverse) {
        const char *p = s;
        const char *end = s + len;
        while (ok && maxcount-- > 0) {
            const char *hit = memmem(p, (size_t)(end - p), sep, sep_len);
            if (!hit) {
                break;
            }
            ok = emit(ctx, p, (size_t)(hit - p));
            p = hit + sep_len;
        }
        ok = ok && emit(ctx, p, (size_t)(end - p));
    } else {
        size_t e = len;
        while (ok && maxcount-- > 0) {
            const char *hit = rfind_bytes(s, e, sep, sep_len);
            if (!hit) {
                break;
            }
            size_t after = (size_t)(hit - s) + sep_len;
            ok = emit(ctx, s + after, e - after);
            e = (size_t)(hit - s);
        }
        ok = ok && emit(ctx, s, e);
    }
    return ok ? true : vm_lib_error_set(err, VM_LIB_NO_MEMORY, "out of memory");
}

/*
 * split / rsplit (see header).
 */
bool
vm_str_split(const char *s, size_t len, const char *sep, size_t sep_len, int64_t maxsplit,
             bool reverse, VmStrEmit emit, void *ctx, VmLibError *err)
{
    return split_impl(s, len, sep, sep_len, maxsplit, reverse, emit, ctx, err, false);
}

bool
vm_bytes_split(const char *s, size_t len, const char *sep, size_t sep_len, int64_t maxsplit,
               bool reverse, VmStrEmit emit, void *ctx, VmLibError *err)
{
    return split_impl(s, len, sep, sep_len, maxsplit, reverse, emit, ctx, err, true);
}

/* Length of the line break at s[i] (0 if none): \n \r \r\n \v \f \x1c-\x1e
 * \x85 \u2028 \u2029. */
static size_t
line_break(const char *s, size_t len, size_t i, bool raw)
{
    unsigned char c = (unsigned char)s[i];
    if (c == '\r') {
        return (i + 1 < len && s[i + 1] == '\n') ? 2 : 1;
    }
    if (raw) {
        return c == '\n' ? 1 : 0;
    }
    if (c == '\n' || c == 0x0B || c == 0x0C || (c >= 0x1C && c <= 0x1E)) {
        return 1;
    }
    if (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] == 0x85) {
        return 2;
    }
    if (c == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80
        && ((unsigned char)s[i + 2] == 0xA8 || (unsigned char)s[i + 2] == 0xA9)) {
        return 3;
    }
    return 0;
}

static bool
splitlines_impl(const char *s, size_t len, bool keepends, VmStrEmit emit, void *ctx, bool raw)
{
    size_t i = 0;
    while (i < len) {
        size_t j = i;
        size_t br = 0;
        while (j < len && (br = line_break(s, len, j, raw)) == 0) {
            j++;
        }
        size_t eol = j + br;
        if (!emit(ctx, s + i, (keepends ? eol : j) - i)) {
            return false;
        }
        i = eol;
    }
    return true;
}

/*
 * splitlines (see header).
 */
bool
vm_str_splitlines(const char *s, size_t len, bool keepends, VmStrEmit emit, void *ctx)
{
    return splitlines_impl(s, len, keepends, emit, ctx, false);
}

bool
vm_bytes_splitlines(const char *s, size_t len, bool keepends, VmStrEmit emit, void *ctx)
{
    return splitlines_impl(s, len, keepends, emit, ctx, true);
}

/* Is cp one of the code points of chars? */
static bool
in_chars(uint32_t cp, const char *chars, size_t n)
{
    size_t i = 0;
    while (i < n) {
        if (vm_unicode_decode(chars, n, &i) == cp) {
            return true;
        }
    }
    return false;
}

static bool
strip_at(const char *s, size_t len, size_t i, const char *chars, size_t chars_len,
         size_t *next, bool raw)
{
    if (!chars) {
        return space_at(s, len, i, next, raw);
    }
    if (raw) {
        *next = i + 1;
        return memchr(chars, s[i], chars_len) != NULL;
    }
    size_t p = i;
    uint32_t cp = vm_unicode_decode(s, len, &p);
    *next = p;
    return in_chars(cp, chars, chars_len);
}

static void
strip_impl(const char *s, size_t len, const char *chars, size_t chars_len, char which,
           size_t *b, size_t *e, bool raw)
{
    size_t i = 0, j = len, nx;
    if (which != 'r') {
        while (i < len && strip_at(s, len, i, chars, chars_len, &nx, raw)) {
            i = nx;
        }
    }
    if (which != 'l') {
        while (j > i && strip_at(s, len, char_start(s, j, raw), chars, chars_len, &nx, raw)) {
            j = char_start(s, j, raw);
        }
    }
    *b = i;
    *e = j;
}

/*
 * strip (see header).
 */
void
vm_str_strip(const char *s, size_t len, const char *chars, size_t chars_len, char which,
             size_t *b, size_t *e)
{
    strip_impl(s, len, chars, chars_len, which, b, e, false);
}

void
vm_bytes_strip(const char *s, size_t len, const char *chars, size_t chars_len, char which,
               size_t *b, size_t *e)
{
    strip_impl(s, len, chars, chars_len, which, b, e, true);
}

/*
 * expandtabs (see header).
 */
bool
vm_str_expandtabs(const char *s, size_t len, int64_t tabsize, VmBuf *out, VmLibError *err)
{
    /* First pass: the exact size. */
    uint64_t size = 0, col = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\t') {
            if (tabsize > 0) {
                uint64_t inc = (uint64_t)tabsize - col % (uint64_t)tabsize;
                col += inc;
                size += inc;
            }
        } else {
            size++;
            if ((c & 0xC0) != 0x80) {
                col++;
            }
            if (c == '\n' || c == '\r') {
                col = 0;
            }
        }
        if (size > SIZE_MAX / 2) {
            return vm_lib_error_set(err, VM_LIB_OVERFLOW_ERROR, "new string is too long");
        }
    }
    if (!vm_buf_reserve(out, (size_t)size)) {
        return vm_lib_error_from_buf(err, out);
    }
    col = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\t') {
            if (tabsize > 0) {
                uint64_t inc = (uint64_t)tabsize - col % (uint64_t)tabsize;
                col += inc;
                vm_buf_fill(out, ' ', (size_t)inc);
            }
        } else {
            vm_buf_putc(out, (char)c);
            if ((c & 0xC0) != 0x80) {
                col++;
            }
            if (c == '\n' || c == '\r') {
                col = 0;
            }
        }
    }
    return out->failed ? vm_lib_error_from_buf(err, out) : true;
}

/*
 * zfill (see header).
 */
bool
vm_str_zfill(const char *s, size_t len, int64_t width, VmBuf *out, VmLibError *err)
{
    size_t n = vm_unicode_count(s, len);
    if (width <= (int64_t)n) {
        return vm_buf_append(out, s, len) ? true : vm_lib_error_from_buf(err, out);
    }
    size_t fill = (size_t)width - n;
    if (fill > SIZE_MAX / 2 || !vm_buf_reserve(out, len + fill)) {
        return too_long(out, err);
    }
    size_t skip = 0;
    if (len > 0 && (s[0] == '+' || s[0] == '-')) {
        vm_buf_putc(out, s[0]);
        skip = 1;
    }
    vm_buf_fill(out, '0', fill);
    vm_buf_append(out, s + skip, len - skip);
    return out->failed ? vm_lib_error_from_buf(err, out) : true;
}

/*
 * ljust / rjust / center (see header).
 */
bool
vm_str_pad(const char *s, size_t len, int64_t width, uint32_t fill, char align, VmBuf *out,
           VmLibError *err)
{
    size_t n = vm_unicode_count(s, len);
    if (width <= (int64_t)n) {
        return vm_buf_append(out, s, len) ? true : vm_lib_error_from_buf(err, out);
    }
    size_t marg = (size_t)width - n;
    size_t left;
    if (align == '<') {
        left = 0;
    } else if (align == '>') {
        left = marg;
    } else {
        left = marg / 2 + (marg & (size_t)width & 1);
    }
    size_t fsz = vm_buf_cp_size(fill);
    if (marg > SIZE_MAX / 8 || !vm_buf_reserve(out, len + marg * fsz)) {
        return too_long(out, err);
    }
    vm_buf_fill(out, fill, left);
    vm_buf_append(out, s, len);
    vm_buf_fill(out, fill, marg - left);
    return out->failed ? vm_lib_error_from_buf(err, out) : true;
}
