/*
 * check_int.h — the state of one check, shared by scope.c, flow.c (the
 * statement walk), infer.c (expressions) and calls.c (calls, assignability).
 *
 * A check runs in two phases. scope.c walks the module once and builds a
 * scope per module / function / lambda / class / comprehension, with every
 * binding of every local name (assignment, loop target, import, def, ...).
 * flow.c then walks the statements in order, tracking which locals are
 * bound and the narrowed type of names, and asks infer.c for the type of
 * each expression; infer.c reports what it can prove.
 *
 * A name's type where no narrowing applies is the union of the types of all
 * its bindings (flow-insensitive), computed lazily and cached; a cycle
 * (x = x + 1) yields Any for the member being computed.
 */
#ifndef MONTY_CHECKER_CHECK_INT_H
#define MONTY_CHECKER_CHECK_INT_H

#include "checker/chk_int.h"

typedef enum ScopeKind { SC_MODULE, SC_FUNC, SC_LAMBDA, SC_CLASS, SC_COMP } ScopeKind;

typedef enum BindKind {
    BIND_ASSIGN,      /* value; target_root/name_node for unpacking */
    BIND_ANN,         /* annotated assignment with value */
    BIND_AUG,         /* augmented assignment: stmt */
    BIND_FOR,         /* loop / comprehension target: value = iterable */
    BIND_WITH,        /* with ... as target */
    BIND_IMPORT,      /* import x / import x as y: alias */
    BIND_IMPORTFROM,  /* from m import x: alias, stmt */
    BIND_DEF,         /* def / async def: stmt */
    BIND_CLASS,
    BIND_EXCEPT,      /* except E as name: handler */
    BIND_PARAM,       /* function parameter: arg, param kind */
    BIND_WALRUS,      /* (name := value) */
    BIND_ANY,         /* match captures, type aliases, ...: Any */
} BindKind;

typedef struct Binding {
    BindKind kind;
    const AstExpr *target_root;
    const AstExpr *name_node;
    const AstExpr *value;
    const void *node;
    int eval_scope;           /* scope in which `value` is evaluated */
    int param_kind;           /* ChkParamKind for BIND_PARAM */
    bool param_default_none;
    struct Binding *next;
} Binding;

typedef struct Local {
    const char *name;
    int index;
    bool global_decl;
    bool nonlocal_decl;
    bool forced_any;          /* written by an inner scope (global/nonlocal) */
    bool is_param;
    const AstExpr *decl_annotation;
    int decl_scope;
    Binding *bindings;
    int state;                /* 0 not computed, 1 computing, 2 done */
    ChkType *type;
} Local;

typedef struct Scope {
    ScopeKind kind;
    int parent;
    const void *node;         /* AstStmt (def/class), AstExpr (lambda/comp) or NULL */
    Local **locals;
    int nlocals;
    int cap;
    Local **hslots;           /* open addressing by name, capacity hcap (2^k) */
    int hcap;
    ChkFunc *func;            /* SC_FUNC / SC_LAMBDA: its signature */
    bool is_async;
    bool is_generator;
} Scope;

/* Flow state of the scope being walked. */
typedef struct Narrow {
    const char *name;
    ChkType *type;
} Narrow;

typedef struct State {
    bool dead;
    unsigned char *bound;     /* per local of the flow scope: 0 unbound, 1 maybe, 2 bound */
    int nbound;
    Narrow *narrow;
    int nnarrow;
    int capnarrow;
} State;

enum { B_UNBOUND = 0, B_MAYBE = 1, B_BOUND = 2 };

typedef struct LoopCtx {
    State brk;                /* join of states at `break` */
    bool has_break;
    struct LoopCtx *outer;
} LoopCtx;

typedef struct Ctx {
    AstArena *arena;
    const ChkLib *lib;
    const ChkStubs *stubs;
    ChkResult *res;
    Scope **scopes;
    int nscopes;
    int capscopes;
    int cur;                  /* scope of the expression being inferred */
    int flow_scope;           /* scope whose State is `st` (-1: none) */
    State *st;
    int quiet;                /* > 0: infer only, report nothing */
    LoopCtx *loop;
    const char *const *inputs;
    size_t ninputs;
    bool future_annotations;
    bool star_import;         /* `from m import *`: unknown globals are Any */
    ChkResolver resolver;
    ChkClass *c_generator;    /* builtins Iterator (for generator expressions) */
    const void **node_keys;   /* def/class/lambda/comprehension node -> scope id */
    int *node_ids;
    int node_cap;
    long suggest_budget;      /* candidates "did you mean" may still compare */
    const char **mutated;     /* names of containers mutated in place anywhere */
    int nmutated;
    int capmutated;
    int loose_generics;       /* > 0: generic arguments are not compared (displays) */
    char *capture;            /* non-NULL: chk_report keeps the first message here instead */
    size_t capture_size;
    int import_guard;
    int keyerror_guard;       /* > 0: in a try body whose handler catches KeyError */
    State *comp_st;           /* narrowings inside the comprehension comp_scope */
    int comp_scope;         /* > 0: in a try body whose handler catches ImportError */
} Ctx;

/* scope.c */
/* A display / comprehension / list(...) bound to a name the script mutates
 * in place (x[k] = v, x.append(v), ...): its element types are Any. */
ChkType *chk_fresh_widen(Ctx *c, const AstExpr *target, const AstExpr *value, ChkType *t);
/* True if the script stores into `name[...]` or calls a mutator on it anywhere. */
bool chk_is_mutated(const Ctx *c, const char *name);
bool chk_scope_build(Ctx *c, const AstModule *mod);
int chk_scope_find(const Ctx *c, const void *node);
Local *chk_scope_local(const Scope *s, const char *name);
/* Flow-insensitive type of a local (union of its bindings). */
ChkType *chk_local_type(Ctx *c, int scope, Local *l);
/* Function type of a script def (signature from annotations). */
ChkType *chk_def_type(Ctx *c, const AstStmt *def, int scope_id);

/* infer.c */
ChkType *chk_infer(Ctx *c, const AstExpr *e);
/* Element type when iterating over t (Any when unknown). */
ChkType *chk_elem_type(Ctx *c, ChkType *t);
/* Type of `t.name` (NULL = proven missing). */
ChkType *chk_attr_type(Ctx *c, ChkType *t, const char *name, bool *missing);
/* Report helpers */
void chk_report(Ctx *c, const AstLoc *loc, ChkSeverity sev, const char *code,
                const char *hint, const char *fmt, ...) __attribute__((format(printf, 6, 7)));
/* Narrowed or flow-insensitive type of a Name load (reports unbound). */
ChkType *chk_name_type(Ctx *c, const AstExpr *name_expr, bool report);
/* Binds a class-typevar substitution for an instance. */
ChkType *chk_subst_self(Ctx *c, ChkType *t, const ChkType *self_type);
/* list += iterable, dict |= pairs: accepted whatever the right side. */
bool chk_inplace_accepts_any(Ctx *c, ChkType *l, AstOperator op);
/* A coroutine used as a condition / f-string field: unused-awaitable. */
void chk_check_coroutine_value(Ctx *c, const AstExpr *e, ChkType *t, const char *what);
/* Return type of calling a script function (inferred from its body). */
ChkType *chk_func_return(Ctx *c, ChkFunc *f);

/* calls.c */
typedef struct TvMap {
    const char *names[16];
    ChkType *types[16];
    int n;
} TvMap;

ChkType *chk_call(Ctx *c, const AstExpr *call, ChkType *callee);
bool chk_assignable(Ctx *c, ChkType *arg, ChkType *param, TvMap *map);
/* `x: TD = {...}`: a dict display checked key by key against the TypedDict. */
void chk_check_typeddict_assign(Ctx *c, const AstExpr *value, ChkType *declared,
                                const char *target);
ChkType *chk_subst(Ctx *c, ChkType *t, const TvMap *map);
void chk_tvmap_from_self(TvMap *m, const ChkType *self_type);

/* flow.c */
void chk_narrow_expr(Ctx *c, const AstExpr *test, State *st, bool positive);
void chk_state_copy(Ctx *c, State *dst, const State *src);
void chk_state_merge_maybe(State *st, const State *branch);
/* t (or its TypedDict members) with `key` known present; NULL if no change. */
ChkType *chk_with_key(Ctx *c, ChkType *t, const char *key);
void chk_flow_module(Ctx *c, const AstModule *mod);
void chk_state_set_type(Ctx *c, State *st, const char *name, ChkType *t);
void chk_state_bind(Ctx *c, State *st, const char *name);

#endif /* MONTY_CHECKER_CHECK_INT_H */
