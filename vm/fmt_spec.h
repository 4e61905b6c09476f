/*
 * fmt_spec.h - CPython's format-spec mini-language: parsing, and applying a
 * spec to str, int (int64 and libtommath big ints) and float values.
 *
 *   format_spec ::= [[fill]align][sign]["z"]["#"]["0"][width][grouping]["." precision][type]
 *
 * This is format(value, spec) / f"{value:spec}" / str.format for the three
 * built-in kinds; the messages of every ValueError are CPython 3.13's.  The
 * VM handles the empty spec itself (format(x, '') is str(x)) but every
 * entry point here also accepts it.
 *
 * Results are appended to a caller VmBuf (UTF-8).  Before allocating, the
 * total size is computed, so a VmBuf `max` cap refuses a width of 10**9
 * without touching memory; vm_fmt_spec_size_hint gives the same bound up
 * front.  `type_name` is the Python type name used in messages ('int',
 * 'bool', 'float', 'str').  Inputs are borrowed; nothing is retained.
 */
#ifndef MONTY_VM_FMT_SPEC_H
#define MONTY_VM_FMT_SPEC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <tommath.h>

#include "vm/lib_buf.h"
#include "vm/lib_err.h"

/* A parsed format spec (CPython's InternalFormatSpec). */
typedef struct VmFmtSpec {
    uint32_t fill;          /* fill code point, ' ' by default */
    char align;             /* '<' '>' '^' '=' */
    char sign;              /* 0, '+', '-', ' ' */
    bool no_neg_0;          /* 'z' */
    bool alternate;         /* '#' */
    bool fill_zero;         /* the fill came from the '0' flag or explicit '0' */
    int64_t width;          /* -1 when absent */
    char thousands;         /* 0, ',' or '_' */
    int group;              /* digits per group: 3, or 4 for '_' with b/o/x/X */
    int64_t precision;      /* -1 when absent */
    uint32_t type;          /* presentation type code point, 0 when absent */
} VmFmtSpec;

/*
 * Parse `spec` (UTF-8, `len` bytes).  default_type is the type when none is
 * given (0 for float, 'd' for int, 's' for str); default_align is '>' for
 * numbers and '<' for str.  Validation that does not depend on the value
 * kind (',' with 'x', missing precision, trailing junk) happens here.
 */
bool
vm_fmt_spec_parse(const char *spec, size_t len, uint32_t default_type, char default_align,
                  const char *type_name, VmFmtSpec *out, VmLibError *err);

/*
 * An upper bound in bytes of what applying `spec` to a value whose plain
 * text is `body_len` bytes can produce (width * fill size + body + grouping).
 * The VM compares it with its memory budget before formatting.
 */
size_t
vm_fmt_spec_size_hint(const VmFmtSpec *spec, size_t body_len);

/*
 * format(s, spec) for str: s is UTF-8 of `len` bytes.
 */
bool
vm_fmt_spec_apply_str(const VmFmtSpec *spec, const char *s, size_t len, const char *type_name,
                      VmBuf *out, VmLibError *err);

/*
 * format(v, spec) for a machine-size int (also bool with type_name "bool").
 * Float presentation types convert to float first.
 */
bool
vm_fmt_spec_apply_i64(const VmFmtSpec *spec, int64_t v, const char *type_name, VmBuf *out,
                      VmLibError *err);

/*
 * format(v, spec) for a big int.  Float types convert with correct rounding
 * (OverflowError "int too large to convert to float").
 */
bool
vm_fmt_spec_apply_big(const VmFmtSpec *spec, const mp_int *v, const char *type_name,
                      VmBuf *out, VmLibError *err);

/*
 * format(x, spec) for float.
 */
bool
vm_fmt_spec_apply_float(const VmFmtSpec *spec, double x, const char *type_name, VmBuf *out,
                        VmLibError *err);

/*
 * Convenience: parse + apply in one call (the spec text as written).
 */
bool
vm_fmt_format_str(const char *spec, size_t spec_len, const char *s, size_t len, VmBuf *out,
                  VmLibError *err);
bool
vm_fmt_format_i64(const char *spec, size_t spec_len, int64_t v, const char *type_name,
                  VmBuf *out, VmLibError *err);
bool
vm_fmt_format_big(const char *spec, size_t spec_len, const mp_int *v, VmBuf *out,
                  VmLibError *err);
bool
vm_fmt_format_float(const char *spec, size_t spec_len, double x, VmBuf *out, VmLibError *err);

/*
 * The common tail of number formatting (CPython's calc_number_widths +
 * fill_number): lay out
 *   <lpad><sign><prefix><spad><grouped digits><decimal point><remainder><rpad>
 * `digits` are the integer-part digits that get grouped (may be empty),
 * `has_decimal` adds a '.', `remainder` follows it (fraction, exponent,
 * '%', or the character for 'c').  `upper` upper-cases prefix and digits
 * ('X').  Shared with %-formatting.
 */
bool
vm_fmt_spec_fill_number(const VmFmtSpec *spec, char sign_char, const char *prefix,
                        size_t n_prefix, const char *digits, size_t n_digits, bool has_decimal,
                        const char *remainder, size_t n_remainder, bool upper, VmBuf *out,
                        VmLibError *err);

#endif
