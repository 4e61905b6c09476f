/*
 * obj_misc.c — object, type, None, bool, Ellipsis and NotImplemented.
 */
#include <stdio.h>
#include <string.h>

#include "vm/vm_int.h"

static VmStatus
default_repr(VmRun *run, VmValue self, VmValue *out)
{
    VmStrBuf b;
    vm_sb_init(&b, run);
    vm_sb_printf(&b, "<%s object at 0x%llx>", vm_type_name(self),
                  (unsigned long long)(uintptr_t)self.u.o);
    return vm_sb_to_str(&b, out);
}

const VmType vm_type_object = {
    VM_IMMORTAL_HDR(&vm_type_type), .name = "object", .base = NULL, .repr = default_repr,
};

static VmStatus
type_repr(VmRun *run, VmValue self, VmValue *out)
{
    const VmType *t = (const VmType *)self.u.o;
    VmStrBuf b;
    vm_sb_init(&b, run);
    vm_sb_printf(&b, "<class '%s'>", t->name);
    return vm_sb_to_str(&b, out);
}

static VmStatus
type_call(VmRun *run, VmValue self, VmValue *args, size_t nargs, VmTuple *kwnames,
          VmValue *out)
{
    const VmType *t = (const VmType *)self.u.o;
    if (t->new_ == NULL) {
        return vm_raise(run, &vm_exc_TypeError, "cannot create '%s' instances", t->name);
    }
    return t->new_(run, t, args, nargs, kwnames, out);
}

/*
 * vm_type_classmethod: the class method `name` of the built-in type t (dict.fromkeys,
 * bytes.fromhex, ...), or NULL. It is found the same on the type and on an instance
 * ({}.fromkeys), and is never bound to the instance: the type is implied by the builtin.
 * Exact types only: bool.from_bytes would have to build a bool, which the builtin can't.
 */
const VmBuiltin *
vm_type_classmethod(const VmType *t, VmStr *name)
{
    extern const VmBuiltin vm_dict_fromkeys_b, vm_bytes_fromhex_b;
    extern const VmBuiltin vm_int_from_bytes_b, vm_float_fromhex_b, vm_str_maketrans_b;
    if (t == &vm_type_bytes && vm_str_eq_cstr(name, "fromhex")) {
        return &vm_bytes_fromhex_b;
    }
    if (t == &vm_type_str && vm_str_eq_cstr(name, "maketrans")) {
        return &vm_str_maketrans_b;
    }
    if (t == &vm_type_int && vm_str_eq_cstr(name, "from_bytes")) {
        return &vm_int_from_bytes_b;
    }
    if (t == &vm_type_float && vm_str_eq_cstr(name, "fromhex")) {
        return &vm_float_fromhex_b;
    }
    if (t == &vm_type_dict && vm_str_eq_cstr(name, "fromkeys")) {
        return &vm_dict_fromkeys_b;
    }
    return NULL;
}

static VmStatus
type_getattr(VmRun *run, VmValue self, VmStr *name, VmValue *out)
{
    const VmType *t = (const VmType *)self.u.o;
    *out = vm_val_empty();
    if (vm_str_eq_cstr(name, "__name__") || vm_str_eq_cstr(name, "__qualname__")) {
        /* "collections.defaultdict" is the type's name for repr; __name__ drops the
         * module, as CPython's tp_name convention does */
        const char *dot = strrchr(t->name, '.');
        const char *nm = dot ? dot + 1 : t->name;
        *out = vm_str_val(run, nm, strlen(nm));
        return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
    }
    const VmBuiltin *cm = vm_type_classmethod(t, name);
    if (cm != NULL) {
        *out = vm_obj_val(cm);
        return VM_OK;
    }
    for (const VmType *k = t; k != NULL; k = k->base) {
        for (const VmBuiltin *const *m = k->methods; m && *m; m++) {
            if (vm_str_eq_cstr(name, (*m)->name)) {
                *out = vm_obj_val(*m);
                return VM_OK;
            }
        }
    }
    return VM_OK;
}

static VmStatus
type_hash(VmRun *run, VmValue self, int64_t *out)
{
    *out = (int64_t)((uintptr_t)self.u.o >> 4);
    return VM_OK;
}

VmStatus vm_type_new(VmRun *run, const VmType *t, VmValue *args, size_t nargs,
                     VmTuple *kwnames, VmValue *out);

const VmType vm_type_type = {
    VM_IMMORTAL_HDR(&vm_type_type), .name = "type", .base = &vm_type_object,
    .repr = type_repr, .call = type_call, .getattr = type_getattr, .hash = type_hash,
    .new_ = vm_type_new,
};

static VmStatus
none_repr(VmRun *run, VmValue self, VmValue *out)
{
    *out = vm_str_val(run, "None", 4);
    return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
}

static VmStatus
none_hash(VmRun *run, VmValue self, int64_t *out)
{
    *out = 0xFCA86420;
    return VM_OK;
}

static VmStatus
false_bool(VmRun *run, VmValue self, bool *out)
{
    *out = false;
    return VM_OK;
}

const VmType vm_type_none = {
    VM_IMMORTAL_HDR(&vm_type_type), .name = "NoneType", .base = &vm_type_object,
    .repr = none_repr, .hash = none_hash, .bool_ = false_bool,
};

static VmStatus
bool_repr(VmRun *run, VmValue self, VmValue *out)
{
    return vm_int_repr(run, self, out);
}

static VmStatus
bool_hash(VmRun *run, VmValue self, int64_t *out)
{
    *out = self.u.i;
    return VM_OK;
}

static VmStatus
bool_bool(VmRun *run, VmValue self, bool *out)
{
    *out = self.u.i != 0;
    return VM_OK;
}

VmStatus vm_num_richcompare(VmRun *run, VmValue a, VmValue b, VmCmp op, VmValue *out);
VmStatus vm_bool_new(VmRun *run, const VmType *t, VmValue *args, size_t nargs,
                     VmTuple *kwnames, VmValue *out);
extern const VmBuiltin *const vm_int_methods[];
VmStatus vm_int_getattr(VmRun *run, VmValue self, VmStr *name, VmValue *out);

const VmType vm_type_bool = {
    VM_IMMORTAL_HDR(&vm_type_type), .name = "bool", .base = &vm_type_int,
    .repr = bool_repr, .hash = bool_hash, .bool_ = bool_bool,
    .richcompare = vm_num_richcompare, .new_ = vm_bool_new, .methods = vm_int_methods,
    .getattr = vm_int_getattr,
};

static VmStatus
ellipsis_repr(VmRun *run, VmValue self, VmValue *out)
{
    *out = vm_str_val(run, "Ellipsis", 8);
    return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
}

const VmType vm_type_ellipsis = {
    VM_IMMORTAL_HDR(&vm_type_type), .name = "ellipsis", .base = &vm_type_object,
    .repr = ellipsis_repr, .hash = type_hash,
};
const VmObj vm_ellipsis_obj = VM_IMMORTAL_HDR(&vm_type_ellipsis);

static VmStatus
notimpl_repr(VmRun *run, VmValue self, VmValue *out)
{
    *out = vm_str_val(run, "NotImplemented", 14);
    return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
}

const VmType vm_type_notimpl = {
    VM_IMMORTAL_HDR(&vm_type_type), .name = "NotImplementedType", .base = &vm_type_object,
    .repr = notimpl_repr, .hash = type_hash,
};
const VmObj vm_notimpl_obj = VM_IMMORTAL_HDR(&vm_type_notimpl);
