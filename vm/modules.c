/*
 * modules.c — the module registry, the module object type and the three import
 * opcodes' work (IMPORT_NAME, IMPORT_FROM, IMPORT_STAR).
 *
 * The registry is a constant table: importing never runs Python code and never
 * touches the world (contract 5), and every run sees the same immortal module objects.
 */
#include <string.h>

#include "vm/modules.h"

extern const VmModule vm_module_math, vm_module_json, vm_module_re, vm_module_itertools,
    vm_module_functools, vm_module_typing, vm_module_string, vm_module_collections,
    vm_module_datetime, vm_module_statistics, vm_module_operator, vm_module_heapq,
    vm_module_bisect, vm_module_copy, vm_module_asyncio;

static const VmModule *const registry[] = {
    &vm_module_math, &vm_module_json, &vm_module_re, &vm_module_itertools, &vm_module_functools,
    &vm_module_typing, &vm_module_string, &vm_module_collections,
    &vm_module_datetime, &vm_module_statistics, &vm_module_operator, &vm_module_heapq,
    &vm_module_bisect, &vm_module_copy, &vm_module_asyncio,
};

static const VmModule *
find_module(const char *name, size_t len)
{
    for (size_t i = 0; i < sizeof registry / sizeof registry[0]; i++) {
        if (strlen(registry[i]->name) == len && memcmp(registry[i]->name, name, len) == 0) {
            return registry[i];
        }
    }
    return NULL;
}

/* vm_module_at: the i-th supported module, NULL past the end (snapshots name the
 * immortal objects a run refers to by module and member name). */
const VmModule *
vm_module_at(size_t i)
{
    return i < sizeof registry / sizeof registry[0] ? registry[i] : NULL;
}

static const VmModuleMember *
find_member(const VmModule *m, const char *name)
{
    for (size_t i = 0; i < m->nmembers; i++) {
        if (strcmp(m->members[i].name, name) == 0) {
            return &m->members[i];
        }
    }
    return NULL;
}

/* The value of a member (a new object for str constants). */
static VmStatus
member_value(VmRun *run, const VmModuleMember *mb, VmValue *out)
{
    switch (mb->kind) {
    case VM_MEMBER_BUILTIN:
    case VM_MEMBER_TYPE:
    case VM_MEMBER_OBJ:
        *out = vm_obj_val(mb->ptr);
        return VM_OK;
    case VM_MEMBER_PRELUDE:
        return vm_prelude_function(run, mb->str, out);
    case VM_MEMBER_FLOAT:
        *out = vm_val_float(mb->f);
        return VM_OK;
    case VM_MEMBER_INT:
        *out = vm_val_int(mb->i);
        return VM_OK;
    case VM_MEMBER_BOOL:
        *out = vm_val_bool(mb->i != 0);
        return VM_OK;
    case VM_MEMBER_NONE:
        *out = vm_val_none();
        return VM_OK;
    case VM_MEMBER_STR:
        *out = vm_str_val(run, mb->str, strlen(mb->str));
        return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
    }
    return vm_raise(run, &vm_exc_RuntimeError, "bad module member");
}

static VmStatus
module_getattr(VmRun *run, VmValue self, VmStr *name, VmValue *out)
{
    const VmModule *m = VM_AS(VmModule, self);
    *out = vm_val_empty();
    if (vm_str_eq_cstr(name, "__name__")) {
        *out = vm_str_val(run, m->name, strlen(m->name));
        return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
    }
    const VmModuleMember *mb = find_member(m, name->data);
    if (mb == NULL) {
        return vm_raise(run, &vm_exc_AttributeError, "module '%s' has no attribute '%s'",
                        m->name, name->data);
    }
    return member_value(run, mb, out);
}

static VmStatus
module_repr(VmRun *run, VmValue self, VmValue *out)
{
    VmStrBuf b;
    vm_sb_init(&b, run);
    vm_sb_printf(&b, "<module '%s' (built-in)>", VM_AS(VmModule, self)->name);
    return vm_sb_to_str(&b, out);
}

static VmStatus
module_hash(VmRun *run, VmValue self, int64_t *out)
{
    (void)run;
    *out = (int64_t)((uintptr_t)self.u.o >> 4);
    return VM_OK;
}

const VmType vm_type_module = {
    VM_IMMORTAL_HDR(&vm_type_type), .name = "module", .base = &vm_type_object,
    .repr = module_repr, .hash = module_hash, .getattr = module_getattr,
};

static VmStatus
modclass_call(VmRun *run, VmValue self, VmValue *args, size_t nargs, VmTuple *kwnames,
              VmValue *out)
{
    (void)args;
    (void)nargs;
    (void)kwnames;
    (void)out;
    return vm_defer(run, VM_AS(VmModClass, self)->prelude);
}

static VmStatus
modclass_getattr(VmRun *run, VmValue self, VmStr *name, VmValue *out)
{
    const VmModClass *c = VM_AS(VmModClass, self);
    *out = vm_val_empty();
    for (size_t i = 0; i < c->nattrs; i++) {
        if (strcmp(c->attrs[i].name, name->data) == 0) {
            return member_value(run, &c->attrs[i], out);
        }
    }
    if (vm_str_eq_cstr(name, "__name__")) {
        const char *dot = strrchr(c->qualname, '.');
        const char *n = dot ? dot + 1 : c->qualname;
        *out = vm_str_val(run, n, strlen(n));
        return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
    }
    return VM_OK;
}

static VmStatus
modclass_repr(VmRun *run, VmValue self, VmValue *out)
{
    VmStrBuf b;
    vm_sb_init(&b, run);
    vm_sb_printf(&b, "<class '%s'>", VM_AS(VmModClass, self)->qualname);
    return vm_sb_to_str(&b, out);
}

const VmType vm_type_modclass = {
    VM_IMMORTAL_HDR(&vm_type_type), .name = "type", .base = &vm_type_object,
    .repr = modclass_repr, .hash = module_hash, .getattr = modclass_getattr,
    .call = modclass_call,
};

/* vm_module_member_name: see modules.h. */
const char *
vm_module_member_name(const char *module, size_t len, size_t i)
{
    const VmModule *m = find_module(module, len);
    return m != NULL && i < m->nmembers ? m->members[i].name : NULL;
}

/* vm_module_import: IMPORT_NAME (see modules.h). */
VmStatus
vm_module_import(VmRun *run, VmStr *name, VmValue *out)
{
    const char *dot = strchr(name->data, '.');
    size_t head = dot ? (size_t)(dot - name->data) : name->len;
    const VmModule *m = find_module(name->data, head);
    if (m == NULL) {
        return vm_raise(run, &vm_exc_ModuleNotFoundError, "No module named '%.*s'",
                        (int)head, name->data);
    }
    if (dot != NULL) {
        /* no stdlib module monty provides is a package */
        return vm_raise(run, &vm_exc_ModuleNotFoundError,
                        "No module named '%s'; '%s' is not a package", name->data, m->name);
    }
    *out = vm_obj_val(m);
    return VM_OK;
}

/* vm_module_import_from: IMPORT_FROM (see modules.h). */
VmStatus
vm_module_import_from(VmRun *run, VmValue module, VmStr *name, VmValue *out)
{
    if (!vm_is(module, &vm_type_module)) {
        return vm_getattr(run, module, name, out);
    }
    const VmModule *m = VM_AS(VmModule, module);
    const VmModuleMember *mb = find_member(m, name->data);
    if (mb == NULL) {
        return vm_raise(run, &vm_exc_ImportError,
                        "cannot import name '%s' from '%s' (unknown location)", name->data,
                        m->name);
    }
    return member_value(run, mb, out);
}

/* vm_module_import_star: IMPORT_STAR (see modules.h). */
VmStatus
vm_module_import_star(VmRun *run, VmValue module, VmDict *globals)
{
    if (!vm_is(module, &vm_type_module)) {
        return vm_raise(run, &vm_exc_TypeError, "import * needs a module");
    }
    const VmModule *m = VM_AS(VmModule, module);
    for (size_t i = 0; i < m->nmembers; i++) {
        const VmModuleMember *mb = &m->members[i];
        if (mb->name[0] == '_') {
            continue;
        }
        VmValue v;
        VmStr *key = vm_str_new_cstr(run, mb->name);
        if (key == NULL || member_value(run, mb, &v) != VM_OK
            || vm_dict_set_str(run, globals, key, v) != VM_OK) {
            return VM_ERR;
        }
    }
    return VM_OK;
}
