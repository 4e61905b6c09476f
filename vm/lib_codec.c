/*
 * lib_codec.c - utf-8 / ascii / latin-1 codecs with CPython's error
 * handlers and messages (see lib_codec.h).
 */
#define _GNU_SOURCE
#include "vm/lib_codec.h"

#include <stdio.h>
#include <string.h>

#include "vm/unicode.h"

static int
hexval(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    c = (char)(c | 0x20);
    return (c >= 'a' && c <= 'f') ? c - 'a' + 10 : -1;
}

typedef enum Handler {
    H_STRICT,
    H_IGNORE,
    H_REPLACE,
    H_BACKSLASH,
    H_XMLCHARREF,
    H_SURROGATEESCAPE,
    H_SURROGATEPASS,
    H_UNKNOWN,
} Handler;

static Handler
handler_of(const char *name, size_t len)
{
    static const struct { const char *name; Handler h; } tab[] = {
        {"strict", H_STRICT}, {"ignore", H_IGNORE}, {"replace", H_REPLACE},
        {"backslashreplace", H_BACKSLASH}, {"xmlcharrefreplace", H_XMLCHARREF},
        {"surrogateescape", H_SURROGATEESCAPE}, {"surrogatepass", H_SURROGATEPASS},
    };
    if (!name) {
        return H_STRICT;
    }
    for (size_t i = 0; i < sizeof tab / sizeof tab[0]; i++) {
        if (strlen(tab[i].name) == len && memcmp(tab[i].name, name, len) == 0) {
            return tab[i].h;
        }
    }
    return H_UNKNOWN;
}

static bool
unknown_handler(const char *name, size_t len, VmLibError *err)
{
    return vm_lib_error_set_arg(err, VM_LIB_LOOKUP_ERROR, "unknown error handler name '", name,
                                len, VM_LIB_ARG_RAW, 0, "'");
}

/*
 * Encoding lookup (see header): lower-case, '-' and ' ' become '_'.
 */
bool
vm_codec_lookup(const char *name, size_t len, VmCodec *out, VmLibError *err)
{
    static const struct { const char *name; VmCodec c; } tab[] = {
        {"utf_8", VM_CODEC_UTF8}, {"utf8", VM_CODEC_UTF8}, {"u8", VM_CODEC_UTF8},
        {"utf", VM_CODEC_UTF8}, {"cp65001", VM_CODEC_UTF8},
        {"ascii", VM_CODEC_ASCII}, {"us_ascii", VM_CODEC_ASCII}, {"646", VM_CODEC_ASCII},
        {"us", VM_CODEC_ASCII}, {"ansi_x3.4_1968", VM_CODEC_ASCII},
        {"latin_1", VM_CODEC_LATIN1}, {"latin1", VM_CODEC_LATIN1}, {"latin", VM_CODEC_LATIN1},
        {"l1", VM_CODEC_LATIN1}, {"iso_8859_1", VM_CODEC_LATIN1},
        {"iso8859_1", VM_CODEC_LATIN1}, {"8859", VM_CODEC_LATIN1}, {"cp819", VM_CODEC_LATIN1},
        {"iso_ir_100", VM_CODEC_LATIN1},
    };
    char norm[32];
    if (len < sizeof norm) {
        for (size_t i = 0; i < len; i++) {
            char c = name[i];
            norm[i] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : (c == '-' || c == ' ') ? '_' : c;
        }
        norm[len] = '\0';
        for (size_t i = 0; i < sizeof tab / sizeof tab[0]; i++) {
            if (strcmp(norm, tab[i].name) == 0) {
                *out = tab[i].c;
                return true;
            }
        }
    }
    return vm_lib_error_set_arg(err, VM_LIB_LOOKUP_ERROR, "unknown encoding: ", name, len,
                                VM_LIB_ARG_RAW, 0, NULL);
}

const char *
vm_codec_name(VmCodec codec)
{
    return codec == VM_CODEC_UTF8 ? "utf-8" : codec == VM_CODEC_ASCII ? "ascii" : "latin-1";
}

static bool
decode_error(VmCodec codec, const char *data, size_t start, size_t end, const char *reason,
             VmLibError *err)
{
    if (end - start == 1) {
        return vm_lib_error_set(err, VM_LIB_UNICODE_DECODE_ERROR,
                                "'%s' codec can't decode byte 0x%02x in position %zu: %s",
                                vm_codec_name(codec), (unsigned char)data[start], start, reason);
    }
    return vm_lib_error_set(err, VM_LIB_UNICODE_DECODE_ERROR,
                            "'%s' codec can't decode bytes in position %zu-%zu: %s",
                            vm_codec_name(codec), start, end - 1, reason);
}

/* Apply a decode handler to the bad bytes [start, end). */
static bool
decode_handle(Handler h, VmCodec codec, const char *data, size_t start, size_t end,
              const char *reason, const char *errors, size_t errors_len, VmBuf *out,
              VmLibError *err)
{
    char tmp[8];
    switch (h) {
    case H_IGNORE:
        return true;
    case H_REPLACE:
        return vm_buf_put_cp(out, 0xFFFD);
    case H_BACKSLASH:
        for (size_t i = start; i < end; i++) {
            snprintf(tmp, sizeof tmp, "\\x%02x", (unsigned char)data[i]);
            vm_buf_puts(out, tmp);
        }
        return true;
    case H_SURROGATEESCAPE:
        for (size_t i = start; i < end; i++) {
            unsigned char b = (unsigned char)data[i];
            if (b < 128) {
                return decode_error(codec, data, start, end, reason, err);
            }
            vm_buf_put_cp(out, 0xDC00u + b);
        }
        return true;
    case H_UNKNOWN:
        return unknown_handler(errors, errors_len, err);
    case H_XMLCHARREF:
        return vm_lib_error_set(err, VM_LIB_TYPE_ERROR,
                                "don't know how to handle UnicodeDecodeError in error callback");
    default:
        return decode_error(codec, data, start, end, reason, err);
    }
}

/*
 * bytes.decode (see header).
 */
bool
vm_codec_decode(VmCodec codec, const char *data, size_t len, const char *errors,
                size_t errors_len, VmBuf *out, VmLibError *err)
{
    Handler h = handler_of(errors, errors_len);
    if (!vm_buf_reserve(out, len)) {
        return vm_lib_error_from_buf(err, out);
    }
    if (codec == VM_CODEC_LATIN1) {
        for (size_t i = 0; i < len; i++) {
            vm_buf_put_cp(out, (unsigned char)data[i]);
        }
        return out->failed ? vm_lib_error_from_buf(err, out) : true;
    }
    size_t i = 0;
    while (i < len) {
        size_t bad_start, bad_end;
        const char *reason;
        if (codec == VM_CODEC_ASCII) {
            size_t j = i;
            while (j < len && (unsigned char)data[j] < 0x80) {
                j++;
            }
            vm_buf_append(out, data + i, j - i);
            if (j == len) {
                break;
            }
            bad_start = j;
            bad_end = j + 1;
            reason = "ordinal not in range(128)";
        } else {
            if (vm_unicode_validate(data + i, len - i, h == H_SURROGATEPASS, &bad_start,
                                    &bad_end, &reason)) {
                vm_buf_append(out, data + i, len - i);
                break;
            }
            vm_buf_append(out, data + i, bad_start);
            bad_start += i;
            bad_end += i;
        }
        if (!decode_handle(h, codec, data, bad_start, bad_end, reason, errors, errors_len, out,
                           err)) {
            return false;
        }
        i = bad_end;
    }
    return out->failed ? vm_lib_error_from_buf(err, out) : true;
}

static bool
encode_error(VmCodec codec, uint32_t first, size_t start, size_t end, const char *reason,
             VmLibError *err)
{
    if (end - start == 1) {
        char ch[16];
        if (first <= 0xFF) {
            snprintf(ch, sizeof ch, "\\x%02x", first);
        } else if (first <= 0xFFFF) {
            snprintf(ch, sizeof ch, "\\u%04x", first);
        } else {
            snprintf(ch, sizeof ch, "\\U%08x", first);
        }
        return vm_lib_error_set(err, VM_LIB_UNICODE_ENCODE_ERROR,
                                "'%s' codec can't encode character '%s' in position %zu: %s",
                                vm_codec_name(codec), ch, start, reason);
    }
    return vm_lib_error_set(err, VM_LIB_UNICODE_ENCODE_ERROR,
                            "'%s' codec can't encode characters in position %zu-%zu: %s",
                            vm_codec_name(codec), start, end - 1, reason);
}

/* Can the codec encode cp directly (surrogates excepted for utf-8)? */
static bool
encodable(VmCodec codec, uint32_t cp, Handler h)
{
    switch (codec) {
    case VM_CODEC_ASCII:
        return cp < 0x80;
    case VM_CODEC_LATIN1:
        return cp < 0x100;
    default:
        return !(cp >= 0xD800 && cp < 0xE000) || h == H_SURROGATEPASS;
    }
}

static void
put_encoded(VmCodec codec, uint32_t cp, const char *raw, size_t raw_len, VmBuf *out)
{
    if (codec == VM_CODEC_UTF8) {
        vm_buf_append(out, raw, raw_len);
    } else {
        vm_buf_putc(out, (char)cp);
    }
}

/* Apply an encode handler to the run of code points raw[0..n) that starts
 * at code point index `start` and holds `count` characters. */
static bool
encode_handle(Handler h, VmCodec codec, const char *raw, size_t n, size_t start, size_t count,
              const char *reason, const char *errors, size_t errors_len, VmBuf *out,
              VmLibError *err)
{
    size_t i = 0;
    uint32_t first;
    size_t p0 = 0;
    first = vm_unicode_decode(raw, n, &p0);
    char tmp[24];
    switch (h) {
    case H_IGNORE:
        return true;
    case H_REPLACE:
        return vm_buf_fill(out, '?', count);
    case H_BACKSLASH:
    case H_XMLCHARREF:
        while (i < n) {
            uint32_t cp = vm_unicode_decode(raw, n, &i);
            if (h == H_XMLCHARREF) {
                snprintf(tmp, sizeof tmp, "&#%u;", (unsigned)cp);
            } else if (cp <= 0xFF) {
                snprintf(tmp, sizeof tmp, "\\x%02x", (unsigned)cp);
            } else if (cp <= 0xFFFF) {
                snprintf(tmp, sizeof tmp, "\\u%04x", (unsigned)cp);
            } else {
                snprintf(tmp, sizeof tmp, "\\U%08x", (unsigned)cp);
            }
            vm_buf_puts(out, tmp);
        }
        return true;
    case H_SURROGATEESCAPE:
        while (i < n) {
            size_t at = i;
            uint32_t cp = vm_unicode_decode(raw, n, &i);
            if (cp < 0xDC80 || cp > 0xDCFF) {
                size_t k = start + vm_unicode_count(raw, at);
                return encode_error(codec, cp, k, start + count, reason, err);
            }
            vm_buf_putc(out, (char)(cp - 0xDC00));
        }
        return true;
    case H_UNKNOWN:
        return unknown_handler(errors, errors_len, err);
    default:
        return encode_error(codec, first, start, start + count, reason, err);
    }
}

/*
 * str.encode (see header).
 */
bool
vm_codec_encode(VmCodec codec, const char *s, size_t len, const char *errors,
                size_t errors_len, VmBuf *out, VmLibError *err)
{
    Handler h = handler_of(errors, errors_len);
    const char *reason = codec == VM_CODEC_UTF8    ? "surrogates not allowed"
                         : codec == VM_CODEC_ASCII ? "ordinal not in range(128)"
                                                   : "ordinal not in range(256)";
    if (codec == VM_CODEC_UTF8 && h != H_SURROGATEPASS && !memmem(s, len, "\xed", 1)) {
        /* No encoded surrogate anywhere: the text is already the bytes. */
        return vm_buf_append(out, s, len) ? true : vm_lib_error_from_buf(err, out);
    }
    if (!vm_buf_reserve(out, len)) {
        return vm_lib_error_from_buf(err, out);
    }
    size_t i = 0, index = 0;
    while (i < len) {
        size_t at = i;
        uint32_t cp = vm_unicode_decode(s, len, &i);
        if (encodable(codec, cp, h)) {
            put_encoded(codec, cp, s + at, i - at, out);
            index++;
            continue;
        }
        /* Collect the run of characters this codec cannot encode. */
        size_t run_end = i, count = 1;
        while (run_end < len) {
            size_t q = run_end;
            uint32_t c2 = vm_unicode_decode(s, len, &q);
            if (encodable(codec, c2, h)) {
                break;
            }
            run_end = q;
            count++;
        }
        if (!encode_handle(h, codec, s + at, run_end - at, index, count, reason, errors,
                           errors_len, out, err)) {
            return false;
        }
        index += count;
        i = run_end;
    }
    return out->failed ? vm_lib_error_from_buf(err, out) : true;
}

/*
 * repr(bytes) (see header).
 */
bool
vm_bytes_repr(const char *data, size_t len, VmBuf *out)
{
    bool sq = memchr(data, '\'', len) != NULL;
    bool dq = memchr(data, '"', len) != NULL;
    char quote = (sq && !dq) ? '"' : '\'';
    if (!vm_buf_reserve(out, len + 3)) {
        return false;
    }
    vm_buf_putc(out, 'b');
    vm_buf_putc(out, quote);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)data[i];
        char tmp[5];
        if (c == (unsigned char)quote || c == '\\') {
            tmp[0] = '\\';
            tmp[1] = (char)c;
            vm_buf_append(out, tmp, 2);
        } else if (c == '\t') {
            vm_buf_append(out, "\\t", 2);
        } else if (c == '\n') {
            vm_buf_append(out, "\\n", 2);
        } else if (c == '\r') {
            vm_buf_append(out, "\\r", 2);
        } else if (c < 0x20 || c >= 0x7F) {
            snprintf(tmp, sizeof tmp, "\\x%02x", c);
            vm_buf_append(out, tmp, 4);
        } else {
            vm_buf_putc(out, (char)c);
        }
    }
    vm_buf_putc(out, quote);
    return !out->failed;
}

/*
 * bytes.hex separator check (see header).
 */
bool
vm_bytes_hex_sep(const char *sep, size_t sep_len, char *out, VmLibError *err)
{
    if (sep_len == 0 || vm_unicode_count(sep, sep_len) != 1) {
        return vm_lib_error_set(err, VM_LIB_VALUE_ERROR, "sep must be length 1.");
    }
    if ((unsigned char)sep[0] >= 0x80) {
        return vm_lib_error_set(err, VM_LIB_VALUE_ERROR, "sep must be ASCII.");
    }
    *out = sep[0];
    return true;
}

/*
 * bytes.hex (see header).
 */
bool
vm_bytes_hex(const char *data, size_t len, char sep, int64_t bytes_per_sep, VmBuf *out)
{
    static const char hexd[] = "0123456789abcdef";
    uint64_t group = bytes_per_sep < 0 ? (uint64_t)0 - (uint64_t)bytes_per_sep
                                       : (uint64_t)bytes_per_sep;
    bool use_sep = sep != 0 && group != 0 && len > 0;
    size_t nsep = use_sep ? (size_t)((len - 1) / group) : 0;
    if (len > SIZE_MAX / 4 || !vm_buf_reserve(out, 2 * len + nsep)) {
        return false;
    }
    for (size_t i = 0; i < len; i++) {
        if (use_sep && i > 0) {
            /* From the right: a separator where the count of bytes left is
             * a multiple of the group; from the left: after each group. */
            bool at = bytes_per_sep > 0 ? (len - i) % group == 0 : i % group == 0;
            if (at) {
                vm_buf_putc(out, sep);
            }
        }
        unsigned char c = (unsigned char)data[i];
        vm_buf_putc(out, hexd[c >> 4]);
        vm_buf_putc(out, hexd[c & 15]);
    }
    return !out->failed;
}

/*
 * bytes.fromhex (see header).
 */
bool
vm_bytes_fromhex(const char *s, size_t len, VmBuf *out, VmLibError *err)
{
    size_t i = 0;
    if (!vm_buf_reserve(out, len / 2)) {
        return vm_lib_error_from_buf(err, out);
    }
    while (i < len) {
        while (i < len && (s[i] == ' ' || (s[i] >= '\t' && s[i] <= '\r'))) {
            i++;
        }
        if (i >= len) {
            break;
        }
        int hi = hexval(s[i]);
        if (hi < 0) {
            goto bad;
        }
        if (i + 1 >= len || hexval(s[i + 1]) < 0) {
            i++;
            goto bad;
        }
        vm_buf_putc(out, (char)(hi * 16 + hexval(s[i + 1])));
        i += 2;
    }
    return out->failed ? vm_lib_error_from_buf(err, out) : true;
bad:
    return vm_lib_error_set(err, VM_LIB_VALUE_ERROR,
                            "non-hexadecimal number found in fromhex() arg at position %zu",
                            vm_unicode_count(s, i));
}
