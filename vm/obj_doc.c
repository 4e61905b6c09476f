/*
 * obj_doc.c — `f.__doc__`: the docstring as CPython 3.13 stores it. Since 3.13 the
 * compiler removes the indentation of docstrings: tabs are expanded (to 8 columns),
 * the first line loses its leading spaces, and the following lines lose the smallest
 * indentation found among their non-blank lines. monty's compiler keeps the literal
 * text, so the cleaning is done here, when the attribute is read.
 */
#include <string.h>

#include "vm/vm_int.h"

/* Appends s[0..n) with tabs expanded to 8 columns (columns count code points). */
static void
expand_tabs(VmStrBuf *b, const char *s, size_t n)
{
    size_t col = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\t') {
            size_t pad = 8 - col % 8;
            for (size_t k = 0; k < pad; k++) {
                vm_sb_add(b, " ", 1);
            }
            col += pad;
            continue;
        }
        vm_sb_add(b, (const char *)&s[i], 1);
        if (c == '\n' || c == '\r') {
            col = 0;
        } else if ((c & 0xC0) != 0x80) {
            col++;
        }
    }
}

/*
 * vm_clean_doc: *out = the docstring `doc` (a str) cleaned as CPython 3.13's compiler
 * does (see the file comment); `doc` itself when nothing changes.
 */
VmStatus
vm_clean_doc(VmRun *run, VmValue doc, VmValue *out)
{
    *out = doc;
    if (!vm_is(doc, &vm_type_str)) {
        return VM_OK;
    }
    VmStrBuf t;
    vm_sb_init(&t, run);
    expand_tabs(&t, VM_AS(VmStr, doc)->data, VM_AS(VmStr, doc)->len);
    const char *p = t.data ? t.data : "", *end = p + t.len;
    /* the smallest indentation of the non-blank lines after the first */
    const char *q = p;
    while (q < end && *q++ != '\n') {
    }
    size_t margin = (size_t)-1;
    while (q < end) {
        const char *s = q;
        while (q < end && *q == ' ') {
            q++;
        }
        if (q < end && *q != '\n' && (size_t)(q - s) < margin) {
            margin = (size_t)(q - s);
        }
        while (q < end && *q++ != '\n') {
        }
    }
    if (margin == (size_t)-1) {
        margin = 0;
    }
    q = p;
    while (q < end && *q == ' ') {
        q++;
    }
    VmStrBuf b;
    vm_sb_init(&b, run);
    while (q < end) {
        char c = *q++;
        vm_sb_add(&b, &c, 1);
        if (c == '\n') {
            break;
        }
    }
    while (q < end) {
        for (size_t i = 0; i < margin && q < end && *q == ' '; i++) {
            q++;
        }
        while (q < end) {
            char c = *q++;
            vm_sb_add(&b, &c, 1);
            if (c == '\n') {
                break;
            }
        }
    }
    vm_sb_fini(&t);
    return vm_sb_to_str(&b, out);
}
