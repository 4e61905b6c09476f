/*
 * mod_bisect.c — the bisect module (with key=, 3.10+). Prelude functions ("_bs_*"):
 * comparisons and key functions may run script code (contract 2).
 */
#include "vm/modules.h"

static const VmModuleMember members[] = {
    VM_MEMBER_P("bisect", "_bs_right"),
    VM_MEMBER_P("bisect_left", "_bs_left"),
    VM_MEMBER_P("bisect_right", "_bs_right"),
    VM_MEMBER_P("insort", "_bs_insort_right"),
    VM_MEMBER_P("insort_left", "_bs_insort_left"),
    VM_MEMBER_P("insort_right", "_bs_insort_right"),
};

VM_MODULE_DEF(bisect, "bisect", members);
