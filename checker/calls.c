/*
 * calls.c — calls: matching arguments to parameters as CPython binds them,
 * and assignability of an argument's type to a parameter's type.
 *
 * Rules reported here: too-many-positional-arguments, missing-argument,
 * unknown-argument, parameter-already-assigned,
 * positional-only-parameter-as-kwarg, invalid-argument-type,
 * call-non-callable, no-matching-overload. A `*args` or `**kwargs` at the
 * call site makes the count unknowable, so arity is then not reported.
 * Assignability is lenient where the truth is unknown: a union argument is
 * accepted if any member fits, and generic arguments of builtin containers
 * fail only on an obvious clash of fully known element types.
 */
#include <stdio.h>
#include <string.h>

#include "checker/check_int.h"

/* ---- type variables ----------------------------------------------------- */

static ChkType *
tv_get(const TvMap *m, const char *name)
{
    for (int i = 0; i < m->n; i++) {
        if (strcmp(m->names[i], name) == 0) {
            return m->types[i];
        }
    }
    return NULL;
}

static void
tv_bind(Ctx *c, TvMap *m, const char *name, ChkType *t)
{
    for (int i = 0; i < m->n; i++) {
        if (strcmp(m->names[i], name) == 0) {
            m->types[i] = chk_type_union(c->arena, m->types[i], chk_type_widen(c->arena, t));
            return;
        }
    }
    if (m->n < 16) {
        m->names[m->n] = name;
        m->types[m->n] = chk_type_widen(c->arena, t);
        m->n++;
    }
}

/* chk_tvmap_from_self: class params of self_type's class -> its args. */
void
chk_tvmap_from_self(TvMap *m, const ChkType *self_type)
{
    m->n = 0;
    if (!self_type || self_type->kind != CHK_T_INST) {
        return;
    }
    const ChkClass *k = self_type->cls;
    if (self_type->nargs != k->ntparams) {
        return;     /* tuple[int, str] against tuple[_T_co]: leave it Any */
    }
    for (int i = 0; i < k->ntparams && i < self_type->nargs && m->n < 16; i++) {
        m->names[m->n] = k->tparams[i];
        m->types[m->n] = self_type->args[i];
        m->n++;
    }
}

/* chk_subst: t with type variables replaced from map (unbound stay). */
ChkType *
chk_subst(Ctx *c, ChkType *t, const TvMap *m)
{
    if (!t || m->n == 0) {
        return t;
    }
    switch (t->kind) {
    case CHK_T_TYPEVAR: {
        ChkType *r = tv_get(m, t->name);
        return r ? r : t;
    }
    case CHK_T_INST: {
        if (t->nargs == 0) {
            return t;
        }
        ChkType **args = ast_arena_alloc(c->arena, sizeof *args * (size_t)t->nargs);
        if (!args) {
            return t;
        }
        for (int i = 0; i < t->nargs; i++) {
            args[i] = chk_subst(c, t->args[i], m);
        }
        ChkType *r = chk_type_inst(c->arena, t->cls, t->nargs, args);
        r->tuple_var = t->tuple_var;
        return r;
    }
    case CHK_T_UNION: {
        ChkType *u = NULL;
        for (int i = 0; i < t->nargs; i++) {
            u = chk_type_union(c->arena, u, chk_subst(c, t->args[i], m));
        }
        return u;
    }
    case CHK_T_COROUTINE: {
        ChkType *r = chk_type_new(c->arena, CHK_T_COROUTINE);
        r->ret = chk_subst(c, t->ret, m);
        return r;
    }
    default:
        return t;
    }
}

/* ---- assignability ------------------------------------------------------ */

static bool
has_member(const ChkClass *k, const char *name)
{
    return chk_class_lookup(k, name, NULL) != NULL;
}

/* Structural check of a protocol: arg class has every method it declares. */
static bool
satisfies_protocol(Ctx *c, const ChkClass *arg, const ChkClass *proto, int depth)
{
    if (chk_class_open(arg) || depth > 10) {
        return true;
    }
    for (int i = 0; i < proto->members.len; i++) {
        const char *n = proto->members.order[i]->name;
        if (strcmp(n, "__init__") == 0 || strcmp(n, "__new__") == 0) {
            continue;
        }
        if (!has_member(arg, n) && !(arg->is_typeddict && has_member(c->lib->c_dict, n))) {
            return false;
        }
    }
    for (int i = 0; i < proto->nbases; i++) {
        const ChkType *b = proto->bases[i];
        if (b && b->cls && b->cls->is_protocol
            && !satisfies_protocol(c, arg, b->cls, depth + 1)) {
            return false;
        }
    }
    return true;
}

static bool
iterable_family(const ChkClass *k)
{
    static const char *const names[] = {
        "Iterable", "Iterator", "Collection", "Sequence", "MutableSequence", "AbstractSet",
        "MutableSet", "Reversible", "Generator", "Container", NULL,
    };
    for (int i = 0; names[i]; i++) {
        if (strcmp(k->name, names[i]) == 0) {
            return true;
        }
    }
    return false;
}

/* Binds type variables in param's generic arguments from arg. */
static void
bind_generic(Ctx *c, ChkType *arg, ChkType *param, TvMap *map)
{
    if (param->nargs == 0) {
        return;
    }
    if (arg->kind == CHK_T_INST && arg->cls == param->cls && arg->nargs == param->nargs) {
        for (int i = 0; i < param->nargs; i++) {
            chk_assignable(c, arg->args[i], param->args[i], map);
        }
        return;
    }
    if (iterable_family(param->cls)) {
        chk_assignable(c, chk_elem_type(c, arg), param->args[0], map);
        return;
    }
    if ((strcmp(param->cls->name, "Mapping") == 0
         || strcmp(param->cls->name, "MutableMapping") == 0) && param->nargs == 2
        && arg->kind == CHK_T_INST && arg->cls == c->lib->c_dict && arg->nargs == 2) {
        chk_assignable(c, arg->args[0], param->args[0], map);
        chk_assignable(c, arg->args[1], param->args[1], map);
    }
}

static bool
known(const ChkType *t);

/* True if t mentions a type variable or Any anywhere (not provable). */
static bool
vague(const ChkType *t, int depth)
{
    if (!t || depth > 6 || chk_type_is_any(t) || t->kind == CHK_T_TYPEVAR) {
        return true;
    }
    if (t->kind == CHK_T_UNION || t->kind == CHK_T_INST) {
        for (int i = 0; i < t->nargs; i++) {
            if (vague(t->args[i], depth + 1)) {
                return true;
            }
        }
    }
    return t->kind == CHK_T_COROUTINE || t->kind == CHK_T_FUNC;
}

/* An element type of an argument against the parameter's: a clash only when
 * both are fully known and no member of the argument's type fits. */
static bool
elem_fits(Ctx *c, ChkType *a, ChkType *p)
{
    if (vague(a, 0) || vague(p, 0) || chk_assignable(c, a, p, NULL)) {
        return true;
    }
    return a->lit != CHK_LIT_NONE && chk_assignable(c, chk_type_widen(c->arena, a), p, NULL);
}

static bool
plain_container(const ChkLib *lib, const ChkClass *k)
{
    return k == lib->c_list || k == lib->c_set || k == lib->c_frozenset || k == lib->c_dict
           || k == lib->c_tuple;
}

/*
 * Generic arguments of a builtin container against the parameter's: only an
 * obvious mismatch fails (list[int] where list[str] is expected; a
 * dict[str, int] for Mapping[str, str]). Variance is not applied: int fits a
 * float element, a union element fits if any member does, anything vague
 * (Any, a type variable) fits.
 */
static bool
generic_args_fit(Ctx *c, ChkType *arg, ChkType *param)
{
    const ChkLib *lib = c->lib;
    ChkClass *pc = param->cls;
    if (param->nargs == 0 || arg->nargs == 0 || c->loose_generics
        || !plain_container(lib, arg->cls)) {
        return true;
    }
    if (arg->cls == pc && arg->nargs == param->nargs && arg->tuple_var == param->tuple_var
        && plain_container(lib, pc)) {
        for (int i = 0; i < param->nargs; i++) {
            if (!elem_fits(c, arg->args[i], param->args[i])) {
                return false;
            }
        }
        return true;
    }
    if (iterable_family(pc) && param->nargs == 1 && (arg->cls != lib->c_tuple || arg->tuple_var)) {
        return elem_fits(c, arg->args[0], param->args[0]);
    }
    if ((strcmp(pc->name, "Mapping") == 0 || strcmp(pc->name, "MutableMapping") == 0)
        && param->nargs == 2 && arg->cls == lib->c_dict && arg->nargs == 2) {
        return elem_fits(c, arg->args[0], param->args[0])
               && elem_fits(c, arg->args[1], param->args[1]);
    }
    return true;
}

/* Assignability of the argument expression a; a display's elements are
 * checked one by one afterwards (check_display), with better locations. */
static bool
arg_assignable(Ctx *c, const AstExpr *a, ChkType *at, ChkType *pt, TvMap *map)
{
    bool display = a->kind == AST_LIST || a->kind == AST_SET || a->kind == AST_TUPLE
                   || a->kind == AST_DICT;
    c->loose_generics += display;
    bool ok = chk_assignable(c, at, pt, map);
    c->loose_generics -= display;
    return ok;
}

/* When only the element types clash (list[int] for list[str]): a hint on
 * converting the elements, else NULL. */
static const char *
elem_hint(Ctx *c, ChkType *at, ChkType *pt)
{
    c->loose_generics++;
    bool shape_ok = chk_assignable(c, at, pt, NULL);
    c->loose_generics--;
    if (!shape_ok) {
        return NULL;
    }
    char ps[200] = "";
    chk_type_str(pt, ps, sizeof ps);
    if ((strncmp(ps, "dict[", 5) == 0 || strncmp(ps, "Mapping[", 8) == 0) && strstr(ps, "str]")) {
        return "the value types differ: convert them first, e.g. "
               "`{k: str(v) for k, v in d.items()}`";
    }
    if (strstr(ps, "str]")) {
        return "the element types differ: convert the items first, e.g. "
               "`[str(x) for x in items]` or `\", \".join(str(x) for x in items)`";
    }
    return "the element types differ: build the container from items of the expected type";
}

static bool
lit_equal(const ChkType *a, const ChkType *p)
{
    if (a->lit != p->lit) {
        return false;
    }
    if (a->lit == CHK_LIT_STR) {
        return a->lit_len == p->lit_len && memcmp(a->lit_s, p->lit_s, a->lit_len) == 0;
    }
    return a->lit_i == p->lit_i;
}

static bool
inst_to_inst(Ctx *c, ChkType *arg, ChkType *param, TvMap *map)
{
    const ChkLib *lib = c->lib;
    ChkClass *ac = arg->cls;
    ChkClass *pc = param->cls;
    if (pc == lib->c_object) {
        return true;
    }
    if (param->lit != CHK_LIT_NONE) {
        if (arg->lit != CHK_LIT_NONE) {
            return lit_equal(arg, param)
                   || (arg->lit == CHK_LIT_BOOL && param->lit == CHK_LIT_INT
                       && arg->lit_i == param->lit_i);
        }
        /* a str of unknown value may hold the right literal */
        return chk_class_is_sub(ac, pc);
    }
    if (chk_class_is_sub(ac, pc)) {
        bind_generic(c, arg, param, map);
        return generic_args_fit(c, arg, param);
    }
    /* an Enum parameter: values cross the host boundary as their str/int
     * value, so a plain value may be what the host expects */
    if (pc->is_enum && (ac == lib->c_str || ac == lib->c_int || ac == lib->c_bool
                        || ac == lib->c_float)) {
        return true;
    }
    /* numeric tower (PEP 484): int is accepted for float, both for complex */
    if (pc == lib->c_float && (ac == lib->c_int || ac == lib->c_bool)) {
        return true;
    }
    if (pc == lib->c_complex && (ac == lib->c_int || ac == lib->c_bool || ac == lib->c_float)) {
        return true;
    }
    if (ac->is_typeddict && (pc == lib->c_dict || strcmp(pc->name, "Mapping") == 0
                             || strcmp(pc->name, "MutableMapping") == 0)) {
        return true;
    }
    if (pc->is_typeddict && (ac == lib->c_dict || ac->is_typeddict)) {
        return true;
    }
    if (pc->is_protocol) {
        if (satisfies_protocol(c, ac, pc, 0)) {
            bind_generic(c, arg, param, map);
            return true;
        }
        return false;
    }
    if (chk_class_open(ac) || chk_class_open(pc)) {
        return true;
    }
    return false;
}

/* chk_assignable: may a value of type arg be passed where param is expected? */
bool
chk_assignable(Ctx *c, ChkType *arg, ChkType *param, TvMap *map)
{
    if (!param || !arg) {
        return true;
    }
    if (param->kind == CHK_T_TYPEVAR) {
        if (map) {
            tv_bind(c, map, param->name, arg);
        }
        return true;
    }
    if (chk_type_is_any(arg) || chk_type_is_any(param)) {
        return true;
    }
    if (param->kind == CHK_T_UNION) {
        /* bind through every member (list[T] | None), then decide */
        bool ok = false;
        for (int i = 0; i < param->nargs; i++) {
            ok |= chk_assignable(c, arg, param->args[i], map);
        }
        return ok;
    }
    if (arg->kind == CHK_T_UNION) {
        for (int i = 0; i < arg->nargs; i++) {
            if (chk_assignable(c, arg->args[i], param, map)) {
                return true;
            }
        }
        return false;
    }
    switch (param->kind) {
    case CHK_T_NONE:
        return arg->kind == CHK_T_NONE;
    case CHK_T_MODULE:
        return true;
    case CHK_T_FUNC:
        if (arg->kind == CHK_T_FUNC || arg->kind == CHK_T_CLASSOBJ) {
            return true;
        }
        if (arg->kind == CHK_T_INST) {
            return chk_class_open(arg->cls) || has_member(arg->cls, "__call__");
        }
        return false;
    case CHK_T_COROUTINE:
        if (arg->kind == CHK_T_COROUTINE) {
            chk_assignable(c, arg->ret, param->ret, map);
            return true;
        }
        return arg->kind == CHK_T_INST
               && (chk_class_open(arg->cls) || has_member(arg->cls, "__await__"));
    case CHK_T_CLASSOBJ:
        if (arg->kind == CHK_T_CLASSOBJ) {
            return chk_class_is_sub(arg->cls, param->cls) || chk_class_open(arg->cls);
        }
        return arg->kind == CHK_T_INST && strcmp(arg->cls->name, "type") == 0;
    case CHK_T_INST:
        break;
    default:
        return true;
    }
    /* param is an instance type */
    ChkClass *pc = param->cls;
    if (pc == c->lib->c_object) {
        return true;
    }
    switch (arg->kind) {
    case CHK_T_INST:
        return inst_to_inst(c, arg, param, map);
    case CHK_T_NONE:
        if (pc->is_protocol && c->lib->c_nonetype) {
            return satisfies_protocol(c, c->lib->c_nonetype, pc, 0);
        }
        return false;
    case CHK_T_FUNC:
    case CHK_T_CLASSOBJ:
        if (pc->is_protocol) {
            return has_member(pc, "__call__") || strcmp(pc->name, "Hashable") == 0;
        }
        return strcmp(pc->name, "type") == 0 && arg->kind == CHK_T_CLASSOBJ;
    case CHK_T_COROUTINE:
        return false;
    case CHK_T_MODULE:
        return false;
    default:
        return true;
    }
}

/* ---- matching ----------------------------------------------------------- */

typedef struct Match {
    bool report;
    int errors;
    const ChkFunc *f;
    bool skip_self;
} Match;

/* Stands for "the callee's signature", spelled out only when reported. */
static const char SIG_HINT[] = "<signature>";

static void
mreport(Ctx *c, Match *m, const AstLoc *loc, const char *code, const char *hint,
        const char *fmt, ...) __attribute__((format(printf, 6, 7)));

static void
mreport(Ctx *c, Match *m, const AstLoc *loc, const char *code, const char *hint,
        const char *fmt, ...)
{
    m->errors++;
    if (!m->report) {
        return;
    }
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    char sighint[700];
    if (hint == SIG_HINT) {
        char sig[600] = "";
        chk_func_sig(m->f, m->skip_self, sig, sizeof sig);
        snprintf(sighint, sizeof sighint, "signature: %s", sig);
        hint = sighint;
    }
    chk_report(c, loc, CHK_SEV_ERROR, code, hint, "%s", msg);
}

static const char *
callee_desc(const ChkFunc *f, char *buf, size_t n)
{
    /* hot: called for every call checked, so no printf */
    size_t w = 0;
    if (f->owner) {
        size_t k = strlen(f->owner->name);
        if (k > n / 2) {
            k = n / 2;
        }
        memcpy(buf, f->owner->name, k);
        w = k;
        buf[w++] = '.';
    }
    size_t k = strlen(f->name);
    if (w + k + 1 > n) {
        k = n - w - 1;
    }
    memcpy(buf + w, f->name, k);
    buf[w + k] = 0;
    return buf;
}

/* ---- fresh container displays ------------------------------------------ */

static ChkType *
quiet_infer(Ctx *c, const AstExpr *e)
{
    c->quiet++;
    ChkType *t = chk_infer(c, e);
    c->quiet--;
    return t;
}

static bool
seq_like(const Ctx *c, const ChkClass *k)
{
    return k == c->lib->c_list || k == c->lib->c_set || k == c->lib->c_frozenset
           || iterable_family(k);
}

static bool
known(const ChkType *t)
{
    return t && !chk_type_is_any(t);
}

/* The member of a union that a display of `kind` could be meant for. */
static ChkType *
display_target(Ctx *c, const AstExpr *a, ChkType *pt)
{
    if (!pt || pt->kind != CHK_T_UNION) {
        return pt;
    }
    ChkType *found = NULL;
    for (int i = 0; i < pt->nargs; i++) {
        ChkType *m = pt->args[i];
        if (m->kind == CHK_T_NONE) {
            continue;
        }
        if (m->kind != CHK_T_INST || found) {
            return NULL;
        }
        found = m;
    }
    (void)c;
    (void)a;
    return found;
}

static void mreport(Ctx *c, Match *m, const AstLoc *loc, const char *code, const char *hint,
                    const char *fmt, ...) __attribute__((format(printf, 6, 7)));

static void
check_typeddict_display(Ctx *c, Match *m, const AstExpr *a, const ChkClass *k,
                        const char *fname, const char *pname)
{
    bool spread = false;
    for (int i = 0; i < a->u.dict.keys.len; i++) {
        const AstExpr *ke = AST_SEQ_GET(a->u.dict.keys, i);
        if (!ke) {
            spread = true;
            continue;
        }
        if (ke->kind != AST_CONSTANT || ke->u.constant.kind != AST_CONST_STR) {
            spread = true;
            continue;
        }
        const char *key = ke->u.constant.str.s;
        ChkSymbol *f = chk_class_lookup(k, key, NULL);
        if (!f || f->is_method) {
            ChkSuggest sg;
            chk_suggest_init(&sg, key);
            sg.budget = &c->suggest_budget;
            for (int j = 0; j < k->members.len; j++) {
                chk_suggest_offer(&sg, k->members.order[j]->name);
            }
            const char *best = chk_suggest_best(&sg);
            char dym[160] = "";
            if (best) {
                snprintf(dym, sizeof dym, "; did you mean \"%s\"?", best);
            }
            if (fname) {
                mreport(c, m, &ke->loc, "invalid-key", NULL,
                        "Unknown key \"%s\" for TypedDict `%s` (argument `%s` of `%s`)%s", key,
                        k->name, pname, fname, dym);
            } else {
                mreport(c, m, &ke->loc, "invalid-key", NULL,
                        "Unknown key \"%s\" for TypedDict `%s` (assigned to `%s`)%s", key,
                        k->name, pname, dym);
            }
            continue;
        }
        ChkType *vt = quiet_infer(c, AST_SEQ_GET(a->u.dict.values, i));
        if (!chk_assignable(c, vt, f->type, NULL)) {
            char at[200] = "";
            char ft[200] = "";
            chk_type_str(vt, at, sizeof at);
            chk_type_str(f->type, ft, sizeof ft);
            const AstExpr *ve = AST_SEQ_GET(a->u.dict.values, i);
            mreport(c, m, &ve->loc, fname ? "invalid-argument-type" : "invalid-assignment",
                    NULL,
                    "Invalid value for key \"%s\" of TypedDict `%s`: expected `%s`, found `%s`",
                    key, k->name, ft, at);
        }
    }
    if (spread || (!fname && chk_is_mutated(c, pname))) {
        return;    /* `td: TD = {...}` then `td["k"] = v`: keys may come later */
    }
    for (int j = 0; j < k->members.len; j++) {
        const ChkSymbol *f = k->members.order[j];
        if (f->is_method || f->not_required) {
            continue;
        }
        bool given = false;
        for (int i = 0; i < a->u.dict.keys.len && !given; i++) {
            const AstExpr *ke = AST_SEQ_GET(a->u.dict.keys, i);
            given = ke && strcmp(ke->u.constant.str.s, f->name) == 0;
        }
        if (!given && fname) {
            mreport(c, m, &a->loc, "invalid-argument-type", NULL,
                    "Missing required key \"%s\" in the `%s` passed as `%s` to `%s`", f->name,
                    k->name, pname, fname);
        } else if (!given) {
            mreport(c, m, &a->loc, "invalid-assignment", NULL,
                    "Missing required key \"%s\" in the `%s` assigned to `%s`", f->name,
                    k->name, pname);
        }
    }
}

/*
 * A list/set/tuple/dict display passed straight to a parameter: its
 * elements' types are exact (nothing else can have added to it), so they
 * are checked against the parameter's element types, and a dict display
 * against a TypedDict's keys.
 */
static void
check_display(Ctx *c, Match *m, const AstExpr *a, ChkType *param, const char *fname,
              const char *pname)
{
    ChkType *pt = display_target(c, a, param);
    if (!pt || pt->kind != CHK_T_INST || pt->lit != CHK_LIT_NONE) {
        return;
    }
    const ChkClass *k = pt->cls;
    if (a->kind == AST_DICT) {
        if (k->is_typeddict) {
            check_typeddict_display(c, m, a, k, fname, pname);
            return;
        }
        if ((k != c->lib->c_dict && strcmp(k->name, "Mapping") != 0
             && strcmp(k->name, "MutableMapping") != 0) || pt->nargs != 2) {
            return;
        }
        for (int i = 0; i < a->u.dict.keys.len; i++) {
            const AstExpr *ke = AST_SEQ_GET(a->u.dict.keys, i);
            const AstExpr *ve = AST_SEQ_GET(a->u.dict.values, i);
            if (!ke) {
                continue;
            }
            const AstExpr *bad = NULL;
            ChkType *want = NULL;
            ChkType *got = NULL;
            if (known(pt->args[0]) && !chk_assignable(c, got = quiet_infer(c, ke), pt->args[0],
                                                      NULL)) {
                bad = ke;
                want = pt->args[0];
            } else if (known(pt->args[1])
                       && !chk_assignable(c, got = quiet_infer(c, ve), pt->args[1], NULL)) {
                bad = ve;
                want = pt->args[1];
            }
            if (bad) {
                char at[200] = "";
                char wt[200] = "";
                chk_type_str(got, at, sizeof at);
                chk_type_str(want, wt, sizeof wt);
                mreport(c, m, &bad->loc, "invalid-argument-type", NULL,
                        "Argument to `%s` is incorrect: parameter `%s` holds `%s`, found an "
                        "entry of type `%s`", fname, pname, wt, at);
            }
        }
        return;
    }
    if (a->kind != AST_LIST && a->kind != AST_SET && a->kind != AST_TUPLE) {
        return;
    }
    if (!seq_like(c, k) || pt->nargs < 1 || !known(pt->args[0])) {
        return;
    }
    const AstSeq *elts = a->kind == AST_SET ? &a->u.set.elts : &a->u.list.elts;
    for (int i = 0; i < elts->len; i++) {
        const AstExpr *el = AST_SEQ_GET(*elts, i);
        if (el->kind == AST_STARRED) {
            continue;
        }
        ChkType *et = quiet_infer(c, el);
        if (!chk_assignable(c, et, pt->args[0], NULL)) {
            char at[200] = "";
            char wt[200] = "";
            chk_type_str(et, at, sizeof at);
            chk_type_str(pt->args[0], wt, sizeof wt);
            mreport(c, m, &el->loc, "invalid-argument-type",
                    et->kind == CHK_T_COROUTINE
                        ? "the element is a coroutine: did you forget `await`?" : NULL,
                    "Argument to `%s` is incorrect: parameter `%s` holds `%s`, found an "
                    "element of type `%s`", fname, pname, wt, at);
        }
    }
}

/*
 * chk_check_typeddict_assign: `target: SomeTypedDict = {...}` — the display's
 * keys and values against the TypedDict (unknown keys are invalid-key,
 * missing required keys and wrong values invalid-assignment).
 */
void
chk_check_typeddict_assign(Ctx *c, const AstExpr *value, ChkType *declared,
                           const char *target)
{
    ChkType *pt = value->kind == AST_DICT ? display_target(c, value, declared) : NULL;
    if (!pt || pt->kind != CHK_T_INST || !pt->cls->is_typeddict) {
        return;
    }
    Match m = {.report = true, .errors = 0, .f = NULL, .skip_self = false};
    check_typeddict_display(c, &m, value, pt->cls, NULL, target);
}

#define MAXP 64

/*
 * Matches the call's arguments to f's parameters (CPython's binding rules)
 * and checks their types. Returns the number of problems found; reports
 * them when m->report. arg_types are the already inferred argument types.
 */
static int
match_call(Ctx *c, const AstExpr *call, ChkFunc *f, const ChkType *self_type,
           ChkType **arg_types, ChkType **kw_types, TvMap *map, bool report)
{
    Match m = {report, 0, f, false};
    if (f->any_args) {
        return 0;
    }
    int skip = 0;
    if (f->is_method && !f->is_static && self_type) {
        skip = 1;
    }
    int np = f->nparams - skip;
    if (np > MAXP || np < 0) {
        return 0;
    }
    const ChkParam *ps = f->params + skip;
    const AstExpr *filled[MAXP] = {0};
    int vararg = -1;
    int kwarg = -1;
    int npos = 0;
    for (int i = 0; i < np; i++) {
        if (ps[i].kind == CHK_P_VARARG) {
            vararg = i;
        } else if (ps[i].kind == CHK_P_KWARG) {
            kwarg = i;
        } else if (ps[i].kind == CHK_P_POSONLY || ps[i].kind == CHK_P_NORMAL) {
            npos++;
        }
    }
    m.skip_self = skip == 1;
    char name[200];
    callee_desc(f, name, sizeof name);
    const char *hint = SIG_HINT;

    bool unknown_pos = false;
    bool unknown_kw = false;
    int pi = 0;
    const AstSeq *args = &call->u.call.args;
    int given = 0;
    for (int i = 0; i < args->len; i++) {
        given += ((const AstExpr *)AST_SEQ_GET(*args, i))->kind != AST_STARRED;
    }
    for (int i = 0; i < args->len; i++) {
        const AstExpr *a = AST_SEQ_GET(*args, i);
        if (a->kind == AST_STARRED) {
            unknown_pos = true;
            break;
        }
        while (pi < np && ps[pi].kind != CHK_P_POSONLY && ps[pi].kind != CHK_P_NORMAL) {
            pi++;
        }
        if (pi < np) {
            filled[pi] = a;
            TvMap *mm = map;
            if (!arg_assignable(c, a, arg_types[i], ps[pi].type, mm)) {
                char at[200] = "";
                char pt[200] = "";
                chk_type_str(arg_types[i], at, sizeof at);
                chk_type_str(ps[pi].type, pt, sizeof pt);
                const char *h = arg_types[i]->kind == CHK_T_COROUTINE
                                    ? "the argument is a coroutine: did you forget `await`?"
                                    : hint;
                const char *eh = elem_hint(c, arg_types[i], ps[pi].type);
                h = eh ? eh : h;
                mreport(c, &m, &a->loc, "invalid-argument-type", h,
                        "Argument to `%s` is incorrect: parameter `%s` expects `%s`, found `%s`",
                        name, ps[pi].name, pt, at);
            } else {
                check_display(c, &m, a, ps[pi].type, name, ps[pi].name);
            }
            pi++;
            continue;
        }
        if (vararg >= 0) {
            if (!chk_assignable(c, arg_types[i], ps[vararg].type, map)) {
                char at[200] = "";
                char pt[200] = "";
                chk_type_str(arg_types[i], at, sizeof at);
                chk_type_str(ps[vararg].type, pt, sizeof pt);
                mreport(c, &m, &a->loc, "invalid-argument-type", hint,
                        "Argument to `%s` is incorrect: `*%s` expects `%s`, found `%s`", name,
                        ps[vararg].name, pt, at);
            }
            continue;
        }
        mreport(c, &m, &a->loc, "too-many-positional-arguments", hint,
                "Too many positional arguments to `%s`: expected %d, got %d", name, npos,
                given);
        break;
    }
    const AstSeq *kws = &call->u.call.keywords;
    for (int i = 0; i < kws->len; i++) {
        const AstKeyword *k = AST_SEQ_GET(*kws, i);
        if (!k->arg.s) {
            unknown_kw = true;
            continue;
        }
        int found = -1;
        for (int p = 0; p < np; p++) {
            if (ps[p].kind != CHK_P_VARARG && ps[p].kind != CHK_P_KWARG
                && strcmp(ps[p].name, k->arg.s) == 0) {
                found = p;
                break;
            }
        }
        ChkType *pt = NULL;
        if (found >= 0 && ps[found].kind == CHK_P_POSONLY) {
            if (kwarg < 0) {
                mreport(c, &m, &k->loc, "positional-only-parameter-as-kwarg", hint,
                        "Positional-only parameter `%s` of `%s` passed as keyword argument",
                        k->arg.s, name);
                filled[found] = k->value;   /* one problem, one report */
                continue;
            }
            found = -1;
        }
        if (found >= 0) {
            if (filled[found]) {
                mreport(c, &m, &k->loc, "parameter-already-assigned", hint,
                        "Multiple values provided for parameter `%s` of `%s`", k->arg.s, name);
                continue;
            }
            filled[found] = k->value;
            pt = ps[found].type;
        } else if (kwarg >= 0) {
            pt = ps[kwarg].type;
        } else {
            ChkSuggest sg;
            chk_suggest_init(&sg, k->arg.s);
            sg.budget = &c->suggest_budget;
            for (int p = 0; p < np; p++) {
                if (ps[p].kind == CHK_P_NORMAL || ps[p].kind == CHK_P_KWONLY) {
                    chk_suggest_offer(&sg, ps[p].name);
                }
            }
            const char *best = chk_suggest_best(&sg);
            if (best) {
                mreport(c, &m, &k->loc, "unknown-argument", hint,
                        "Argument `%s` does not match any known parameter of `%s`; did you "
                        "mean `%s`?", k->arg.s, name, best);
            } else {
                mreport(c, &m, &k->loc, "unknown-argument", hint,
                        "Argument `%s` does not match any known parameter of `%s`", k->arg.s,
                        name);
            }
            continue;
        }
        if (!arg_assignable(c, k->value, kw_types[i], pt, map)) {
            char at[200] = "";
            char pts[200] = "";
            chk_type_str(kw_types[i], at, sizeof at);
            chk_type_str(pt, pts, sizeof pts);
            const char *h = kw_types[i]->kind == CHK_T_COROUTINE
                                ? "the argument is a coroutine: did you forget `await`?"
                                : hint;
            const char *eh = elem_hint(c, kw_types[i], pt);
            h = eh ? eh : h;
            mreport(c, &m, &k->value->loc, "invalid-argument-type", h,
                    "Argument to `%s` is incorrect: parameter `%s` expects `%s`, found `%s`",
                    name, k->arg.s, pts, at);
        } else {
            check_display(c, &m, k->value, pt, name, k->arg.s);
        }
    }
    /* missing arguments, where the call site's shape is known */
    char missing[400] = "";
    int nmissing = 0;
    for (int p = 0; p < np; p++) {
        const ChkParam *q = &ps[p];
        if (filled[p] || q->has_default || q->kind == CHK_P_VARARG || q->kind == CHK_P_KWARG) {
            continue;
        }
        bool may_fill = (q->kind == CHK_P_POSONLY && unknown_pos)
                        || (q->kind == CHK_P_KWONLY && unknown_kw)
                        || (q->kind == CHK_P_NORMAL && (unknown_pos || unknown_kw));
        if (may_fill) {
            continue;
        }
        if (strlen(missing) < 300) {
            if (nmissing) {
                strcat(missing, ", ");
            }
            strcat(missing, "`");
            strncat(missing, q->name, 60);
            strcat(missing, "`");
        }
        nmissing++;
    }
    if (nmissing) {
        mreport(c, &m, &call->loc, "missing-argument", hint,
                "No argument%s provided for required parameter%s %s of `%s`",
                nmissing > 1 ? "s" : "", nmissing > 1 ? "s" : "", missing, name);
    }
    return m.errors;
}

/* Return type of f for this call (async -> coroutine), substituted. */
static ChkType *
call_result(Ctx *c, ChkFunc *f, const ChkType *self_type, TvMap *map)
{
    ChkType *r = f->def ? chk_func_return(c, f) : f->ret;
    if (!r) {
        r = c->lib->t_any;
    }
    if (self_type && self_type->kind == CHK_T_INST) {
        TvMap sm;
        chk_tvmap_from_self(&sm, self_type);
        r = chk_subst(c, r, &sm);
    }
    r = chk_subst(c, r, map);
    /* an async generator's call is its (async) iterator, not a coroutine */
    if (f->is_async && !(f->def && f->scope_id >= 0 && c->scopes[f->scope_id]->is_generator)) {
        ChkType *co = chk_type_new(c->arena, CHK_T_COROUTINE);
        co->ret = r;
        return co;
    }
    return r;
}

static ChkType *
call_func(Ctx *c, const AstExpr *call, ChkFunc *f, const ChkType *self_type,
          ChkType **arg_types, ChkType **kw_types)
{
    if (!f->next_overload) {
        TvMap map = {.n = 0};
        match_call(c, call, f, self_type, arg_types, kw_types, &map, true);
        return call_result(c, f, self_type, &map);
    }
    ChkFunc *closest = NULL;
    int fewest = 0;
    for (ChkFunc *o = f; o; o = o->next_overload) {
        TvMap map = {.n = 0};
        int errors = match_call(c, call, o, self_type, arg_types, kw_types, &map, false);
        if (errors == 0) {
            return call_result(c, o, self_type, &map);
        }
        /* an overload that names the call's keywords is the one meant */
        for (int i = 0; i < call->u.call.keywords.len; i++) {
            const AstKeyword *k = AST_SEQ_GET(call->u.call.keywords, i);
            bool named = !k->arg.s;
            for (int p = 0; !named && p < o->nparams; p++) {
                named = o->params[p].name && strcmp(o->params[p].name, k->arg.s) == 0;
            }
            errors += named ? 0 : 2;
        }
        if (!closest || errors < fewest) {
            closest = o;
            fewest = errors;
        }
    }
    /* what the closest overload objects to, for the message */
    char why[600] = "";
    if (c->quiet == 0 && !c->capture) {
        TvMap map = {.n = 0};
        c->capture = why;
        c->capture_size = sizeof why;
        match_call(c, call, closest, self_type, arg_types, kw_types, &map, true);
        c->capture = NULL;
    }
    /* one overload only differs by types: its message is the useful one */
    int nover = 0;
    for (ChkFunc *o = f; o; o = o->next_overload) {
        nover++;
    }
    char name[200];
    callee_desc(f, name, sizeof name);
    char sigs[900] = "";
    for (ChkFunc *o = f; o && strlen(sigs) < 700; o = o->next_overload) {
        char s[300] = "";
        chk_func_sig(o, self_type != NULL, s, sizeof s);
        if (sigs[0]) {
            strcat(sigs, "; ");
        }
        strncat(sigs, s, sizeof sigs - strlen(sigs) - 1);
    }
    chk_report(c, &call->loc, CHK_SEV_ERROR, "no-matching-overload", sigs,
               "No overload of `%s` matches the arguments (%d overloads)%s%s", name, nover,
               why[0] ? "; closest: " : "", why);
    return c->lib->t_any;
}

/* Appends the __init__ fields of k (its dataclass bases' first, as
 * dataclasses orders them: a redeclared field keeps its first position). */
static int
collect_fields(const ChkClass *k, const ChkSymbol **out, int n, int cap, int depth)
{
    for (int b = 0; b < k->nbases && depth < 8; b++) {
        const ChkType *bt = k->bases[b];
        if (bt->kind == CHK_T_INST && bt->cls && (bt->cls->is_dataclass
                                                  || bt->cls->is_namedtuple)) {
            n = collect_fields(bt->cls, out, n, cap, depth + 1);
        }
    }
    for (int i = 0; i < k->members.len; i++) {
        const ChkSymbol *s = k->members.order[i];
        if (s->is_method || s->is_property || s->is_classvar || s->no_init) {
            continue;
        }
        int at = 0;
        while (at < n && strcmp(out[at]->name, s->name) != 0) {
            at++;
        }
        if (at < n) {
            out[at] = s;
        } else if (n < cap) {
            out[n++] = s;
        }
    }
    return n;
}

/* Synthesized constructor of a dataclass / NamedTuple from its fields
 * (keyword-only fields after the positional ones). */
static ChkFunc *
fields_init(Ctx *c, ChkClass *k)
{
    enum { MAXF = 128 };
    const ChkSymbol *fs[MAXF];
    int n = collect_fields(k, fs, 0, MAXF, 0);
    ChkFunc *f = ast_arena_alloc(c->arena, sizeof *f);
    ChkParam *ps = ast_arena_alloc(c->arena, sizeof *ps * (size_t)(n + 1));
    if (!f || !ps) {
        return NULL;
    }
    f->name = k->name;
    f->params = ps;
    for (int pass = 0; pass < 2; pass++) {
        for (int i = 0; i < n; i++) {
            const ChkSymbol *s = fs[i];
            if (s->kw_only != (pass == 1)) {
                continue;
            }
            ChkParam *p = &ps[f->nparams++];
            p->name = s->name;
            p->kind = s->kw_only ? CHK_P_KWONLY : CHK_P_NORMAL;
            p->type = s->type;
            p->has_default = s->has_default;
        }
    }
    f->ret = chk_type_inst(c->arena, k, 0, NULL);
    return f;
}

/* TypedDict(...) with keywords: every key known, every required key given. */
static void
check_typeddict_ctor(Ctx *c, const AstExpr *call, ChkClass *k, ChkType **kw_types)
{
    const AstSeq *kws = &call->u.call.keywords;
    bool spread = call->u.call.args.len > 0;
    for (int i = 0; i < kws->len; i++) {
        const AstKeyword *kw = AST_SEQ_GET(*kws, i);
        if (!kw->arg.s) {
            spread = true;
            continue;
        }
        ChkSymbol *f = chk_class_lookup(k, kw->arg.s, NULL);
        if (!f || f->is_method) {
            ChkSuggest sg;
            chk_suggest_init(&sg, kw->arg.s);
            sg.budget = &c->suggest_budget;
            for (int m = 0; m < k->members.len; m++) {
                chk_suggest_offer(&sg, k->members.order[m]->name);
            }
            const char *best = chk_suggest_best(&sg);
            char dym[200] = "";
            if (best) {
                snprintf(dym, sizeof dym, "; did you mean \"%s\"?", best);
            }
            chk_report(c, &kw->loc, CHK_SEV_ERROR, "invalid-key", NULL,
                       "Unknown key \"%s\" for TypedDict `%s`%s", kw->arg.s, k->name, dym);
            continue;
        }
        if (!chk_assignable(c, kw_types[i], f->type, NULL)) {
            char at[200] = "";
            char pt[200] = "";
            chk_type_str(kw_types[i], at, sizeof at);
            chk_type_str(f->type, pt, sizeof pt);
            chk_report(c, &kw->value->loc, CHK_SEV_ERROR, "invalid-argument-type", NULL,
                       "Invalid value for key \"%s\" of TypedDict `%s`: expected `%s`, "
                       "found `%s`", kw->arg.s, k->name, pt, at);
        }
    }
    if (spread) {
        return;
    }
    for (int m = 0; m < k->members.len; m++) {
        const ChkSymbol *f = k->members.order[m];
        if (f->is_method || f->not_required) {
            continue;
        }
        bool given = false;
        for (int i = 0; i < kws->len && !given; i++) {
            const AstKeyword *kw = AST_SEQ_GET(*kws, i);
            given = kw->arg.s && strcmp(kw->arg.s, f->name) == 0;
        }
        if (!given) {
            chk_report(c, &call->loc, CHK_SEV_ERROR, "missing-argument", NULL,
                       "Missing required key \"%s\" in TypedDict `%s` constructor", f->name,
                       k->name);
        }
    }
}

static ChkType *
construct(Ctx *c, const AstExpr *call, ChkClass *k, ChkType **arg_types, ChkType **kw_types)
{
    const ChkLib *lib = c->lib;
    if (k->is_typeddict) {
        check_typeddict_ctor(c, call, k, kw_types);
        return chk_type_inst(c->arena, k, 0, NULL);
    }
    ChkType *self = chk_type_inst(c->arena, k, 0, NULL);
    const ChkClass *owner = NULL;
    ChkSymbol *init = chk_class_lookup(k, "__init__", &owner);
    if (owner == lib->c_object
        || (owner != k && (k->is_dataclass || k->is_namedtuple))) {
        init = NULL;    /* the generated __init__ comes from the fields */
    }
    if (init && init->type && init->type->kind == CHK_T_FUNC
        && !init->type->func->next_overload) {
        /* bind the class's type variables from the constructor's arguments */
        TvMap map = {.n = 0};
        match_call(c, call, init->type->func, self, arg_types, kw_types, &map, true);
        if (k->ntparams > 0 && k->ntparams <= 8) {
            ChkType **targs = ast_arena_alloc(c->arena, sizeof *targs * (size_t)k->ntparams);
            bool bound = false;
            for (int i = 0; targs && i < k->ntparams; i++) {
                targs[i] = tv_get(&map, k->tparams[i]);
                bound |= targs[i] != NULL;
                if (!targs[i]) {
                    targs[i] = lib->t_any;
                }
            }
            if (targs && bound) {
                self = chk_type_inst(c->arena, k, k->ntparams, targs);
            }
        }
    } else if (init && init->type && init->type->kind == CHK_T_FUNC) {
        call_func(c, call, init->type->func, self, arg_types, kw_types);
    } else if ((k->is_dataclass || k->is_namedtuple) && !chk_class_open(k)) {
        ChkFunc *f = fields_init(c, k);
        if (f) {
            TvMap map = {.n = 0};
            match_call(c, call, f, NULL, arg_types, kw_types, &map, true);
        }
    }
    /* containers built from an iterable keep its element type */
    int nargs = call->u.call.args.len;
    if ((k == lib->c_list || k == lib->c_set || k == lib->c_frozenset) && nargs == 1
        && ((const AstExpr *)AST_SEQ_GET(call->u.call.args, 0))->kind != AST_STARRED) {
        return chk_type_inst1(c->arena, k, chk_type_widen(c->arena,
                                                         chk_elem_type(c, arg_types[0])));
    }
    if (k == lib->c_tuple && nargs == 1) {
        ChkType *t = chk_type_inst1(c->arena, k, chk_type_widen(c->arena,
                                                                chk_elem_type(c, arg_types[0])));
        t->tuple_var = true;
        return t;
    }
    if (k == lib->c_bool) {
        return lib->t_bool;
    }
    return self;
}

static bool
callable_inst(const ChkType *t)
{
    return t->kind == CHK_T_INST && (chk_class_open(t->cls)
                                      || chk_class_lookup(t->cls, "__call__", NULL));
}

/* chk_call: checks a call expression against its callee's type. */
ChkType *
chk_call(Ctx *c, const AstExpr *call, ChkType *callee)
{
    const AstSeq *args = &call->u.call.args;
    const AstSeq *kws = &call->u.call.keywords;
    ChkType **at = ast_arena_alloc(c->arena, sizeof *at * (size_t)(args->len + 1));
    ChkType **kt = ast_arena_alloc(c->arena, sizeof *kt * (size_t)(kws->len + 1));
    if (!at || !kt) {
        return c->lib->t_any;
    }
    for (int i = 0; i < args->len; i++) {
        at[i] = chk_infer(c, AST_SEQ_GET(*args, i));
    }
    for (int i = 0; i < kws->len; i++) {
        const AstKeyword *k = AST_SEQ_GET(*kws, i);
        kt[i] = chk_infer(c, k->value);
    }
    if (chk_type_is_any(callee)) {
        return c->lib->t_any;
    }
    switch (callee->kind) {
    case CHK_T_FUNC:
        return call_func(c, call, callee->func, callee->self_type, at, kt);
    case CHK_T_CLASSOBJ:
        return construct(c, call, callee->cls, at, kt);
    case CHK_T_UNION: {
        bool any_callable = false;
        for (int i = 0; i < callee->nargs; i++) {
            const ChkType *m = callee->args[i];
            any_callable |= m->kind == CHK_T_FUNC || m->kind == CHK_T_CLASSOBJ
                            || chk_type_is_any(m) || callable_inst(m);
        }
        if (any_callable) {
            return c->lib->t_any;
        }
        break;
    }
    case CHK_T_INST:
        if (callable_inst(callee)) {
            ChkSymbol *s = chk_class_lookup(callee->cls, "__call__", NULL);
            if (s && s->type && s->type->kind == CHK_T_FUNC) {
                return call_func(c, call, s->type->func, callee, at, kt);
            }
            return c->lib->t_any;
        }
        break;
    default:
        break;
    }
    char ts[256] = "";
    chk_type_str(callee, ts, sizeof ts);
    const char *hint = callee->kind == CHK_T_COROUTINE
                           ? "the value is a coroutine: did you forget `await`?" : NULL;
    chk_report(c, &call->u.call.func->loc, CHK_SEV_ERROR, "call-non-callable", hint,
               "Object of type `%s` is not callable", ts);
    return c->lib->t_any;
}
