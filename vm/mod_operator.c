/*
 * mod_operator.c — the operator module: the operators as functions, itemgetter,
 * attrgetter and methodcaller. All are prelude functions ("_op_*"): the getters return
 * closures (monty has no classes) and every function may run script code (a key
 * function, a comparison), so it must be able to suspend (contract 2).
 */
#include "vm/modules.h"

static const VmModuleMember members[] = {
    VM_MEMBER_P("abs", "_op_abs"),
    VM_MEMBER_P("add", "_op_add"),
    VM_MEMBER_P("and_", "_op_and_"),
    VM_MEMBER_P("attrgetter", "_op_attrgetter"),
    VM_MEMBER_P("call", "_op_call"),
    VM_MEMBER_P("concat", "_op_concat"),
    VM_MEMBER_P("contains", "_op_contains"),
    VM_MEMBER_P("countOf", "_op_countOf"),
    VM_MEMBER_P("delitem", "_op_delitem"),
    VM_MEMBER_P("eq", "_op_eq"),
    VM_MEMBER_P("floordiv", "_op_floordiv"),
    VM_MEMBER_P("ge", "_op_ge"),
    VM_MEMBER_P("getitem", "_op_getitem"),
    VM_MEMBER_P("gt", "_op_gt"),
    VM_MEMBER_P("iadd", "_op_iadd"),
    VM_MEMBER_P("iconcat", "_op_iconcat"),
    VM_MEMBER_P("imul", "_op_imul"),
    VM_MEMBER_P("index", "_op_index"),
    VM_MEMBER_P("indexOf", "_op_indexOf"),
    VM_MEMBER_P("inv", "_op_inv"),
    VM_MEMBER_P("is_", "_op_is_"),
    VM_MEMBER_P("is_none", "_op_is_none"),
    VM_MEMBER_P("is_not", "_op_is_not"),
    VM_MEMBER_P("is_not_none", "_op_is_not_none"),
    VM_MEMBER_P("isub", "_op_isub"),
    VM_MEMBER_P("itemgetter", "_op_itemgetter"),
    VM_MEMBER_P("le", "_op_le"),
    VM_MEMBER_P("lshift", "_op_lshift"),
    VM_MEMBER_P("lt", "_op_lt"),
    VM_MEMBER_P("methodcaller", "_op_methodcaller"),
    VM_MEMBER_P("mod", "_op_mod"),
    VM_MEMBER_P("mul", "_op_mul"),
    VM_MEMBER_P("ne", "_op_ne"),
    VM_MEMBER_P("neg", "_op_neg"),
    VM_MEMBER_P("not_", "_op_not_"),
    VM_MEMBER_P("or_", "_op_or_"),
    VM_MEMBER_P("pos", "_op_pos"),
    VM_MEMBER_P("pow", "_op_pow"),
    VM_MEMBER_P("rshift", "_op_rshift"),
    VM_MEMBER_P("setitem", "_op_setitem"),
    VM_MEMBER_P("sub", "_op_sub"),
    VM_MEMBER_P("truediv", "_op_truediv"),
    VM_MEMBER_P("truth", "_op_truth"),
    VM_MEMBER_P("xor", "_op_xor"),
};

VM_MODULE_DEF(operator, "operator", members);
