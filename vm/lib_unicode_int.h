/*
 * lib_unicode_int.h - tables shared inside the unicode helpers (not for other
 * files): generated facts in lib_unicode_tab.c (see lib_unicode_tab_gen.py).
 */
#ifndef MONTY_VM_LIB_UNICODE_INT_H
#define MONTY_VM_LIB_UNICODE_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct VmUnicodeRange {
    uint32_t lo, hi;
} VmUnicodeRange;

typedef struct VmUnicodeDigit {
    uint32_t cp;
    int value;
} VmUnicodeDigit;

/* A full case mapping of 1..3 code points. */
typedef struct VmUnicodeCaseEx {
    uint32_t cp;
    int n;
    uint32_t map[3];
} VmUnicodeCaseEx;

/* Indexes for vm_unicode_tab_case_ex. */
#define VM_UNICODE_TAB_UPPER 0
#define VM_UNICODE_TAB_LOWER 1
#define VM_UNICODE_TAB_TITLE 2
#define VM_UNICODE_TAB_FOLD  3

static inline bool
vm_unicode_in_ranges(const VmUnicodeRange *r, size_t n, uint32_t cp)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cp < r[mid].lo) {
            hi = mid;
        } else if (cp > r[mid].hi) {
            lo = mid + 1;
        } else {
            return true;
        }
    }
    return false;
}

int vm_unicode_category(uint32_t cp);
bool vm_unicode_tab_numeric(uint32_t cp);
bool vm_unicode_tab_upper(uint32_t cp);
bool vm_unicode_tab_lower(uint32_t cp);
bool vm_unicode_tab_cased(uint32_t cp);
bool vm_unicode_tab_case_ignorable(uint32_t cp);
bool vm_unicode_tab_xid_start(uint32_t cp);
bool vm_unicode_tab_xid_continue(uint32_t cp);
int vm_unicode_tab_digit(uint32_t cp);

/* The full mapping of cp when it differs from utf8proc's simple one. */
const VmUnicodeCaseEx *vm_unicode_tab_case_ex(int which, uint32_t cp);

#endif
