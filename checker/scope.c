/*
 * scope.c — scopes and bindings of a script, and the flow-insensitive type
 * of each local name.
 *
 * Python's rules: a name bound anywhere in a function (assignment, loop
 * target, import, def, except-as, walrus, parameter) is local to the whole
 * function unless declared global or nonlocal; comprehensions and lambdas
 * are scopes of their own; class bodies are scopes that nested functions do
 * not see. Bindings made through `global`/`nonlocal` from an inner scope are
 * recorded on the outer local and mark it `forced_any` for flow purposes.
 */
#include <stdint.h>
#include <string.h>

#include "checker/check_int.h"

static unsigned
ptr_hash(const void *p)
{
    uintptr_t v = (uintptr_t)p;
    v ^= v >> 17;
    v *= 0x9E3779B1u;
    return (unsigned)(v ^ (v >> 15));
}

static bool
node_map_put(Ctx *c, const void *node, int id)
{
    if ((c->nscopes + 1) * 2 > c->node_cap) {
        int cap = c->node_cap ? c->node_cap * 2 : 32;
        const void **keys = ast_arena_alloc(c->arena, sizeof *keys * (size_t)cap);
        int *ids = ast_arena_alloc(c->arena, sizeof *ids * (size_t)cap);
        if (!keys || !ids) {
            return false;
        }
        for (int k = 0; k < c->node_cap; k++) {
            if (!c->node_keys[k]) {
                continue;
            }
            unsigned i = ptr_hash(c->node_keys[k]) & (unsigned)(cap - 1);
            while (keys[i]) {
                i = (i + 1) & (unsigned)(cap - 1);
            }
            keys[i] = c->node_keys[k];
            ids[i] = c->node_ids[k];
        }
        c->node_keys = keys;
        c->node_ids = ids;
        c->node_cap = cap;
    }
    unsigned i = ptr_hash(node) & (unsigned)(c->node_cap - 1);
    while (c->node_keys[i]) {
        i = (i + 1) & (unsigned)(c->node_cap - 1);
    }
    c->node_keys[i] = node;
    c->node_ids[i] = id;
    return true;
}

static int
new_scope(Ctx *c, ScopeKind kind, int parent, const void *node)
{
    if (c->nscopes == c->capscopes) {
        int cap = c->capscopes ? c->capscopes * 2 : 16;
        Scope **n = ast_arena_alloc(c->arena, sizeof *n * (size_t)cap);
        if (!n) {
            return -1;
        }
        if (c->nscopes) {
            memcpy(n, c->scopes, sizeof *n * (size_t)c->nscopes);
        }
        c->scopes = n;
        c->capscopes = cap;
    }
    Scope *s = ast_arena_alloc(c->arena, sizeof *s);
    if (!s) {
        return -1;
    }
    s->kind = kind;
    s->parent = parent;
    s->node = node;
    c->scopes[c->nscopes] = s;
    if (node && !node_map_put(c, node, c->nscopes)) {
        return -1;
    }
    return c->nscopes++;
}

static unsigned
name_hash(const char *s)
{
    unsigned h = 2166136261u;
    for (; *s; s++) {
        h = (h ^ (unsigned char)*s) * 16777619u;
    }
    return h;
}

/* chk_scope_local: the local called name in s, or NULL (hashed: scripts
 * with thousands of names must not make every lookup linear). */
Local *
chk_scope_local(const Scope *s, const char *name)
{
    if (s->hcap == 0) {
        return NULL;
    }
    unsigned i = name_hash(name) & (unsigned)(s->hcap - 1);
    while (s->hslots[i]) {
        if (strcmp(s->hslots[i]->name, name) == 0) {
            return s->hslots[i];
        }
        i = (i + 1) & (unsigned)(s->hcap - 1);
    }
    return NULL;
}

static bool
hash_insert(Ctx *c, Scope *s, Local *l)
{
    if ((s->nlocals + 1) * 2 > s->hcap) {
        int cap = s->hcap ? s->hcap * 2 : 16;
        Local **slots = ast_arena_alloc(c->arena, sizeof *slots * (size_t)cap);
        if (!slots) {
            return false;
        }
        for (int k = 0; k < s->nlocals; k++) {
            unsigned i = name_hash(s->locals[k]->name) & (unsigned)(cap - 1);
            while (slots[i]) {
                i = (i + 1) & (unsigned)(cap - 1);
            }
            slots[i] = s->locals[k];
        }
        s->hslots = slots;
        s->hcap = cap;
    }
    unsigned i = name_hash(l->name) & (unsigned)(s->hcap - 1);
    while (s->hslots[i]) {
        i = (i + 1) & (unsigned)(s->hcap - 1);
    }
    s->hslots[i] = l;
    return true;
}

static Local *
add_local(Ctx *c, Scope *s, const char *name)
{
    Local *l = chk_scope_local(s, name);
    if (l) {
        return l;
    }
    if (s->nlocals == s->cap) {
        int cap = s->cap ? s->cap * 2 : 8;
        Local **n = ast_arena_alloc(c->arena, sizeof *n * (size_t)cap);
        if (!n) {
            return NULL;
        }
        if (s->nlocals) {
            memcpy(n, s->locals, sizeof *n * (size_t)s->nlocals);
        }
        s->locals = n;
        s->cap = cap;
    }
    l = ast_arena_alloc(c->arena, sizeof *l);
    if (!l) {
        return NULL;
    }
    l->name = name;
    l->index = s->nlocals;
    l->decl_scope = -1;
    if (!hash_insert(c, s, l)) {
        return NULL;
    }
    s->locals[s->nlocals++] = l;
    return l;
}

/* The local that a binding of `name` in scope `sid` lands on. */
static Local *
binding_local(Ctx *c, int sid, const char *name)
{
    Scope *s = c->scopes[sid];
    Local *l = chk_scope_local(s, name);
    if (l && l->global_decl) {
        Local *g = add_local(c, c->scopes[0], name);
        if (g) {
            g->forced_any = true;
        }
        return g;
    }
    if (l && l->nonlocal_decl) {
        for (int p = s->parent; p > 0; p = c->scopes[p]->parent) {
            Scope *ps = c->scopes[p];
            if (ps->kind == SC_CLASS) {
                continue;
            }
            Local *o = chk_scope_local(ps, name);
            if (o && !o->nonlocal_decl && !o->global_decl) {
                o->forced_any = true;
                return o;
            }
        }
        return l;
    }
    return add_local(c, s, name);
}

static Binding *
add_binding(Ctx *c, int sid, const char *name, BindKind kind)
{
    Local *l = binding_local(c, sid, name);
    Binding *b = ast_arena_alloc(c->arena, sizeof *b);
    if (!l || !b) {
        return NULL;
    }
    b->kind = kind;
    b->eval_scope = sid;
    /* keep source order: append */
    Binding **pp = &l->bindings;
    while (*pp) {
        pp = &(*pp)->next;
    }
    *pp = b;
    return b;
}

static void collect_expr(Ctx *c, const AstExpr *e, int sid);
static void collect_stmts(Ctx *c, const AstSeq *body, int sid);

/* ---- containers mutated in place ----------------------------------------- */

/* The name at the root of x / x[i] / x[i][j], or NULL. */
static const char *
root_name(const AstExpr *e)
{
    while (e && e->kind == AST_SUBSCRIPT) {
        e = e->u.subscript.value;
    }
    return e && e->kind == AST_NAME ? e->u.name.id.s : NULL;
}

static bool
is_mutated(const Ctx *c, const char *name);

/* chk_is_mutated: see check_int.h. */
bool
chk_is_mutated(const Ctx *c, const char *name)
{
    return is_mutated(c, name);
}

static bool
is_mutated(const Ctx *c, const char *name)
{
    for (int i = 0; i < c->nmutated; i++) {
        if (strcmp(c->mutated[i], name) == 0) {
            return true;
        }
    }
    return false;
}

static void
note_mutated(Ctx *c, const AstExpr *container)
{
    const char *n = root_name(container);
    if (!n || is_mutated(c, n)) {
        return;
    }
    if (c->nmutated == c->capmutated) {
        int cap = c->capmutated ? c->capmutated * 2 : 8;
        const char **m = ast_arena_alloc(c->arena, sizeof *m * (size_t)cap);
        if (!m) {
            return;
        }
        if (c->nmutated) {
            memcpy(m, c->mutated, sizeof *m * (size_t)c->nmutated);
        }
        c->mutated = m;
        c->capmutated = cap;
    }
    c->mutated[c->nmutated++] = n;
}

/* x.append(v) and the other methods that store a value into a container. */
static void
note_mutator_call(Ctx *c, const AstExpr *call)
{
    static const char *const mutators[] = {
        "append", "extend", "insert", "add", "update", "setdefault", "__setitem__", NULL,
    };
    const AstExpr *f = call->u.call.func;
    if (f->kind != AST_ATTRIBUTE || !strchr("aeiu_s", f->u.attribute.attr.s[0])) {
        return;
    }
    for (int i = 0; mutators[i]; i++) {
        if (strcmp(f->u.attribute.attr.s, mutators[i]) == 0) {
            note_mutated(c, f->u.attribute.value);
            return;
        }
    }
}

/* A container built right here: its element types are only its initial
 * contents' (`[None] * n`, `{"retries": 3}`, `[f(x) for x in xs]`, list()). */
static bool
fresh_container(const AstExpr *v)
{
    switch (v->kind) {
    case AST_LIST:
    case AST_DICT:
    case AST_SET:
    case AST_LISTCOMP:
    case AST_DICTCOMP:
    case AST_SETCOMP:
        return true;
    case AST_BINOP:
        return v->u.binop.op == AST_MULT
               && (fresh_container(v->u.binop.left) || fresh_container(v->u.binop.right));
    case AST_CALL: {
        const AstExpr *f = v->u.call.func;
        return f->kind == AST_NAME && (strcmp(f->u.name.id.s, "list") == 0
                                       || strcmp(f->u.name.id.s, "dict") == 0
                                       || strcmp(f->u.name.id.s, "set") == 0);
    }
    default:
        return false;
    }
}

/*
 * chk_fresh_widen: the type t of `target = value`, with the element types of
 * a freshly built list/dict/set made Any when the script stores into that
 * name elsewhere: `results = [None] * n` then `results[i] = text` holds
 * strings, `payload = {"limit": 3}` then `payload["q"] = q` holds a str.
 * value == target: a loop variable (`for row in rows: row["n"] = 1`),
 * widened whatever the iterable.
 */
ChkType *
chk_fresh_widen(Ctx *c, const AstExpr *target, const AstExpr *value, ChkType *t)
{
    if (!t || t->kind != CHK_T_INST || t->nargs == 0 || !target || !value
        || target->kind != AST_NAME || c->nmutated == 0) {
        return t;
    }
    const ChkLib *lib = c->lib;
    if (t->cls != lib->c_list && t->cls != lib->c_dict && t->cls != lib->c_set) {
        return t;
    }
    if ((value != target && !fresh_container(value)) || !is_mutated(c, target->u.name.id.s)) {
        return t;
    }
    ChkType **args = ast_arena_alloc(c->arena, sizeof *args * (size_t)t->nargs);
    if (!args) {
        return t;
    }
    for (int i = 0; i < t->nargs; i++) {
        args[i] = lib->t_any;
    }
    return chk_type_inst(c->arena, t->cls, t->nargs, args);
}

/* Binds every Name inside target (tuple/list/starred unpacking). */
static void
bind_target(Ctx *c, const AstExpr *root, const AstExpr *t, int sid, BindKind kind,
            const AstExpr *value, const void *node, int eval_scope)
{
    switch (t->kind) {
    case AST_NAME: {
        Binding *b = add_binding(c, sid, t->u.name.id.s, kind);
        if (b) {
            b->target_root = root;
            b->name_node = t;
            b->value = value;
            b->node = node;
            b->eval_scope = eval_scope;
        }
        break;
    }
    case AST_TUPLE:
    case AST_LIST:
        for (int i = 0; i < t->u.list.elts.len; i++) {
            bind_target(c, root, AST_SEQ_GET(t->u.list.elts, i), sid, kind, value, node,
                        eval_scope);
        }
        break;
    case AST_STARRED:
        bind_target(c, root, t->u.starred.value, sid, kind, value, node, eval_scope);
        break;
    case AST_ATTRIBUTE:
        collect_expr(c, t->u.attribute.value, sid);
        break;
    case AST_SUBSCRIPT:
        note_mutated(c, t->u.subscript.value);
        collect_expr(c, t->u.subscript.value, sid);
        collect_expr(c, t->u.subscript.slice, sid);
        break;
    default:
        break;
    }
}

static void
collect_args_defaults(Ctx *c, const AstArguments *a, int sid)
{
    for (int i = 0; i < a->defaults.len; i++) {
        collect_expr(c, AST_SEQ_GET(a->defaults, i), sid);
    }
    for (int i = 0; i < a->kw_defaults.len; i++) {
        const AstExpr *d = AST_SEQ_GET(a->kw_defaults, i);
        if (d) {
            collect_expr(c, d, sid);
        }
    }
}

static void
bind_param(Ctx *c, int fsid, const AstArg *arg, int kind, bool default_none)
{
    Local *l = add_local(c, c->scopes[fsid], arg->arg.s);
    Binding *b = add_binding(c, fsid, arg->arg.s, BIND_PARAM);
    if (!l || !b) {
        return;
    }
    l->is_param = true;
    b->node = arg;
    b->param_kind = kind;
    b->param_default_none = default_none;
}

static bool
is_none_const(const AstExpr *e)
{
    return e && e->kind == AST_CONSTANT && e->u.constant.kind == AST_CONST_NONE;
}

static void
collect_params(Ctx *c, const AstArguments *a, int fsid)
{
    int npos = a->posonlyargs.len + a->args.len;
    int ndef = a->defaults.len;
    for (int i = 0; i < npos; i++) {
        const AstArg *arg = i < a->posonlyargs.len ? AST_SEQ_GET(a->posonlyargs, i)
                                                   : AST_SEQ_GET(a->args, i - a->posonlyargs.len);
        bool dnone = i >= npos - ndef && is_none_const(AST_SEQ_GET(a->defaults, i - (npos - ndef)));
        bind_param(c, fsid, arg, i < a->posonlyargs.len ? CHK_P_POSONLY : CHK_P_NORMAL, dnone);
    }
    if (a->vararg) {
        bind_param(c, fsid, a->vararg, CHK_P_VARARG, false);
    }
    for (int i = 0; i < a->kwonlyargs.len; i++) {
        bind_param(c, fsid, AST_SEQ_GET(a->kwonlyargs, i), CHK_P_KWONLY,
                   is_none_const(AST_SEQ_GET(a->kw_defaults, i)));
    }
    if (a->kwarg) {
        bind_param(c, fsid, a->kwarg, CHK_P_KWARG, false);
    }
}

static void
collect_comp(Ctx *c, const AstExpr *e, int sid)
{
    const AstSeq *gens = &e->u.comp.generators;
    int csid = new_scope(c, SC_COMP, sid, e);
    if (csid < 0) {
        return;
    }
    for (int i = 0; i < gens->len; i++) {
        const AstComprehension *g = AST_SEQ_GET(*gens, i);
        /* the first iterable is evaluated in the enclosing scope */
        collect_expr(c, g->iter, i == 0 ? sid : csid);
        bind_target(c, g->target, g->target, csid, BIND_FOR, g->iter, g, i == 0 ? sid : csid);
        for (int k = 0; k < g->ifs.len; k++) {
            collect_expr(c, AST_SEQ_GET(g->ifs, k), csid);
        }
    }
    if (e->u.comp.elt) {
        collect_expr(c, e->u.comp.elt, csid);
    }
    if (e->u.comp.key) {
        collect_expr(c, e->u.comp.key, csid);
        collect_expr(c, e->u.comp.value, csid);
    }
}

static void
collect_seq(Ctx *c, const AstSeq *s, int sid)
{
    for (int i = 0; i < s->len; i++) {
        const AstExpr *e = AST_SEQ_GET(*s, i);
        if (e) {
            collect_expr(c, e, sid);
        }
    }
}

static void
collect_expr(Ctx *c, const AstExpr *e, int sid)
{
    if (!e) {
        return;
    }
    switch (e->kind) {
    case AST_BOOLOP:
        collect_seq(c, &e->u.boolop.values, sid);
        break;
    case AST_NAMEDEXPR: {
        collect_expr(c, e->u.namedexpr.value, sid);
        /* the walrus binds in the nearest scope that is not a comprehension */
        int t = sid;
        while (t > 0 && c->scopes[t]->kind == SC_COMP) {
            t = c->scopes[t]->parent;
        }
        if (e->u.namedexpr.target->kind == AST_NAME) {
            Binding *b = add_binding(c, t, e->u.namedexpr.target->u.name.id.s, BIND_WALRUS);
            if (b) {
                b->value = e->u.namedexpr.value;
                b->eval_scope = sid;
            }
        }
        break;
    }
    case AST_BINOP:
        collect_expr(c, e->u.binop.left, sid);
        collect_expr(c, e->u.binop.right, sid);
        break;
    case AST_UNARYOP:
        collect_expr(c, e->u.unaryop.operand, sid);
        break;
    case AST_LAMBDA: {
        collect_args_defaults(c, e->u.lambda.args, sid);
        int lsid = new_scope(c, SC_LAMBDA, sid, e);
        if (lsid >= 0) {
            collect_params(c, e->u.lambda.args, lsid);
            collect_expr(c, e->u.lambda.body, lsid);
        }
        break;
    }
    case AST_IFEXP:
        collect_expr(c, e->u.ifexp.test, sid);
        collect_expr(c, e->u.ifexp.body, sid);
        collect_expr(c, e->u.ifexp.orelse, sid);
        break;
    case AST_DICT:
        collect_seq(c, &e->u.dict.keys, sid);
        collect_seq(c, &e->u.dict.values, sid);
        break;
    case AST_SET:
        collect_seq(c, &e->u.set.elts, sid);
        break;
    case AST_LISTCOMP:
    case AST_SETCOMP:
    case AST_DICTCOMP:
    case AST_GENERATOREXP:
        collect_comp(c, e, sid);
        break;
    case AST_AWAIT:
        collect_expr(c, e->u.await_.value, sid);
        break;
    case AST_YIELD:
    case AST_YIELDFROM:
        if (sid >= 0 && c->scopes[sid]->kind == SC_FUNC) {
            c->scopes[sid]->is_generator = true;
        }
        collect_expr(c, e->kind == AST_YIELD ? e->u.yield.value : e->u.yieldfrom.value, sid);
        break;
    case AST_COMPARE:
        collect_expr(c, e->u.compare.left, sid);
        collect_seq(c, &e->u.compare.comparators, sid);
        break;
    case AST_CALL:
        note_mutator_call(c, e);
        collect_expr(c, e->u.call.func, sid);
        collect_seq(c, &e->u.call.args, sid);
        for (int i = 0; i < e->u.call.keywords.len; i++) {
            const AstKeyword *k = AST_SEQ_GET(e->u.call.keywords, i);
            collect_expr(c, k->value, sid);
        }
        break;
    case AST_FORMATTEDVALUE:
        collect_expr(c, e->u.formattedvalue.value, sid);
        collect_expr(c, e->u.formattedvalue.format_spec, sid);
        break;
    case AST_JOINEDSTR:
        collect_seq(c, &e->u.joinedstr.values, sid);
        break;
    case AST_ATTRIBUTE:
        collect_expr(c, e->u.attribute.value, sid);
        break;
    case AST_SUBSCRIPT:
        collect_expr(c, e->u.subscript.value, sid);
        collect_expr(c, e->u.subscript.slice, sid);
        break;
    case AST_STARRED:
        collect_expr(c, e->u.starred.value, sid);
        break;
    case AST_LIST:
    case AST_TUPLE:
        collect_seq(c, &e->u.list.elts, sid);
        break;
    case AST_SLICE:
        collect_expr(c, e->u.slice.lower, sid);
        collect_expr(c, e->u.slice.upper, sid);
        collect_expr(c, e->u.slice.step, sid);
        break;
    default:
        break;
    }
}

static void
collect_pattern(Ctx *c, const AstPattern *p, int sid)
{
    if (!p) {
        return;
    }
    switch (p->kind) {
    case AST_MATCHVALUE:
        collect_expr(c, p->u.value.value, sid);
        break;
    case AST_MATCHSEQUENCE:
        for (int i = 0; i < p->u.sequence.patterns.len; i++) {
            collect_pattern(c, AST_SEQ_GET(p->u.sequence.patterns, i), sid);
        }
        break;
    case AST_MATCHMAPPING:
        collect_seq(c, &p->u.mapping.keys, sid);
        for (int i = 0; i < p->u.mapping.patterns.len; i++) {
            collect_pattern(c, AST_SEQ_GET(p->u.mapping.patterns, i), sid);
        }
        if (p->u.mapping.rest.s) {
            add_binding(c, sid, p->u.mapping.rest.s, BIND_ANY);
        }
        break;
    case AST_MATCHCLASS:
        collect_expr(c, p->u.cls.cls, sid);
        for (int i = 0; i < p->u.cls.patterns.len; i++) {
            collect_pattern(c, AST_SEQ_GET(p->u.cls.patterns, i), sid);
        }
        for (int i = 0; i < p->u.cls.kwd_patterns.len; i++) {
            collect_pattern(c, AST_SEQ_GET(p->u.cls.kwd_patterns, i), sid);
        }
        break;
    case AST_MATCHSTAR:
        if (p->u.star.name.s) {
            add_binding(c, sid, p->u.star.name.s, BIND_ANY);
        }
        break;
    case AST_MATCHAS:
        collect_pattern(c, p->u.as.pattern, sid);
        if (p->u.as.name.s) {
            add_binding(c, sid, p->u.as.name.s, BIND_ANY);
        }
        break;
    case AST_MATCHOR:
        for (int i = 0; i < p->u.or_.patterns.len; i++) {
            collect_pattern(c, AST_SEQ_GET(p->u.or_.patterns, i), sid);
        }
        break;
    default:
        break;
    }
}

static void
collect_stmt(Ctx *c, const AstStmt *s, int sid)
{
    switch (s->kind) {
    case AST_FUNCTIONDEF:
    case AST_ASYNCFUNCTIONDEF: {
        collect_seq(c, &s->u.funcdef.decorator_list, sid);
        collect_args_defaults(c, s->u.funcdef.args, sid);
        Binding *b = add_binding(c, sid, s->u.funcdef.name.s, BIND_DEF);
        if (b) {
            b->node = s;
        }
        int fsid = new_scope(c, SC_FUNC, sid, s);
        if (fsid >= 0) {
            c->scopes[fsid]->is_async = s->kind == AST_ASYNCFUNCTIONDEF;
            collect_params(c, s->u.funcdef.args, fsid);
            collect_stmts(c, &s->u.funcdef.body, fsid);
        }
        break;
    }
    case AST_CLASSDEF: {
        collect_seq(c, &s->u.classdef.decorator_list, sid);
        collect_seq(c, &s->u.classdef.bases, sid);
        Binding *b = add_binding(c, sid, s->u.classdef.name.s, BIND_CLASS);
        if (b) {
            b->node = s;
        }
        int csid = new_scope(c, SC_CLASS, sid, s);
        if (csid >= 0) {
            collect_stmts(c, &s->u.classdef.body, csid);
        }
        break;
    }
    case AST_RETURN:
        collect_expr(c, s->u.return_.value, sid);
        break;
    case AST_DELETE:
        for (int i = 0; i < s->u.delete_.targets.len; i++) {
            const AstExpr *t = AST_SEQ_GET(s->u.delete_.targets, i);
            if (t->kind == AST_NAME) {
                binding_local(c, sid, t->u.name.id.s);
            } else {
                collect_expr(c, t, sid);
            }
        }
        break;
    case AST_ASSIGN:
        collect_expr(c, s->u.assign.value, sid);
        for (int i = 0; i < s->u.assign.targets.len; i++) {
            const AstExpr *t = AST_SEQ_GET(s->u.assign.targets, i);
            bind_target(c, t, t, sid, BIND_ASSIGN, s->u.assign.value, s, sid);
        }
        break;
    case AST_TYPEALIAS:
        if (s->u.typealias.name->kind == AST_NAME) {
            add_binding(c, sid, s->u.typealias.name->u.name.id.s, BIND_ANY);
        }
        break;
    case AST_AUGASSIGN: {
        collect_expr(c, s->u.augassign.value, sid);
        const AstExpr *t = s->u.augassign.target;
        if (t->kind == AST_NAME) {
            Binding *b = add_binding(c, sid, t->u.name.id.s, BIND_AUG);
            if (b) {
                b->node = s;
                b->name_node = t;
            }
        } else {
            if (t->kind == AST_SUBSCRIPT) {
                note_mutated(c, t->u.subscript.value);
            }
            collect_expr(c, t, sid);
        }
        break;
    }
    case AST_ANNASSIGN: {
        const AstExpr *t = s->u.annassign.target;
        collect_expr(c, s->u.annassign.value, sid);
        if (t->kind == AST_NAME) {
            Local *l = binding_local(c, sid, t->u.name.id.s);
            if (l && !l->decl_annotation) {
                l->decl_annotation = s->u.annassign.annotation;
                l->decl_scope = sid;
            }
            if (s->u.annassign.value) {
                Binding *b = add_binding(c, sid, t->u.name.id.s, BIND_ANN);
                if (b) {
                    b->value = s->u.annassign.value;
                    b->node = s;
                    b->name_node = t;
                    b->target_root = t;
                }
            }
        } else {
            collect_expr(c, t, sid);
        }
        break;
    }
    case AST_FOR:
    case AST_ASYNCFOR:
        collect_expr(c, s->u.for_.iter, sid);
        bind_target(c, s->u.for_.target, s->u.for_.target, sid, BIND_FOR, s->u.for_.iter, s, sid);
        collect_stmts(c, &s->u.for_.body, sid);
        collect_stmts(c, &s->u.for_.orelse, sid);
        break;
    case AST_WHILE:
    case AST_IF:
        collect_expr(c, s->u.if_.test, sid);
        collect_stmts(c, &s->u.if_.body, sid);
        collect_stmts(c, &s->u.if_.orelse, sid);
        break;
    case AST_WITH:
    case AST_ASYNCWITH:
        for (int i = 0; i < s->u.with.items.len; i++) {
            const AstWithItem *w = AST_SEQ_GET(s->u.with.items, i);
            collect_expr(c, w->context_expr, sid);
            if (w->optional_vars) {
                bind_target(c, w->optional_vars, w->optional_vars, sid, BIND_WITH,
                            w->context_expr, w, sid);
            }
        }
        collect_stmts(c, &s->u.with.body, sid);
        break;
    case AST_MATCH:
        collect_expr(c, s->u.match.subject, sid);
        for (int i = 0; i < s->u.match.cases.len; i++) {
            const AstMatchCase *mc = AST_SEQ_GET(s->u.match.cases, i);
            collect_pattern(c, mc->pattern, sid);
            collect_expr(c, mc->guard, sid);
            collect_stmts(c, &mc->body, sid);
        }
        break;
    case AST_RAISE:
        collect_expr(c, s->u.raise.exc, sid);
        collect_expr(c, s->u.raise.cause, sid);
        break;
    case AST_TRY:
    case AST_TRYSTAR:
        collect_stmts(c, &s->u.try_.body, sid);
        for (int i = 0; i < s->u.try_.handlers.len; i++) {
            const AstExceptHandler *h = AST_SEQ_GET(s->u.try_.handlers, i);
            collect_expr(c, h->type, sid);
            if (h->name.s) {
                Binding *b = add_binding(c, sid, h->name.s, BIND_EXCEPT);
                if (b) {
                    b->node = h;
                }
            }
            collect_stmts(c, &h->body, sid);
        }
        collect_stmts(c, &s->u.try_.orelse, sid);
        collect_stmts(c, &s->u.try_.finalbody, sid);
        break;
    case AST_ASSERT:
        collect_expr(c, s->u.assert_.test, sid);
        collect_expr(c, s->u.assert_.msg, sid);
        break;
    case AST_IMPORT:
        for (int i = 0; i < s->u.import.names.len; i++) {
            const AstAlias *al = AST_SEQ_GET(s->u.import.names, i);
            const char *name = al->asname.s;
            if (!name) {
                /* `import a.b` binds `a` */
                const char *dot = strchr(al->name.s, '.');
                name = al->name.s;
                if (dot) {
                    AstStr first = ast_str_new(c->arena, al->name.s,
                                               (size_t)(dot - al->name.s));
                    name = first.s ? first.s : al->name.s;
                }
            }
            Binding *b = add_binding(c, sid, name, BIND_IMPORT);
            if (b) {
                b->node = al;
            }
        }
        break;
    case AST_IMPORTFROM:
        for (int i = 0; i < s->u.importfrom.names.len; i++) {
            const AstAlias *al = AST_SEQ_GET(s->u.importfrom.names, i);
            if (strcmp(al->name.s, "*") == 0) {
                c->star_import = true;
                continue;
            }
            Binding *b = add_binding(c, sid, al->asname.s ? al->asname.s : al->name.s,
                                     BIND_IMPORTFROM);
            if (b) {
                b->node = al;
                /* the statement rides in `value`, to find the module */
                b->value = (const AstExpr *)(const void *)s;
            }
        }
        if (s->u.importfrom.module.s && strcmp(s->u.importfrom.module.s, "__future__") == 0) {
            for (int i = 0; i < s->u.importfrom.names.len; i++) {
                const AstAlias *al = AST_SEQ_GET(s->u.importfrom.names, i);
                if (strcmp(al->name.s, "annotations") == 0) {
                    c->future_annotations = true;
                }
            }
        }
        break;
    case AST_GLOBAL:
    case AST_NONLOCAL:
        for (int i = 0; i < s->u.global.names.len; i++) {
            const AstStr *n = AST_SEQ_GET(s->u.global.names, i);
            Local *l = add_local(c, c->scopes[sid], n->s);
            if (!l) {
                continue;
            }
            if (s->kind == AST_GLOBAL) {
                l->global_decl = true;
                Local *g = add_local(c, c->scopes[0], n->s);
                if (g) {
                    g->forced_any = true;
                }
            } else {
                l->nonlocal_decl = true;
                binding_local(c, sid, n->s);
            }
        }
        break;
    case AST_EXPR:
        collect_expr(c, s->u.expr.value, sid);
        break;
    default:
        break;
    }
}

static void
collect_stmts(Ctx *c, const AstSeq *body, int sid)
{
    for (int i = 0; i < body->len; i++) {
        collect_stmt(c, AST_SEQ_GET(*body, i), sid);
    }
}

/* chk_scope_build: scope 0 is the module; see the file comment. */
bool
chk_scope_build(Ctx *c, const AstModule *mod)
{
    if (new_scope(c, SC_MODULE, -1, NULL) != 0) {
        return false;
    }
    collect_stmts(c, &mod->body, 0);
    return !ast_arena_failed(c->arena);
}

/* chk_scope_find: the scope created for a def/class/lambda/comprehension. */
int
chk_scope_find(const Ctx *c, const void *node)
{
    if (c->node_cap == 0) {
        return -1;
    }
    unsigned i = ptr_hash(node) & (unsigned)(c->node_cap - 1);
    while (c->node_keys[i]) {
        if (c->node_keys[i] == node) {
            return c->node_ids[i];
        }
        i = (i + 1) & (unsigned)(c->node_cap - 1);
    }
    return -1;
}

/* ---- binding types ------------------------------------------------------ */

/* Type of the i-th element when unpacking t into n targets. */
static ChkType *
unpack_elem(Ctx *c, ChkType *t, int i)
{
    if (t && t->kind == CHK_T_INST && t->cls == c->lib->c_tuple && !t->tuple_var) {
        return i < t->nargs ? t->args[i] : c->lib->t_any;
    }
    return chk_elem_type(c, t);
}

/* Walks from the assignment target down to name_node, projecting t. */
static ChkType *
project(Ctx *c, ChkType *t, const AstExpr *target, const AstExpr *name_node, bool *found)
{
    if (target == name_node) {
        *found = true;
        return t;
    }
    if (target->kind == AST_TUPLE || target->kind == AST_LIST) {
        bool star = false;
        for (int i = 0; i < target->u.list.elts.len; i++) {
            const AstExpr *el = AST_SEQ_GET(target->u.list.elts, i);
            if (el->kind == AST_STARRED) {
                star = true;
                ChkType *r = project(c, chk_type_inst1(c->arena, c->lib->c_list,
                                                       chk_type_widen(c->arena,
                                                                      chk_elem_type(c, t))),
                                     el->u.starred.value, name_node, found);
                if (*found) {
                    return r;
                }
                continue;
            }
            ChkType *et = star ? chk_elem_type(c, t) : unpack_elem(c, t, i);
            ChkType *r = project(c, et, el, name_node, found);
            if (*found) {
                return r;
            }
        }
    }
    return c->lib->t_any;
}

static ChkType *
import_type(Ctx *c, const Binding *b)
{
    const ChkLib *lib = c->lib;
    if (b->kind == BIND_IMPORT) {
        const AstAlias *al = b->node;
        const ChkModule *m = chk_lib_module(lib, al->name.s);
        if (!m || (!al->asname.s && strchr(al->name.s, '.'))) {
            return lib->t_any;
        }
        ChkType *t = chk_type_new(c->arena, CHK_T_MODULE);
        t->mod = (ChkModule *)m;
        return t;
    }
    const AstStmt *s = (const AstStmt *)(const void *)b->value;
    const AstAlias *al = b->node;
    if (!s->u.importfrom.module.s || s->u.importfrom.level > 0) {
        return lib->t_any;
    }
    const ChkModule *m = chk_lib_module(lib, s->u.importfrom.module.s);
    if (!m || strcmp(m->name, "typing") == 0) {
        return lib->t_any;
    }
    ChkSymbol *sym = chk_table_get(&m->syms, al->name.s);
    if (!sym || !sym->type || sym->is_alias || sym->is_typevar) {
        return lib->t_any;
    }
    return sym->type;
}

static ChkType *
except_type(Ctx *c, const AstExceptHandler *h)
{
    int saved = c->cur;
    State *saved_st = c->st;
    c->st = NULL;
    c->quiet++;
    ChkType *t = h->type ? chk_infer(c, h->type) : NULL;
    c->quiet--;
    c->cur = saved;
    c->st = saved_st;
    if (!t) {
        return c->lib->t_any;
    }
    if (t->kind == CHK_T_CLASSOBJ) {
        return chk_type_inst(c->arena, t->cls, 0, NULL);
    }
    if (t->kind == CHK_T_INST && t->cls == c->lib->c_tuple) {
        ChkType *u = NULL;
        for (int i = 0; i < t->nargs && !t->tuple_var; i++) {
            ChkType *m = t->args[i];
            if (m->kind != CHK_T_CLASSOBJ) {
                return c->lib->t_any;
            }
            u = chk_type_union(c->arena, u, chk_type_inst(c->arena, m->cls, 0, NULL));
        }
        return u ? u : c->lib->t_any;
    }
    return c->lib->t_any;
}

/* Binding types are flow-insensitive: no narrowing of the place where the
 * name happens to be read may leak into them (they are cached). */
static ChkType *
infer_in(Ctx *c, const AstExpr *e, int scope)
{
    int saved = c->cur;
    State *saved_st = c->st;
    c->cur = scope;
    c->st = NULL;
    c->quiet++;
    ChkType *t = chk_infer(c, e);
    c->quiet--;
    c->cur = saved;
    c->st = saved_st;
    return t;
}

static ChkType *
annot_in(Ctx *c, const AstExpr *ann)
{
    return chk_annot_type(&c->resolver, ann, NULL);
}

static ChkType *
param_type(Ctx *c, const Binding *b)
{
    const AstArg *arg = b->node;
    ChkType *t = arg->annotation ? annot_in(c, arg->annotation) : c->lib->t_any;
    if (b->param_default_none && arg->annotation) {
        t = chk_type_union(c->arena, t, c->lib->t_none);
    }
    if (b->param_kind == CHK_P_VARARG) {
        ChkType *tt = chk_type_inst1(c->arena, c->lib->c_tuple, t);
        tt->tuple_var = true;
        return tt;
    }
    if (b->param_kind == CHK_P_KWARG) {
        return chk_type_inst2(c->arena, c->lib->c_dict, c->lib->t_str, t);
    }
    return t;
}

static ChkType *
binding_type(Ctx *c, const Binding *b)
{
    const ChkLib *lib = c->lib;
    switch (b->kind) {
    case BIND_ASSIGN:
    case BIND_ANN:
    case BIND_WALRUS: {
        ChkType *t = infer_in(c, b->value, b->eval_scope);
        if (b->kind == BIND_WALRUS || !b->target_root) {
            return t;
        }
        if (b->kind == BIND_ASSIGN && b->target_root == b->name_node) {
            t = chk_fresh_widen(c, b->name_node, b->value, t);
        }
        bool found = false;
        return project(c, t, b->target_root, b->name_node, &found);
    }
    case BIND_FOR: {
        ChkType *it = infer_in(c, b->value, b->eval_scope);
        bool found = false;
        ChkType *t = project(c, chk_elem_type(c, it), b->target_root, b->name_node, &found);
        return chk_fresh_widen(c, b->name_node, b->name_node, t);
    }
    case BIND_AUG: {
        /* x op= v: the type of the operation, with x's other bindings */
        const AstStmt *s = b->node;
        AstExpr tmp;
        memset(&tmp, 0, sizeof tmp);
        tmp.kind = AST_BINOP;
        tmp.loc = s->loc;
        tmp.u.binop.left = s->u.augassign.target;
        tmp.u.binop.op = s->u.augassign.op;
        tmp.u.binop.right = s->u.augassign.value;
        return infer_in(c, &tmp, b->eval_scope);
    }
    case BIND_IMPORT:
    case BIND_IMPORTFROM:
        return import_type(c, b);
    case BIND_DEF:
        return chk_def_type(c, b->node, b->eval_scope);
    case BIND_EXCEPT:
        return except_type(c, b->node);
    case BIND_PARAM:
        return param_type(c, b);
    case BIND_WITH:
    case BIND_CLASS:
    case BIND_ANY:
        return lib->t_any;
    }
    return lib->t_any;
}

/* chk_local_type: declared type, else union of all bindings (cached). */
ChkType *
chk_local_type(Ctx *c, int scope, Local *l)
{
    (void)scope;
    if (l->state == 2) {
        return l->type;
    }
    if (l->state == 1) {
        return NULL;    /* in a cycle: this member contributes nothing */
    }
    if (l->forced_any && !l->decl_annotation) {
        l->state = 2;
        l->type = c->lib->t_any;
        return l->type;
    }
    l->state = 1;
    ChkType *t = NULL;
    if (l->decl_annotation) {
        t = annot_in(c, l->decl_annotation);
    } else {
        for (const Binding *b = l->bindings; b; b = b->next) {
            ChkType *bt = binding_type(c, b);
            if (!bt) {
                continue;
            }
            t = chk_type_union(c->arena, t, bt);
        }
    }
    if (!t) {
        t = c->lib->t_any;
    }
    l->state = 2;
    l->type = t;
    return t;
}

/* chk_def_type: the function type of a script def. Decorated functions are
 * Any (a decorator may change the signature). */
ChkType *
chk_def_type(Ctx *c, const AstStmt *def, int scope_id)
{
    (void)scope_id;
    if (def->u.funcdef.decorator_list.len > 0) {
        return c->lib->t_any;
    }
    const AstArguments *a = def->u.funcdef.args;
    ChkFunc *f = ast_arena_alloc(c->arena, sizeof *f);
    int total = a->posonlyargs.len + a->args.len + a->kwonlyargs.len + 2;
    ChkParam *ps = ast_arena_alloc(c->arena, sizeof *ps * (size_t)total);
    if (!f || !ps) {
        return c->lib->t_any;
    }
    f->name = def->u.funcdef.name.s;
    f->params = ps;
    f->is_async = def->kind == AST_ASYNCFUNCTIONDEF;
    f->def = def;
    f->scope_id = chk_scope_find(c, def);
    int npos = a->posonlyargs.len + a->args.len;
    int ndef = a->defaults.len;
    for (int i = 0; i < npos; i++) {
        const AstArg *arg = i < a->posonlyargs.len ? AST_SEQ_GET(a->posonlyargs, i)
                                                   : AST_SEQ_GET(a->args, i - a->posonlyargs.len);
        ChkParam *p = &ps[f->nparams++];
        p->name = arg->arg.s;
        p->kind = i < a->posonlyargs.len ? CHK_P_POSONLY : CHK_P_NORMAL;
        p->type = arg->annotation ? annot_in(c, arg->annotation) : c->lib->t_any;
        p->has_default = i >= npos - ndef;
        if (p->has_default && is_none_const(AST_SEQ_GET(a->defaults, i - (npos - ndef)))) {
            p->type = chk_type_union(c->arena, p->type, c->lib->t_none);
        }
    }
    if (a->vararg) {
        ChkParam *p = &ps[f->nparams++];
        p->name = a->vararg->arg.s;
        p->kind = CHK_P_VARARG;
        p->type = a->vararg->annotation ? annot_in(c, a->vararg->annotation) : c->lib->t_any;
    }
    for (int i = 0; i < a->kwonlyargs.len; i++) {
        const AstArg *arg = AST_SEQ_GET(a->kwonlyargs, i);
        ChkParam *p = &ps[f->nparams++];
        p->name = arg->arg.s;
        p->kind = CHK_P_KWONLY;
        p->type = arg->annotation ? annot_in(c, arg->annotation) : c->lib->t_any;
        const AstExpr *d = AST_SEQ_GET(a->kw_defaults, i);
        p->has_default = d != NULL;
        if (is_none_const(d)) {
            p->type = chk_type_union(c->arena, p->type, c->lib->t_none);
        }
    }
    if (a->kwarg) {
        ChkParam *p = &ps[f->nparams++];
        p->name = a->kwarg->arg.s;
        p->kind = CHK_P_KWARG;
        p->type = a->kwarg->annotation ? annot_in(c, a->kwarg->annotation) : c->lib->t_any;
    }
    f->ret = def->u.funcdef.returns ? annot_in(c, def->u.funcdef.returns) : NULL;
    ChkType *t = chk_type_new(c->arena, CHK_T_FUNC);
    t->func = f;
    return t;
}
