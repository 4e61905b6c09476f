/*
 * mod_typing.c — the typing module: annotations only, so every name is a harmless
 * placeholder (subscriptable, callable as identity for cast/NewType-like uses).
 */
#include <string.h>

#include "vm/vm_int.h"

static VmStatus
typing_getitem(VmRun *run, VmValue self, VmValue key, VmValue *out)
{
    *out = self;
    return VM_OK;
}

static VmStatus
typing_repr(VmRun *run, VmValue self, VmValue *out)
{
    *out = vm_str_val(run, "typing.Any", 10);
    return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
}

static VmStatus
typing_hash(VmRun *run, VmValue self, int64_t *out)
{
    *out = 7;
    return VM_OK;
}

static const VmType typing_form_type = {
    VM_IMMORTAL_HDR(&vm_type_type), .name = "_SpecialForm", .base = &vm_type_object,
    .getitem = typing_getitem, .repr = typing_repr, .hash = typing_hash,
};
static const VmObj typing_form = VM_IMMORTAL_HDR(&typing_form_type);

static VmStatus
cast_fn(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    if (nargs != 2 || kwnames != NULL) {
        return vm_raise(run, &vm_exc_TypeError, "cast() takes 2 positional arguments");
    }
    *out = args[1];
    return VM_OK;
}

static const VmBuiltin cast_b = { VM_IMMORTAL_HDR(&vm_type_builtin), "cast", cast_fn, NULL };

/* vm_mod_typing_init: fills the typing module's namespace. */
VmStatus
vm_mod_typing_init(VmRun *run, VmDict *d)
{
    static const char *const forms[] = {
        "Any", "Optional", "Union", "List", "Dict", "Tuple", "Set", "FrozenSet", "Callable",
        "Iterable", "Iterator", "Sequence", "Mapping", "MutableMapping", "Literal", "Final",
        "ClassVar", "TypedDict", "NamedTuple", "Generator", "Awaitable", "Coroutine",
        "TypeVar", "Generic", "Protocol", "Annotated", "NotRequired", "Required", "Type",
        "NoReturn", "Never", "Self", "TypeAlias", "AsyncIterator", "AsyncIterable",
        "DefaultDict", "Counter", "Deque", "OrderedDict", "AnyStr", "SupportsInt",
        "SupportsFloat", "Hashable", "Sized", "Collection", "Container", "Reversible",
        "MutableSequence", "MutableSet", "AbstractSet", "KeysView", "ValuesView", "ItemsView",
        NULL,
    };
    for (size_t i = 0; forms[i] != NULL; i++) {
        if (vm_module_add(run, d, forms[i], vm_obj_val(&typing_form)) != VM_OK) {
            return VM_ERR;
        }
    }
    if (vm_module_add(run, d, "cast", vm_obj_val(&cast_b)) != VM_OK
        || vm_module_add(run, d, "TYPE_CHECKING", vm_val_bool(false)) != VM_OK) {
        return VM_ERR;
    }
    return VM_OK;
}
