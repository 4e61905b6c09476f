/*
 * mod_typing.c — the typing module: every name a script imports for its annotations
 * exists and is inert at run time (annotations are never evaluated, as in 3.14). The
 * special forms are immortal objects that can be subscripted (Optional[int] in a type
 * alias evaluates to the form itself) and printed ("typing.Optional"); cast,
 * overload, final, runtime_checkable and NewType(...)'s result return their argument.
 */
#include <string.h>

#include "vm/modules.h"

typedef struct VmTypingForm {
    VmObj hdr;
    const char *name;
} VmTypingForm;

static VmStatus
form_repr(VmRun *run, VmValue self, VmValue *out)
{
    VmStrBuf b;
    vm_sb_init(&b, run);
    vm_sb_printf(&b, "typing.%s", VM_AS(VmTypingForm, self)->name);
    return vm_sb_to_str(&b, out);
}

static VmStatus
form_getitem(VmRun *run, VmValue self, VmValue key, VmValue *out)
{
    (void)run;
    (void)key;
    *out = self;
    return VM_OK;
}

static VmStatus
form_hash(VmRun *run, VmValue self, int64_t *out)
{
    (void)run;
    *out = (int64_t)((uintptr_t)self.u.o >> 4);
    return VM_OK;
}

static VmStatus
form_call(VmRun *run, VmValue self, VmValue *args, size_t nargs, VmTuple *kwnames,
          VmValue *out)
{
    (void)args;
    (void)nargs;
    (void)kwnames;
    (void)out;
    return vm_raise(run, &vm_exc_TypeError, "Cannot instantiate typing.%s",
                    VM_AS(VmTypingForm, self)->name);
}

static const VmType form_type = {
    VM_IMMORTAL_HDR(&vm_type_type), .name = "typing._SpecialForm", .base = &vm_type_object,
    .repr = form_repr, .getitem = form_getitem, .hash = form_hash, .call = form_call,
};

#define FORMS(X) \
    X(Any) X(Optional) X(Union) X(List) X(Dict) X(Set) X(FrozenSet) X(Tuple) X(Type) \
    X(Callable) X(Literal) X(Final) X(ClassVar) X(Annotated) X(TypedDict) X(NotRequired) \
    X(Required) X(NamedTuple) X(Protocol) X(Generic) X(TypeVar) X(TypeAlias) X(Iterable) \
    X(Iterator) X(Sequence) X(Mapping) X(MutableMapping) X(MutableSequence) X(Collection) \
    X(Awaitable) X(Coroutine) X(Generator) X(Self) X(Never) X(NoReturn) X(DefaultDict) \
    X(Deque) X(Counter) X(OrderedDict) X(AbstractSet) X(MutableSet) X(Hashable) X(Sized) \
    X(Container) X(Reversible) X(AsyncIterator) X(AsyncIterable) X(AsyncGenerator) \
    X(ParamSpec) X(Concatenate) X(TypeGuard) X(TypeIs) X(LiteralString) X(Unpack) \
    X(TypeVarTuple) X(ItemsView) X(KeysView) X(ValuesView) X(SupportsInt) X(SupportsFloat) \
    X(SupportsIndex) X(SupportsAbs) X(SupportsRound) X(Pattern) X(Match) X(Text) X(AnyStr) \
    X(ChainMap)

#define X(n) static const VmTypingForm form_##n = { VM_IMMORTAL_HDR(&form_type), #n };
FORMS(X)
#undef X

static VmStatus
t_cast(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    static const char *const names[] = { "typ", "val" };
    VmValue a[2];
    if (vm_parse_args(run, "cast", args, nargs, kwnames, names, 2, 2, 0, a) != VM_OK) {
        return VM_ERR;
    }
    *out = a[1];
    return VM_OK;
}

static VmStatus
t_identity(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    if (vm_no_kwargs(run, "decorator", kwnames) != VM_OK) {
        return VM_ERR;
    }
    if (nargs != 1) {
        return vm_raise(run, &vm_exc_TypeError, "expected 1 argument, got %zu", nargs);
    }
    *out = args[0];
    return VM_OK;
}

static const VmBuiltin b_cast = { VM_IMMORTAL_HDR(&vm_type_builtin), "cast", t_cast, NULL };
static const VmBuiltin b_overload = { VM_IMMORTAL_HDR(&vm_type_builtin), "overload", t_identity,
                                      NULL };
static const VmBuiltin b_final = { VM_IMMORTAL_HDR(&vm_type_builtin), "final", t_identity,
                                   NULL };
static const VmBuiltin b_runtime_checkable = { VM_IMMORTAL_HDR(&vm_type_builtin),
                                               "runtime_checkable", t_identity, NULL };
static const VmBuiltin b_newtype_result = { VM_IMMORTAL_HDR(&vm_type_builtin), "NewType",
                                            t_identity, NULL };

static VmStatus
t_newtype(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    static const char *const names[] = { "name", "tp" };
    VmValue a[2];
    if (vm_parse_args(run, "NewType", args, nargs, kwnames, names, 2, 2, 0, a) != VM_OK) {
        return VM_ERR;
    }
    *out = vm_obj_val(&b_newtype_result);
    return VM_OK;
}

static const VmBuiltin b_newtype = { VM_IMMORTAL_HDR(&vm_type_builtin), "NewType", t_newtype,
                                     NULL };

static const VmModuleMember members[] = {
#define X(n) VM_MEMBER_O(#n, &form_##n),
    FORMS(X)
#undef X
    VM_MEMBER_B("cast", &b_cast),
    VM_MEMBER_B("overload", &b_overload),
    VM_MEMBER_B("final", &b_final),
    VM_MEMBER_B("runtime_checkable", &b_runtime_checkable),
    VM_MEMBER_B("NewType", &b_newtype),
    VM_MEMBER_BOOL_("TYPE_CHECKING", 0),
};

VM_MODULE_DEF(typing, "typing", members);
