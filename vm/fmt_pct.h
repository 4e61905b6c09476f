/*
 * fmt_pct.h - printf-style formatting (`fmt % args`) as CPython 3.13's
 * PyUnicode_Format, split so the VM supplies the argument values.
 *
 * The VM drives a loop:
 *     size_t pos = 0;
 *     for (;;) {
 *         if (!vm_pct_next(fmt, len, &pos, is_mapping, out, &spec, err)) raise;
 *         if (spec.conv == 0) break;            // end of format ("%%" is literal)
 *         arg = spec.has_key ? mapping[spec.key] : next positional arg
 *         if (spec.width_star)  vm_pct_set_width(&spec, next int arg);
 *         if (spec.prec_star)   vm_pct_set_precision(&spec, next int arg);
 *         switch (vm_pct_kind(spec.conv)) {
 *         case VM_PCT_STR:   text = str()/repr()/ascii() of arg; vm_pct_apply_str
 *         case VM_PCT_INT:   int value of arg (int, bool, or float truncated for
 *                            %d/%i/%u only); vm_pct_apply_i64 / vm_pct_apply_big
 *         case VM_PCT_FLOAT: float value of arg; vm_pct_apply_float
 *         case VM_PCT_CHAR:  code point from int or 1-char str; vm_pct_apply_char
 *         default:           vm_pct_unsupported(fmt, len, &spec, err); raise
 *         }
 *     }
 * Arguments are fetched (and "not enough arguments" raised) before the
 * conversion character is checked, as CPython does.  The VM raises the
 * argument-shape errors with the VM_PCT_MSG_* texts below.
 */
#ifndef MONTY_VM_FMT_PCT_H
#define MONTY_VM_FMT_PCT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <tommath.h>

#include "vm/lib_buf.h"
#include "vm/lib_err.h"

/* TypeErrors the VM raises while fetching arguments (CPython's texts). */
#define VM_PCT_MSG_NOT_ENOUGH "not enough arguments for format string"
#define VM_PCT_MSG_NOT_ALL "not all arguments converted during string formatting"
#define VM_PCT_MSG_NEED_MAPPING "format requires a mapping"
#define VM_PCT_MSG_STAR "* wants int"
#define VM_PCT_MSG_CHAR "%c requires int or char"
#define VM_PCT_MSG_CHAR_RANGE "%c arg not in range(0x110000)"   /* OverflowError */
/* "%d format: a real number is required, not str": vm_pct_type_error. */

/* One parsed conversion specifier. */
typedef struct VmPctSpec {
    const char *key;        /* mapping key (borrowed from fmt) when has_key */
    size_t key_len;
    bool has_key;
    bool left;              /* '-' */
    bool plus;              /* '+' */
    bool blank;             /* ' ' */
    bool alt;               /* '#' */
    bool zero;              /* '0' */
    bool width_star;
    bool prec_star;
    int64_t width;          /* -1 when absent */
    int64_t precision;      /* -1 when absent */
    uint32_t conv;          /* conversion character; 0 at the end of fmt */
    size_t conv_pos;        /* byte offset of the conversion character */
} VmPctSpec;

/* What the VM must supply for a conversion. */
typedef enum VmPctKind {
    VM_PCT_UNSUPPORTED = 0,
    VM_PCT_STR,             /* s r a */
    VM_PCT_INT,             /* d i u o x X */
    VM_PCT_FLOAT,           /* e E f F g G */
    VM_PCT_CHAR,            /* c */
} VmPctKind;

/*
 * Copy literal text from fmt[*pos] up to the next conversion into out ("%%"
 * becomes '%') and parse that conversion into spec (spec->conv == 0 at the
 * end).  A '%' conversion with flags ("%5%") is reported as conv '%',
 * which vm_pct_kind calls unsupported, as CPython does after fetching its
 * argument.  args_are_mapping: the right operand is a mapping (CPython: not
 * a tuple/str and has __getitem__); a "%(key)" otherwise is TypeError
 * "format requires a mapping".  ValueErrors: "incomplete format",
 * "incomplete format key", "width too big", "precision too big".
 */
bool
vm_pct_next(const char *fmt, size_t len, size_t *pos, bool args_are_mapping, VmBuf *out,
            VmPctSpec *spec, VmLibError *err);

/*
 * The kind of value a conversion character needs.
 */
VmPctKind
vm_pct_kind(uint32_t conv);

/*
 * Resolve a '*' width (negative means left-justify) or precision (negative
 * means 0).
 */
void
vm_pct_set_width(VmPctSpec *spec, int64_t width);
void
vm_pct_set_precision(VmPctSpec *spec, int64_t precision);

/*
 * ValueError "unsupported format character 'z' (0x7a) at index 1".
 */
bool
vm_pct_unsupported(const char *fmt, size_t len, const VmPctSpec *spec, VmLibError *err);

/*
 * TypeError for a value of the wrong type: "%d format: a real number is
 * required, not str", "%x format: an integer is required, not float",
 * "must be real number, not str" (float conversions).
 */
bool
vm_pct_type_error(const VmPctSpec *spec, const char *type_name, VmLibError *err);

/*
 * Apply the spec to the value's text (already str()/repr()/ascii()).
 */
bool
vm_pct_apply_str(const VmPctSpec *spec, const char *s, size_t len, VmBuf *out,
                 VmLibError *err);

/*
 * Integer conversions (d i u o x X).
 */
bool
vm_pct_apply_i64(const VmPctSpec *spec, int64_t v, VmBuf *out, VmLibError *err);
bool
vm_pct_apply_big(const VmPctSpec *spec, const mp_int *v, VmBuf *out, VmLibError *err);

/*
 * Float conversions (e E f F g G).
 */
bool
vm_pct_apply_float(const VmPctSpec *spec, double x, VmBuf *out, VmLibError *err);

/*
 * %c with a code point (OverflowError when out of range).
 */
bool
vm_pct_apply_char(const VmPctSpec *spec, int64_t cp, VmBuf *out, VmLibError *err);

/* A value handed to vm_pct_format by the VM's callbacks. */
typedef enum VmPctArgKind {
    VM_PCT_ARG_INT,         /* i (also bool) */
    VM_PCT_ARG_BIG,         /* big */
    VM_PCT_ARG_FLOAT,       /* f */
    VM_PCT_ARG_STR,         /* s, len */
    VM_PCT_ARG_OTHER,       /* anything else: only %s %r %a accept it */
} VmPctArgKind;

typedef struct VmPctArg {
    VmPctArgKind kind;
    int64_t i;
    const mp_int *big;      /* borrowed */
    double f;
    const char *s;          /* borrowed UTF-8 */
    size_t len;
    const char *type_name;  /* for TypeError messages */
    void *handle;           /* the VM's value, passed back to `text` */
} VmPctArg;

/*
 * The VM's side of vm_pct_format.  next: the next positional argument
 * (false when none is left; for a single non-tuple right operand the VM
 * yields it once).  lookup: mapping[key] (false with err set, KeyError).
 * text: append str() / repr() / ascii() (conv 's', 'r', 'a') of arg.
 */
typedef struct VmPctOps {
    bool (*next)(void *ctx, VmPctArg *arg);
    bool (*lookup)(void *ctx, const char *key, size_t len, VmPctArg *arg, VmLibError *err);
    bool (*text)(void *ctx, const VmPctArg *arg, uint32_t conv, VmBuf *out, VmLibError *err);
} VmPctOps;

/*
 * The whole `fmt % args` with the argument rules of PyUnicode_Format:
 * '*' takes ints, %d/%i/%u truncate floats, %x/%o need ints, %c takes an int
 * or a one-character str, leftover positional arguments are TypeError "not
 * all arguments converted during string formatting" unless args_are_mapping.
 */
bool
vm_pct_format(const char *fmt, size_t len, bool args_are_mapping, const VmPctOps *ops, void *ctx,
              VmBuf *out, VmLibError *err);

#endif
