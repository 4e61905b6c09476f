/*
 * modules.h — the stdlib modules a script may import (DESIGN.md contract 5: import
 * works for these only) and the module object type.
 *
 * A module is an immortal, read-only object shared by every run: a name and a table
 * of members. Members are natives, types and constants defined in C (vm/mod_<name>.c)
 * or functions of the prelude (vm/prelude/prelude.py, section "stdlib modules"),
 * used where the module runs Python code (key functions, callbacks, generators) and
 * so must be able to suspend (contract 2). Attribute values are made on each access
 * (a constant str is a new object each time); functions and types are the same
 * object every time. Modules hold no run state, so a paused run that refers to one
 * needs nothing special in a snapshot.
 */
#ifndef MONTY_VM_MODULES_H
#define MONTY_VM_MODULES_H

#include <stddef.h>
#include <stdint.h>

#include "vm/vm_int.h"

typedef enum VmMemberKind {
    VM_MEMBER_BUILTIN,      /* ptr: const VmBuiltin * */
    VM_MEMBER_TYPE,         /* ptr: const VmType * */
    VM_MEMBER_OBJ,          /* ptr: another immortal object (a module, a singleton) */
    VM_MEMBER_PRELUDE,      /* str: name of a prelude function */
    VM_MEMBER_FLOAT,        /* f */
    VM_MEMBER_INT,          /* i */
    VM_MEMBER_BOOL,         /* i */
    VM_MEMBER_NONE,
    VM_MEMBER_STR,          /* str (UTF-8, NUL-terminated) */
} VmMemberKind;

typedef struct VmModuleMember {
    const char *name;
    VmMemberKind kind;
    const void *ptr;
    const char *str;
    double f;
    int64_t i;
} VmModuleMember;

/* Initialisers for member tables. */
#define VM_MEMBER_B(n, b) { (n), VM_MEMBER_BUILTIN, (b), NULL, 0, 0 }
#define VM_MEMBER_T(n, t) { (n), VM_MEMBER_TYPE, (t), NULL, 0, 0 }
#define VM_MEMBER_O(n, o) { (n), VM_MEMBER_OBJ, (o), NULL, 0, 0 }
#define VM_MEMBER_P(n, p) { (n), VM_MEMBER_PRELUDE, NULL, (p), 0, 0 }
#define VM_MEMBER_F(n, x) { (n), VM_MEMBER_FLOAT, NULL, NULL, (x), 0 }
#define VM_MEMBER_I(n, x) { (n), VM_MEMBER_INT, NULL, NULL, 0, (x) }
#define VM_MEMBER_BOOL_(n, x) { (n), VM_MEMBER_BOOL, NULL, NULL, 0, (x) }
#define VM_MEMBER_NONE_(n) { (n), VM_MEMBER_NONE, NULL, NULL, 0, 0 }
#define VM_MEMBER_S(n, s) { (n), VM_MEMBER_STR, NULL, (s), 0, 0 }

/*
 * A prelude-backed callable with attributes of its own (itertools.chain and its
 * from_iterable): calling it runs the prelude function `prelude` in VM frames.
 */
typedef struct VmModClass {
    VmObj hdr;
    const char *qualname;   /* "itertools.chain", for repr */
    const char *prelude;
    const VmModuleMember *attrs;
    size_t nattrs;
} VmModClass;

extern const VmType vm_type_modclass;

#define VM_MODCLASS_DEF(cname, qual, pre, table) \
    static const VmModClass cname = { VM_IMMORTAL_HDR(&vm_type_modclass), (qual), (pre), \
                                      (table), sizeof(table) / sizeof((table)[0]) }

/* A module: immortal, defined statically by its mod_<name>.c. */
typedef struct VmModule {
    VmObj hdr;
    const char *name;
    const VmModuleMember *members;
    size_t nmembers;
} VmModule;

#define VM_MODULE_DEF(cname, pyname, table) \
    const VmModule vm_module_##cname = { VM_IMMORTAL_HDR(&vm_type_module), (pyname), (table), \
                                         sizeof(table) / sizeof((table)[0]) }

extern const VmType vm_type_module;

/* Exception classes defined by modules (their slots are exc.c's). */
extern const VmType vm_exc_JSONDecodeError;   /* json.JSONDecodeError(ValueError) */
extern const VmType vm_exc_PatternError;      /* re.error / re.PatternError(Exception) */
extern const VmType vm_exc_StatisticsError;   /* statistics.StatisticsError(ValueError) */

/*
 * vm_module_import: IMPORT_NAME. *out = the module called `name` (a dotted name gives
 * its top package, as CPython does for `import a.b`). ModuleNotFoundError if monty
 * has no such module.
 */
VmStatus vm_module_import(VmRun *run, VmStr *name, VmValue *out);

/*
 * vm_module_import_from: IMPORT_FROM. *out = module.name; ImportError
 * "cannot import name ..." when the module has no such member.
 */
VmStatus vm_module_import_from(VmRun *run, VmValue module, VmStr *name, VmValue *out);

/*
 * vm_module_binop: a binary operator on types defined by modules (datetime's date,
 * datetime and timedelta); ops.c calls it before reporting unsupported operands.
 * *out is EMPTY when it does not apply.
 */
VmStatus vm_module_binop(VmRun *run, int op, VmValue a, VmValue b, VmValue *out);

/*
 * vm_module_unaryop: -x, +x (op VM_UOP_NEG / VM_UOP_POS) and abs(x) (op
 * VM_MODULE_ABS) on module-defined types (timedelta, Counter); ops.c and abs() call
 * it before reporting a bad operand type. *out is EMPTY when it does not apply.
 */
#define VM_MODULE_ABS (-1)
VmStatus vm_module_unaryop(VmRun *run, int op, VmValue a, VmValue *out);

/*
 * vm_coll_counter_binop: Counter + - | & Counter and unary + - (b EMPTY), as
 * CPython's collections.Counter (results keep positive counts only). *out is EMPTY
 * when `a` (and `b`) are not Counters.
 */
VmStatus vm_coll_counter_binop(VmRun *run, int op, VmValue a, VmValue b, VmValue *out);

/*
 * vm_module_type_of: type(v) for values whose class is an object rather than a
 * VmType (a namedtuple instance's class); EMPTY for every other value.
 */
VmValue vm_module_type_of(VmValue v);

/*
 * vm_coll_struct_new: a namedtuple-like value (what CPython's struct sequences print
 * like: date.isocalendar() -> datetime.IsoCalendarDate(year=..., ...)) of class
 * `clsname` with `n` fields named `fields` holding `values`.
 */
VmStatus vm_coll_struct_new(VmRun *run, const char *clsname, const char *const *fields,
                            const VmValue *values, size_t n, VmValue *out);

/* vm_module_tuple_of: a namedtuple instance's values (a tuple); NULL for other values. */
VmTuple *vm_module_tuple_of(VmValue v);

/* vm_module_is_class: whether `v` is such a class object (isinstance's arg 2). */
bool vm_module_is_class(VmValue v);

/*
 * vm_module_format: format(v, spec) with a non-empty spec for module-defined types
 * (date/datetime: strftime, as their __format__). *out is EMPTY when it does not apply.
 */
VmStatus vm_module_format(VmRun *run, VmValue v, VmStr *spec, VmValue *out);

/*
 * vm_module_member_name: the i-th member name of the module called `module` (NULL past
 * the end or for an unknown module): "Did you mean" suggestions in tracebacks.
 */
const char *vm_module_member_name(const char *module, size_t len, size_t i);

/* vm_module_import_star: IMPORT_STAR. Binds every public member into `globals`. */
VmStatus vm_module_import_star(VmRun *run, VmValue module, VmDict *globals);

/* vm_module_at: the i-th supported module, NULL past the end (for snapshots). */
const VmModule *vm_module_at(size_t i);

#endif /* MONTY_VM_MODULES_H */
