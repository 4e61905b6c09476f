/*
 * fmt_field.h - str.format / str.format_map template parsing, as CPython
 * 3.13's MarkupIterator and FieldNameIterator, with the values left to the
 * VM.
 *
 * The VM renders "template".format(*args, **kwargs) with a loop:
 *     VmFmtAuto autonum = {0};
 *     render(template, depth = 2):
 *         if depth <= 0: ValueError VM_FMT_MSG_RECURSION
 *         pos = 0
 *         while vm_fmt_field_next(t, len, &pos, out, &field, err) and field.present:
 *             vm_fmt_field_first(&field, &autonum, &ref, err)
 *             obj = ref.is_index ? args[ref.index] (IndexError via
 *                   vm_fmt_index_error) : kwargs[ref.key] (KeyError)
 *             p = ref.rest
 *             while vm_fmt_field_accessor(&field, &p, &acc, &more, err) and more:
 *                 obj = acc.is_attr ? getattr(obj, acc.name)
 *                     : obj[acc.is_index ? acc.index : acc.name as str]
 *             if field.conversion: vm_fmt_conversion_check, then str/repr/ascii
 *             spec = field.spec_needs_expanding ? render(spec, depth - 1) : spec
 *             out += format(obj, spec)
 * Literal text (with "{{" / "}}" unescaped) is appended to `out` by
 * vm_fmt_field_next.  All slices point into the template (borrowed).
 */
#ifndef MONTY_VM_FMT_FIELD_H
#define MONTY_VM_FMT_FIELD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "vm/lib_buf.h"
#include "vm/lib_err.h"

#define VM_FMT_MSG_RECURSION "Max string recursion exceeded"

/* One replacement field {name!conversion:spec}. */
typedef struct VmFmtField {
    bool present;               /* false: the template is exhausted */
    const char *name;           /* field name incl. accessors, e.g. "0.real[1]" */
    size_t name_len;
    uint32_t conversion;        /* 0, or the character after '!' */
    const char *spec;           /* raw format spec after ':' */
    size_t spec_len;
    bool spec_needs_expanding;  /* the spec holds nested {fields} */
} VmFmtField;

/* Automatic field numbering state, shared across nested specs; zero-init. */
typedef struct VmFmtAuto {
    int state;                  /* 0 unset, 1 automatic, 2 manual */
    int64_t next;
} VmFmtAuto;

/* Where a field's value starts: args[index] or kwargs[key]. */
typedef struct VmFmtArgRef {
    bool is_index;
    int64_t index;
    const char *key;
    size_t key_len;
    size_t rest;                /* offset in field->name of the accessors */
} VmFmtArgRef;

/* One accessor: .attr or [key] / [index]. */
typedef struct VmFmtAccessor {
    bool is_attr;
    bool is_index;              /* [digits]: an int subscript */
    int64_t index;
    const char *name;           /* attribute name or str key */
    size_t len;
} VmFmtAccessor;

/*
 * Append literal text to out and parse the next field (see the loop above).
 * ValueErrors: "Single '{' encountered in format string", "Single '}' ...",
 * "unexpected '{' in field name", "expected '}' before end of string",
 * "end of string while looking for conversion specifier", "expected ':'
 * after conversion specifier", "unmatched '{' in format spec".
 */
bool
vm_fmt_field_next(const char *s, size_t len, size_t *pos, VmBuf *out, VmFmtField *field,
                  VmLibError *err);

/*
 * Split off the first part of the field name and apply automatic
 * numbering ("cannot switch from manual field specification to automatic
 * field numbering" and the reverse; "Too many decimal digits in format
 * string").
 */
bool
vm_fmt_field_first(const VmFmtField *field, VmFmtAuto *autonum, VmFmtArgRef *ref,
                   VmLibError *err);

/*
 * Next accessor from offset *pos of the name; *more false when none is left.
 * ValueErrors: "Empty attribute in format string", "Missing ']' in format
 * string", "Only '.' or '[' may follow ']' in format field specifier".
 */
bool
vm_fmt_field_accessor(const VmFmtField *field, size_t *pos, VmFmtAccessor *acc, bool *more,
                      VmLibError *err);

/*
 * ValueError "Unknown conversion specifier x" unless conv is r, s or a.
 */
bool
vm_fmt_conversion_check(uint32_t conv, VmLibError *err);

/*
 * IndexError "Replacement index 2 out of range for positional args tuple".
 */
bool
vm_fmt_index_error(int64_t index, VmLibError *err);

#endif
