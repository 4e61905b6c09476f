/*
 * mod_functools.c — the functools module: reduce, partial, cache/lru_cache (an
 * unbounded memo: eviction order is invisible to results), wraps and total_ordering
 * (no-ops: monty has no function attributes or classes), cmp_to_key (a key that
 * sorted/list.sort/min/max recognise: see the prelude). All are prelude functions
 * ("_ft_*") since they call Python code (contract 2).
 */
#include "vm/modules.h"

static const VmModuleMember members[] = {
    VM_MEMBER_P("cache", "_ft_cache"),
    VM_MEMBER_P("cmp_to_key", "_ft_cmp_to_key"),
    VM_MEMBER_P("lru_cache", "_ft_lru_cache"),
    VM_MEMBER_P("partial", "_ft_partial"),
    VM_MEMBER_P("reduce", "_ft_reduce"),
    VM_MEMBER_P("total_ordering", "_ft_identity"),
    VM_MEMBER_P("wraps", "_ft_wraps"),
};

VM_MODULE_DEF(functools, "functools", members);
