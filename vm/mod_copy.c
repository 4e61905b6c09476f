/*
 * mod_copy.c — the copy module: copy and deepcopy of the values a script can make
 * (containers rebuilt with their own type; immutable values returned as they are; a
 * memo keeps shared and cyclic references shared). Prelude functions ("_cp_*").
 */
#include "vm/modules.h"

static const VmModuleMember members[] = {
    VM_MEMBER_P("copy", "_cp_copy"),
    VM_MEMBER_P("deepcopy", "_cp_deepcopy"),
};

VM_MODULE_DEF(copy, "copy", members);
