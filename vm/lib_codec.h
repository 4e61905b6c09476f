/*
 * lib_codec.h - bytes.decode / str.encode for the codecs monty supports
 * (utf-8, ascii, latin-1 and their aliases) with CPython's error handlers
 * (strict, ignore, replace, backslashreplace, xmlcharrefreplace,
 * surrogateescape, surrogatepass) and its exact messages:
 *   'utf-8' codec can't decode byte 0xff in position 2: invalid start byte
 *   'utf-8' codec can't decode bytes in position 0-1: unexpected end of data
 *   'ascii' codec can't encode character '\xe9' in position 1: ordinal not in range(128)
 *   'utf-8' codec can't encode characters in position 0-1: surrogates not allowed
 *   unknown encoding: foo            (LookupError)
 *   unknown error handler name 'x'   (LookupError, raised only when an error occurs)
 * Strs are monty's internal UTF-8 (lone surrogates as 3-byte sequences, see
 * unicode.h); decoding appends that form to `out`, encoding appends bytes.
 */
#ifndef MONTY_VM_LIB_CODEC_H
#define MONTY_VM_LIB_CODEC_H

#include <stdbool.h>
#include <stddef.h>

#include "vm/lib_buf.h"
#include "vm/lib_err.h"

typedef enum VmCodec {
    VM_CODEC_UTF8,
    VM_CODEC_ASCII,
    VM_CODEC_LATIN1,
} VmCodec;

/*
 * Resolve an encoding name as CPython normalises it ('UTF8', 'utf_8',
 * 'Latin-1', 'us-ascii', ...).  LookupError "unknown encoding: NAME".
 */
bool
vm_codec_lookup(const char *name, size_t len, VmCodec *out, VmLibError *err);

/*
 * The codec's canonical name as used in messages ('utf-8', 'ascii',
 * 'latin-1').
 */
const char *
vm_codec_name(VmCodec codec);

/*
 * bytes.decode(codec, errors): `errors` is the handler name (NULL means
 * "strict").
 */
bool
vm_codec_decode(VmCodec codec, const char *data, size_t len, const char *errors,
                size_t errors_len, VmBuf *out, VmLibError *err);

/*
 * str.encode(codec, errors).
 */
bool
vm_codec_encode(VmCodec codec, const char *s, size_t len, const char *errors,
                size_t errors_len, VmBuf *out, VmLibError *err);

/*
 * repr(bytes): b'...' with CPython's quote choice and \t \n \r \\ \xNN
 * escapes.
 */
bool
vm_bytes_repr(const char *data, size_t len, VmBuf *out);

/*
 * bytes.hex(sep, bytes_per_sep): sep is one ASCII character or 0 for none;
 * bytes_per_sep > 0 groups from the right, < 0 from the left.  Check the
 * sep argument first with vm_bytes_hex_sep ("sep must be length 1.",
 * "sep must be ASCII.").
 */
bool
vm_bytes_hex(const char *data, size_t len, char sep, int64_t bytes_per_sep, VmBuf *out);
bool
vm_bytes_hex_sep(const char *sep, size_t sep_len, char *out, VmLibError *err);

/*
 * bytes.fromhex(s): pairs of hex digits, ASCII whitespace between pairs.
 * ValueError "non-hexadecimal number found in fromhex() arg at position N".
 */
bool
vm_bytes_fromhex(const char *s, size_t len, VmBuf *out, VmLibError *err);

#endif
