/*
 * mod_heapq.c — the heapq module: heap operations on a list with CPython's sift order
 * (a heap prints the same), nlargest/nsmallest (stable, as CPython's) and merge. All
 * are prelude functions ("_hq_*"): comparisons may run script code (contract 2).
 */
#include "vm/modules.h"

static const VmModuleMember members[] = {
    VM_MEMBER_P("heapify", "_hq_heapify"),
    VM_MEMBER_P("heappop", "_hq_heappop"),
    VM_MEMBER_P("heappush", "_hq_heappush"),
    VM_MEMBER_P("heappushpop", "_hq_heappushpop"),
    VM_MEMBER_P("heapreplace", "_hq_heapreplace"),
    VM_MEMBER_P("merge", "_hq_merge"),
    VM_MEMBER_P("nlargest", "_hq_nlargest"),
    VM_MEMBER_P("nsmallest", "_hq_nsmallest"),
};

VM_MODULE_DEF(heapq, "heapq", members);
