/*
 * chk_int.h — layouts shared inside checker/ only (never included outside).
 *
 * Types (ChkType) describe values: Any, None, an instance of a class (with
 * generic arguments and an optional literal value), a class object, a
 * function (with overloads, possibly bound to an instance), a union, a
 * module, a type variable, a coroutine. Everything lives in an AstArena:
 * stub types in the stubs' arena, script types in the check's arena.
 */
#ifndef MONTY_CHECKER_CHK_INT_H
#define MONTY_CHECKER_CHK_INT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "checker/checker.h"
#include "grammar/arena.h"
#include "grammar/ast.h"

typedef struct ChkType ChkType;
typedef struct ChkClass ChkClass;
typedef struct ChkFunc ChkFunc;
typedef struct ChkModule ChkModule;

typedef enum ChkTypeKind {
    CHK_T_ANY,
    CHK_T_NONE,
    CHK_T_INST,       /* instance of cls; args = generic arguments */
    CHK_T_CLASSOBJ,   /* the class itself (calling it constructs) */
    CHK_T_FUNC,       /* func (+ overloads); self_type set for bound methods */
    CHK_T_UNION,      /* args = members (never nested, never containing Any) */
    CHK_T_MODULE,
    CHK_T_TYPEVAR,    /* name */
    CHK_T_COROUTINE,  /* ret = result of await */
} ChkTypeKind;

typedef enum ChkLitKind { CHK_LIT_NONE, CHK_LIT_STR, CHK_LIT_INT, CHK_LIT_BOOL } ChkLitKind;

struct ChkType {
    ChkTypeKind kind;
    ChkClass *cls;
    int nargs;
    ChkType **args;
    bool tuple_var;           /* tuple[T, ...] */
    ChkLitKind lit;
    const char *lit_s;
    size_t lit_len;
    int64_t lit_i;
    const char **keys;        /* TypedDict: NotRequired keys known present */
    int nkeys;
    ChkFunc *func;
    ChkType *self_type;       /* bound method: the instance (substitutes class vars) */
    ChkType *ret;             /* COROUTINE */
    const char *name;         /* TYPEVAR name */
    ChkModule *mod;           /* MODULE */
};

/* A name -> value table (open addressing, arena-allocated). */
typedef struct ChkSymbol {
    const char *name;
    ChkType *type;            /* value type (FUNC, CLASSOBJ, INST, ...) */
    bool is_alias;            /* a type alias: `type` is the aliased type */
    bool is_typevar;
    bool is_input;            /* `name: T` at stub top level */
    bool has_default;         /* class field with a default value */
    bool not_required;        /* TypedDict NotRequired / total=False */
    bool is_method;
    bool is_static;
    bool is_classmethod;
    bool is_property;
    bool hidden;              /* builtins.pyi helper (typing's classes): not a builtin */
    bool is_classvar;         /* ClassVar[...] / KW_ONLY: not a dataclass field */
    bool no_init;             /* dataclass field(init=False) */
    bool kw_only;             /* dataclass keyword-only field */
} ChkSymbol;

typedef struct ChkTable {
    int cap;
    int len;
    ChkSymbol **slots;
    ChkSymbol **order;        /* insertion order */
    int order_cap;
} ChkTable;

typedef enum ChkParamKind {
    CHK_P_POSONLY, CHK_P_NORMAL, CHK_P_VARARG, CHK_P_KWONLY, CHK_P_KWARG
} ChkParamKind;

typedef struct ChkParam {
    const char *name;
    ChkParamKind kind;
    ChkType *type;            /* Any when unannotated */
    bool has_default;
} ChkParam;

struct ChkFunc {
    const char *name;
    ChkParam *params;
    int nparams;
    ChkType *ret;             /* NULL: infer from body (script functions) */
    bool is_async;
    bool any_args;            /* Callable[..., R]: accepts anything */
    bool is_method;           /* first param is self/cls (skipped when bound) */
    bool is_static;
    bool is_classmethod;
    bool no_return;           /* -> NoReturn / Never: a call ends the flow */
    ChkFunc *next_overload;
    ChkClass *owner;
    const AstStmt *def;       /* script def (return inference) */
    int scope_id;             /* script function: its scope */
    int ret_state;            /* 0 not inferred, 1 in progress, 2 done */
    ChkType *ret_inferred;
};

struct ChkClass {
    const char *name;
    ChkType **bases;
    int nbases;
    const char **tparams;     /* type variable names of Generic[...] */
    int ntparams;
    ChkTable members;
    bool unknown_base;        /* some base is not understood: attributes are Any */
    bool is_typeddict;
    bool is_dataclass;
    bool is_namedtuple;
    bool is_protocol;
    bool is_enum;
    bool has_getattr;
    bool from_builtins;
};

struct ChkModule {
    const char *name;
    ChkTable syms;
    bool any_attrs;           /* unknown members are Any (no unresolved-attribute) */
};

/* ---- the process-wide library: builtins + supported modules ------------- */

typedef struct ChkLib {
    AstArena *arena;
    ChkModule *builtins;
    ChkModule **modules;      /* math, json, re, ...: loaded on first import */
    const char **module_names; /* every supported module (not builtins) */
    const char **module_texts;
    size_t *module_lens;
    int nmodules;
    /* well-known classes */
    ChkClass *c_object, *c_int, *c_float, *c_complex, *c_bool, *c_str, *c_bytes;
    ChkClass *c_list, *c_dict, *c_set, *c_frozenset, *c_tuple, *c_range, *c_slice;
    ChkClass *c_nonetype, *c_base_exception;
    ChkType *t_any, *t_none, *t_int, *t_float, *t_str, *t_bool, *t_bytes, *t_complex;
    bool ok;
    char err[256];
} ChkLib;

/* The library, loaded on first use (pthread_once); NULL-free: check ->ok. */
const ChkLib *chk_lib_get(void);
/* A supported module's namespace (parsed on its first import, under a
 * lock), or NULL when monty does not provide it. */
const ChkModule *chk_lib_module(const ChkLib *lib, const char *name);

struct ChkStubs {
    AstArena *arena;
    ChkModule *mod;
    const char **funcs;
    unsigned char *funcs_async;   /* parallel to funcs: 1 for `async def` (ASYNC) */
    size_t nfuncs;
    const char **inputs;
    size_t ninputs;
};

/* ---- tables ------------------------------------------------------------- */

ChkSymbol *chk_table_get(const ChkTable *t, const char *name);
/* Adds or returns the existing symbol for name. NULL when out of memory. */
ChkSymbol *chk_table_put(AstArena *a, ChkTable *t, const char *name);

/* ---- types (types.c) ---------------------------------------------------- */

ChkType *chk_type_new(AstArena *a, ChkTypeKind kind);
ChkType *chk_type_inst(AstArena *a, ChkClass *cls, int nargs, ChkType **args);
ChkType *chk_type_inst1(AstArena *a, ChkClass *cls, ChkType *arg);
ChkType *chk_type_inst2(AstArena *a, ChkClass *cls, ChkType *k, ChkType *v);
ChkType *chk_type_lit_str(AstArena *a, ChkClass *str, const char *s, size_t len);
ChkType *chk_type_lit_int(AstArena *a, ChkClass *cls, ChkLitKind kind, int64_t v);
/* Union of a and b, flattened and deduplicated; Any absorbs everything. */
ChkType *chk_type_union(AstArena *a, ChkType *x, ChkType *y);
/* Drops literal values (for element types of containers). */
ChkType *chk_type_widen(AstArena *a, ChkType *t);
bool chk_type_equal(const ChkType *x, const ChkType *y);
bool chk_type_is_any(const ChkType *t);
/* Appends a readable spelling ("list[int]", "str | None") to buf. */
void chk_type_str(const ChkType *t, char *buf, size_t size);
/* Function signature as "name(a: int, b: str = ...) -> str". */
void chk_func_sig(const ChkFunc *f, bool skip_self, char *buf, size_t size);
/* True if cls is sub (or equal) via bases. */
bool chk_class_is_sub(const ChkClass *sub, const ChkClass *sup);
/* Member lookup through bases; *owner receives the class that declares it. */
ChkSymbol *chk_class_lookup(const ChkClass *cls, const char *name, const ChkClass **owner);
/* True if attributes of instances of cls can't be known (unknown base, __getattr__). */
bool chk_class_open(const ChkClass *cls);

/* ---- annotation resolution (annot.c) ------------------------------------ */

typedef struct ChkResolver ChkResolver;
/* Looks a bare name up in the caller's namespace for an annotation. */
typedef ChkSymbol *(*ChkNameLookup)(void *ud, const char *name);

struct ChkResolver {
    AstArena *arena;
    const ChkLib *lib;         /* NULL while loading the library itself */
    ChkModule *builtins;       /* the builtins namespace being used */
    ChkNameLookup lookup;
    void *ud;
};

/* Type of an annotation expression. Unknown -> Any. *flags receives
 * 1 for NotRequired, 2 for Required (TypedDict fields). */
ChkType *chk_annot_type(const ChkResolver *r, const AstExpr *e, int *flags);

/* ---- stub loading (stubs.c) --------------------------------------------- */

/* Fills mod from a parsed .pyi. `r` resolves names. */
bool chk_stubs_fill(ChkResolver *r, ChkModule *mod, const AstModule *ast, bool is_builtins);

/* ---- diagnostics (diag.c) ----------------------------------------------- */

ChkResult *chk_result_new(const char *filename);
/* The source stays the caller's until chk_result_end_source (copied lazily). */
void chk_result_set_source(ChkResult *res, const char *source, size_t len);
void chk_result_end_source(ChkResult *res);
/* Adds a diagnostic; loc is an AST location (0-based byte columns). */
void chk_diag_add(ChkResult *res, const AstLoc *loc, ChkSeverity sev, const char *code,
                  const char *hint, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
void chk_result_sort(ChkResult *res);

/* ---- suggestions (suggest.c) -------------------------------------------- */

/* Closest candidate to `name` within a small edit distance, or NULL. */
typedef struct ChkSuggest {
    const char *name;
    const char *best;
    int best_dist;
    long *budget;             /* optional: candidates left for the whole check */
} ChkSuggest;

void chk_suggest_init(ChkSuggest *s, const char *name);
void chk_suggest_offer(ChkSuggest *s, const char *candidate);
const char *chk_suggest_best(const ChkSuggest *s);

/* True for builtins.pyi names scripts do not see (infer.c). */
bool chk_hidden_builtin(const char *name);

/* ---- idioms of other languages (idiom.c) -------------------------------- */

/* `list.push` -> method "append"; `str.contains` -> hint "use `in`". */
bool chk_idiom(const ChkLib *lib, const ChkType *t, const char *name, const char **method,
               const char **hint);

/* ---- lint (lint/ folder) ------------------------------------------------- */

/* The sandbox's forbidden builtins: alternative text, or NULL if allowed. */
const char *chk_lint_forbidden_builtin(const char *name);
/* Unsupported statement kinds: feature name or NULL. */
const char *chk_lint_unsupported_stmt(const AstStmt *s);

#endif /* MONTY_CHECKER_CHK_INT_H */
