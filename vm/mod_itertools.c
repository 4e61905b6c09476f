/*
 * mod_itertools.c — the itertools module. Every function consumes iterables that may
 * run Python code (generators, key and predicate functions), so all of them are
 * generators of the prelude (vm/prelude/prelude.py, "_it_*"): they suspend at external
 * calls like any script code (contract 2). Results match CPython's; tee() buffers its
 * whole input first.
 */
#include "vm/modules.h"

static const VmModuleMember chain_attrs[] = {
    VM_MEMBER_P("from_iterable", "_it_chain_from_iterable"),
};

VM_MODCLASS_DEF(chain_class, "itertools.chain", "_it_chain", chain_attrs);

static const VmModuleMember members[] = {
    VM_MEMBER_P("accumulate", "_it_accumulate"),
    VM_MEMBER_P("batched", "_it_batched"),
    VM_MEMBER_O("chain", &chain_class),
    VM_MEMBER_P("combinations", "_it_combinations"),
    VM_MEMBER_P("combinations_with_replacement", "_it_combinations_with_replacement"),
    VM_MEMBER_P("compress", "_it_compress"),
    VM_MEMBER_P("count", "_it_count"),
    VM_MEMBER_P("cycle", "_it_cycle"),
    VM_MEMBER_P("dropwhile", "_it_dropwhile"),
    VM_MEMBER_P("filterfalse", "_it_filterfalse"),
    VM_MEMBER_P("groupby", "_it_groupby"),
    VM_MEMBER_P("islice", "_it_islice"),
    VM_MEMBER_P("pairwise", "_it_pairwise"),
    VM_MEMBER_P("permutations", "_it_permutations"),
    VM_MEMBER_P("product", "_it_product"),
    VM_MEMBER_P("repeat", "_it_repeat"),
    VM_MEMBER_P("starmap", "_it_starmap"),
    VM_MEMBER_P("takewhile", "_it_takewhile"),
    VM_MEMBER_P("tee", "_it_tee"),
    VM_MEMBER_P("zip_longest", "_it_zip_longest"),
};

VM_MODULE_DEF(itertools, "itertools", members);
