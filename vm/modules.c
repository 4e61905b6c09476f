/*
 * modules.c — import: the registry of modules monty provides (deny by default:
 * anything else is ModuleNotFoundError), the module object, and the IMPORT_NAME /
 * IMPORT_FROM / IMPORT_STAR operations. Modules are created per run on first import
 * (no shared mutable state) and cached in run->modules.
 */
#include <string.h>

#include "vm/vm_int.h"

VmStatus vm_mod_math_init(VmRun *run, VmDict *d);
VmStatus vm_mod_json_init(VmRun *run, VmDict *d);
VmStatus vm_mod_typing_init(VmRun *run, VmDict *d);

typedef struct ModuleDef {
    const char *name;
    VmStatus (*init)(VmRun *run, VmDict *d);
} ModuleDef;

static const ModuleDef registry[] = {
    { "json", vm_mod_json_init },
    { "math", vm_mod_math_init },
    { "typing", vm_mod_typing_init },
};

static void
module_trace(VmGc *gc, VmObj *o)
{
    VmModule *m = (VmModule *)o;
    vm_gc_mark_obj(gc, (VmObj *)m->name);
    vm_gc_mark_obj(gc, (VmObj *)m->dict);
}

static VmStatus
module_repr(VmRun *run, VmValue self, VmValue *out)
{
    VmStrBuf b;
    vm_sb_init(&b, run);
    vm_sb_printf(&b, "<module '%s' (built-in)>", VM_AS(VmModule, self)->name->data);
    return vm_sb_to_str(&b, out);
}

static VmStatus
module_getattr(VmRun *run, VmValue self, VmStr *name, VmValue *out)
{
    VmModule *m = VM_AS(VmModule, self);
    if (vm_str_eq_cstr(name, "__name__")) {
        *out = vm_obj_val(m->name);
        return VM_OK;
    }
    *out = vm_dict_get_str(m->dict, name);
    if (vm_val_is_empty(*out)) {
        return vm_raise(run, &vm_exc_AttributeError, "module '%s' has no attribute '%s'",
                        m->name->data, name->data);
    }
    return VM_OK;
}

const VmType vm_type_module = {
    VM_IMMORTAL_HDR(&vm_type_type), .name = "module", .base = &vm_type_object,
    .trace = module_trace, .repr = module_repr, .getattr = module_getattr,
};

/* vm_import: the module called `name`, created on first import. */
VmStatus
vm_import(VmRun *run, VmStr *name, VmValue *out)
{
    if (run->modules == NULL) {
        run->modules = vm_dict_new(run);
        if (run->modules == NULL) {
            return VM_ERR;
        }
    }
    *out = vm_dict_get_str(run->modules, name);
    if (!vm_val_is_empty(*out)) {
        return VM_OK;
    }
    for (size_t i = 0; i < sizeof registry / sizeof registry[0]; i++) {
        if (!vm_str_eq_cstr(name, registry[i].name)) {
            continue;
        }
        VmModule *m = (VmModule *)vm_obj_new(run, &vm_type_module, sizeof *m);
        if (m == NULL) {
            return VM_ERR;
        }
        m->name = name;
        m->dict = vm_dict_new(run);
        if (m->dict == NULL || registry[i].init(run, m->dict) != VM_OK) {
            return VM_ERR;
        }
        *out = vm_obj_val(m);
        return vm_dict_set_str(run, run->modules, name, *out);
    }
    const char *dot = memchr(name->data, '.', name->len);
    return vm_raise(run, &vm_exc_ModuleNotFoundError, "No module named '%.*s'",
                    dot ? (int)(dot - name->data) : (int)name->len, name->data);
}

/* vm_import_from: `from module import name`. */
VmStatus
vm_import_from(VmRun *run, VmValue module, VmStr *name, VmValue *out)
{
    if (!vm_is(module, &vm_type_module)) {
        return vm_getattr(run, module, name, out);
    }
    VmModule *m = VM_AS(VmModule, module);
    *out = vm_dict_get_str(m->dict, name);
    if (vm_val_is_empty(*out)) {
        return vm_raise(run, &vm_exc_ImportError,
                        "cannot import name '%s' from '%s' (unknown location)", name->data,
                        m->name->data);
    }
    return VM_OK;
}

/* vm_import_star: `from module import *` into globals (public names only). */
VmStatus
vm_import_star(VmRun *run, VmValue module, VmDict *globals)
{
    if (!vm_is(module, &vm_type_module)) {
        return vm_raise(run, &vm_exc_TypeError, "import * from a non-module");
    }
    VmDict *d = VM_AS(VmModule, module)->dict;
    for (size_t i = 0; i < d->nentries; i++) {
        VmValue k = d->entries[i].key;
        if (vm_val_is_empty(k) || VM_AS(VmStr, k)->data[0] == '_') {
            continue;
        }
        if (vm_dict_set(run, globals, k, d->entries[i].value) != VM_OK) {
            return VM_ERR;
        }
    }
    return VM_OK;
}

/* vm_module_add: binds name = value in a module being initialised. */
VmStatus
vm_module_add(VmRun *run, VmDict *d, const char *name, VmValue value)
{
    VmStr *s = vm_str_new_cstr(run, name);
    if (s == NULL) {
        return VM_ERR;
    }
    return vm_dict_set_str(run, d, s, value);
}

/* vm_module_add_builtins: binds a NULL-terminated table of natives. */
VmStatus
vm_module_add_builtins(VmRun *run, VmDict *d, const VmBuiltin *const *fns)
{
    for (; *fns != NULL; fns++) {
        if (vm_module_add(run, d, (*fns)->name, vm_obj_val(*fns)) != VM_OK) {
            return VM_ERR;
        }
    }
    return VM_OK;
}
