/*
 * types.c — type values, name tables, and the class hierarchy queries.
 *
 * Types are small arena structs compared structurally. Unions are kept flat
 * and deduplicated, and Any absorbs a union: gradual typing means a value
 * that might be anything is reported on never.
 */
#include <stdio.h>
#include <string.h>

#include "checker/chk_int.h"

/* ---- tables ------------------------------------------------------------- */

static unsigned
hash_name(const char *s)
{
    unsigned h = 2166136261u;
    for (; *s; s++) {
        h = (h ^ (unsigned char)*s) * 16777619u;
    }
    return h;
}

/* chk_table_get: the symbol called name, or NULL. */
ChkSymbol *
chk_table_get(const ChkTable *t, const char *name)
{
    if (t->cap == 0) {
        return NULL;
    }
    unsigned i = hash_name(name) & (unsigned)(t->cap - 1);
    while (t->slots[i]) {
        if (strcmp(t->slots[i]->name, name) == 0) {
            return t->slots[i];
        }
        i = (i + 1) & (unsigned)(t->cap - 1);
    }
    return NULL;
}

static bool
table_grow(AstArena *a, ChkTable *t)
{
    int cap = t->cap ? t->cap * 2 : 16;
    ChkSymbol **slots = ast_arena_alloc(a, sizeof *slots * (size_t)cap);
    if (!slots) {
        return false;
    }
    for (int k = 0; k < t->len; k++) {
        ChkSymbol *s = t->order[k];
        unsigned i = hash_name(s->name) & (unsigned)(cap - 1);
        while (slots[i]) {
            i = (i + 1) & (unsigned)(cap - 1);
        }
        slots[i] = s;
    }
    t->slots = slots;
    t->cap = cap;
    return true;
}

/* chk_table_put: the symbol called name, created (zeroed) if absent. */
ChkSymbol *
chk_table_put(AstArena *a, ChkTable *t, const char *name)
{
    ChkSymbol *s = chk_table_get(t, name);
    if (s) {
        return s;
    }
    if ((t->len + 1) * 2 > t->cap && !table_grow(a, t)) {
        return NULL;
    }
    if (t->len == t->order_cap) {
        int cap = t->order_cap ? t->order_cap * 2 : 8;
        ChkSymbol **o = ast_arena_alloc(a, sizeof *o * (size_t)cap);
        if (!o) {
            return NULL;
        }
        if (t->len) {
            memcpy(o, t->order, sizeof *o * (size_t)t->len);
        }
        t->order = o;
        t->order_cap = cap;
    }
    s = ast_arena_alloc(a, sizeof *s);
    if (!s) {
        return NULL;
    }
    s->name = name;
    unsigned i = hash_name(name) & (unsigned)(t->cap - 1);
    while (t->slots[i]) {
        i = (i + 1) & (unsigned)(t->cap - 1);
    }
    t->slots[i] = s;
    t->order[t->len++] = s;
    return s;
}

/* ---- constructors ------------------------------------------------------- */

static ChkType any_fallback = {.kind = CHK_T_ANY};

/* chk_type_new: a zeroed type of `kind` (a shared Any when out of memory). */
ChkType *
chk_type_new(AstArena *a, ChkTypeKind kind)
{
    ChkType *t = ast_arena_alloc(a, sizeof *t);
    if (!t) {
        return &any_fallback;
    }
    t->kind = kind;
    return t;
}

/* chk_type_inst: instance of cls with generic arguments (copied pointer). */
ChkType *
chk_type_inst(AstArena *a, ChkClass *cls, int nargs, ChkType **args)
{
    if (!cls) {
        return chk_type_new(a, CHK_T_ANY);
    }
    ChkType *t = chk_type_new(a, CHK_T_INST);
    if (t->kind != CHK_T_INST) {
        return t;
    }
    t->cls = cls;
    t->nargs = nargs;
    t->args = args;
    return t;
}

/* chk_type_inst1: cls[arg]. */
ChkType *
chk_type_inst1(AstArena *a, ChkClass *cls, ChkType *arg)
{
    ChkType **args = ast_arena_alloc(a, sizeof *args);
    if (!args) {
        return chk_type_inst(a, cls, 0, NULL);
    }
    args[0] = arg;
    return chk_type_inst(a, cls, 1, args);
}

/* chk_type_inst2: cls[k, v]. */
ChkType *
chk_type_inst2(AstArena *a, ChkClass *cls, ChkType *k, ChkType *v)
{
    ChkType **args = ast_arena_alloc(a, sizeof *args * 2);
    if (!args) {
        return chk_type_inst(a, cls, 0, NULL);
    }
    args[0] = k;
    args[1] = v;
    return chk_type_inst(a, cls, 2, args);
}

/* chk_type_lit_str: Literal["..."] as an instance of str. */
ChkType *
chk_type_lit_str(AstArena *a, ChkClass *str, const char *s, size_t len)
{
    ChkType *t = chk_type_inst(a, str, 0, NULL);
    if (t->kind == CHK_T_INST) {
        t->lit = CHK_LIT_STR;
        t->lit_s = s;
        t->lit_len = len;
    }
    return t;
}

/* chk_type_lit_int: Literal[3] / Literal[True] as an instance of cls. */
ChkType *
chk_type_lit_int(AstArena *a, ChkClass *cls, ChkLitKind kind, int64_t v)
{
    ChkType *t = chk_type_inst(a, cls, 0, NULL);
    if (t->kind == CHK_T_INST) {
        t->lit = kind;
        t->lit_i = v;
    }
    return t;
}

/* chk_type_is_any: NULL counts as Any. */
bool
chk_type_is_any(const ChkType *t)
{
    return !t || t->kind == CHK_T_ANY || t->kind == CHK_T_TYPEVAR;
}

/* chk_type_equal: structural equality (literal values included). */
bool
chk_type_equal(const ChkType *x, const ChkType *y)
{
    if (x == y) {
        return true;
    }
    if (!x || !y || x->kind != y->kind) {
        return false;
    }
    switch (x->kind) {
    case CHK_T_ANY:
    case CHK_T_NONE:
        return true;
    case CHK_T_INST:
    case CHK_T_CLASSOBJ:
        if (x->cls != y->cls || x->lit != y->lit || x->nargs != y->nargs
            || x->tuple_var != y->tuple_var) {
            return false;
        }
        if (x->lit == CHK_LIT_STR
            && (x->lit_len != y->lit_len || memcmp(x->lit_s, y->lit_s, x->lit_len) != 0)) {
            return false;
        }
        if ((x->lit == CHK_LIT_INT || x->lit == CHK_LIT_BOOL) && x->lit_i != y->lit_i) {
            return false;
        }
        for (int i = 0; i < x->nargs; i++) {
            if (!chk_type_equal(x->args[i], y->args[i])) {
                return false;
            }
        }
        if (x->nkeys != y->nkeys) {
            return false;
        }
        for (int i = 0; i < x->nkeys; i++) {
            bool found = false;
            for (int j = 0; j < y->nkeys && !found; j++) {
                found = strcmp(x->keys[i], y->keys[j]) == 0;
            }
            if (!found) {
                return false;
            }
        }
        return true;
    case CHK_T_FUNC:
        return x->func == y->func && x->self_type == y->self_type;
    case CHK_T_MODULE:
        return x->mod == y->mod;
    case CHK_T_TYPEVAR:
        return strcmp(x->name, y->name) == 0;
    case CHK_T_COROUTINE:
        return chk_type_equal(x->ret, y->ret);
    case CHK_T_UNION:
        if (x->nargs != y->nargs) {
            return false;
        }
        for (int i = 0; i < x->nargs; i++) {
            bool found = false;
            for (int j = 0; j < y->nargs && !found; j++) {
                found = chk_type_equal(x->args[i], y->args[j]);
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }
    return false;
}

#define UNION_MAX 12

/* chk_type_union: flat, deduplicated union; Any if either side is Any or
 * the union grows past UNION_MAX members (it stops being useful). */
ChkType *
chk_type_union(AstArena *a, ChkType *x, ChkType *y)
{
    if (!x) {
        return y;
    }
    if (!y) {
        return x;
    }
    if (chk_type_is_any(x)) {
        return x;
    }
    if (chk_type_is_any(y)) {
        return y;
    }
    ChkType *items[UNION_MAX * 2];
    int n = 0;
    ChkType *src[2] = {x, y};
    for (int s = 0; s < 2; s++) {
        int cnt = src[s]->kind == CHK_T_UNION ? src[s]->nargs : 1;
        for (int i = 0; i < cnt; i++) {
            ChkType *m = src[s]->kind == CHK_T_UNION ? src[s]->args[i] : src[s];
            bool dup = false;
            for (int j = 0; j < n && !dup; j++) {
                dup = chk_type_equal(items[j], m);
            }
            if (!dup) {
                if (n == UNION_MAX) {
                    return chk_type_new(a, CHK_T_ANY);
                }
                items[n++] = m;
            }
        }
    }
    if (n == 1) {
        return items[0];
    }
    ChkType *u = chk_type_new(a, CHK_T_UNION);
    if (u->kind != CHK_T_UNION) {
        return u;
    }
    u->args = ast_arena_alloc(a, sizeof *u->args * (size_t)n);
    if (!u->args) {
        return chk_type_new(a, CHK_T_ANY);
    }
    memcpy(u->args, items, sizeof *items * (size_t)n);
    u->nargs = n;
    return u;
}

/* chk_type_widen: Literal["a"] -> str, unions widened member by member. */
ChkType *
chk_type_widen(AstArena *a, ChkType *t)
{
    if (!t) {
        return t;
    }
    if (t->kind == CHK_T_INST && t->lit != CHK_LIT_NONE) {
        return chk_type_inst(a, t->cls, t->nargs, t->args);
    }
    if (t->kind == CHK_T_UNION) {
        ChkType *r = NULL;
        for (int i = 0; i < t->nargs; i++) {
            r = chk_type_union(a, r, chk_type_widen(a, t->args[i]));
        }
        return r;
    }
    return t;
}

/* ---- spelling ----------------------------------------------------------- */

static void
cat(char *buf, size_t size, const char *s)
{
    size_t n = strlen(buf);
    if (n + 1 >= size) {
        return;
    }
    snprintf(buf + n, size - n, "%s", s);
}

static void
type_str(const ChkType *t, char *buf, size_t size, int depth)
{
    if (depth > 6) {
        cat(buf, size, "...");
        return;
    }
    if (!t) {
        cat(buf, size, "Any");
        return;
    }
    char tmp[64];
    switch (t->kind) {
    case CHK_T_ANY:
        cat(buf, size, "Any");
        return;
    case CHK_T_NONE:
        cat(buf, size, "None");
        return;
    case CHK_T_TYPEVAR:
        cat(buf, size, t->name);
        return;
    case CHK_T_MODULE:
        cat(buf, size, "module `");
        cat(buf, size, t->mod->name);
        cat(buf, size, "`");
        return;
    case CHK_T_COROUTINE:
        cat(buf, size, "Coroutine[Any, Any, ");
        type_str(t->ret, buf, size, depth + 1);
        cat(buf, size, "]");
        return;
    case CHK_T_FUNC:
        if (t->func && !t->func->def && !t->func->owner && strcmp(t->func->name, "Callable") == 0) {
            /* a Callable[...] annotation reads as written */
            cat(buf, size, "Callable[");
            if (t->func->any_args) {
                cat(buf, size, "...");
            } else {
                cat(buf, size, "[");
                for (int i = 0; i < t->func->nparams; i++) {
                    if (i) {
                        cat(buf, size, ", ");
                    }
                    type_str(t->func->params[i].type, buf, size, depth + 1);
                }
                cat(buf, size, "]");
            }
            cat(buf, size, ", ");
            type_str(t->func->ret, buf, size, depth + 1);
            cat(buf, size, "]");
            return;
        }
        cat(buf, size, "def ");
        {
            char sig[512] = "";
            chk_func_sig(t->func, t->self_type != NULL, sig, sizeof sig);
            cat(buf, size, sig);
        }
        return;
    case CHK_T_UNION: {
        /* Literal["c"] | Literal["f"] reads better as Literal["c", "f"] */
        bool first = true;
        bool lits = false;
        for (int i = 0; i < t->nargs; i++) {
            const ChkType *m = t->args[i];
            if (m->kind == CHK_T_INST && m->lit != CHK_LIT_NONE) {
                lits = true;
                continue;
            }
            if (!first) {
                cat(buf, size, " | ");
            }
            first = false;
            type_str(m, buf, size, depth + 1);
        }
        if (lits) {
            if (!first) {
                cat(buf, size, " | ");
            }
            cat(buf, size, "Literal[");
            bool lfirst = true;
            for (int i = 0; i < t->nargs; i++) {
                const ChkType *m = t->args[i];
                if (m->kind != CHK_T_INST || m->lit == CHK_LIT_NONE) {
                    continue;
                }
                if (!lfirst) {
                    cat(buf, size, ", ");
                }
                lfirst = false;
                char one[96] = "";
                type_str(m, one, sizeof one, depth + 1);
                /* strip "Literal[" and "]" */
                size_t n = strlen(one);
                if (n > 9) {
                    one[n - 1] = 0;
                    cat(buf, size, one + 8);
                }
            }
            cat(buf, size, "]");
        }
        return;
    }
    case CHK_T_CLASSOBJ:
        cat(buf, size, "type[");
        cat(buf, size, t->cls->name);
        cat(buf, size, "]");
        return;
    case CHK_T_INST:
        break;
    }
    if (t->lit == CHK_LIT_STR) {
        cat(buf, size, "Literal[\"");
        size_t n = t->lit_len < 40 ? t->lit_len : 40;
        snprintf(tmp, sizeof tmp, "%.*s", (int)n, t->lit_s);
        cat(buf, size, tmp);
        cat(buf, size, "\"]");
        return;
    }
    if (t->lit == CHK_LIT_INT) {
        snprintf(tmp, sizeof tmp, "Literal[%lld]", (long long)t->lit_i);
        cat(buf, size, tmp);
        return;
    }
    if (t->lit == CHK_LIT_BOOL) {
        cat(buf, size, t->lit_i ? "Literal[True]" : "Literal[False]");
        return;
    }
    cat(buf, size, t->cls->name);
    if (t->nargs > 0) {
        cat(buf, size, "[");
        for (int i = 0; i < t->nargs; i++) {
            if (i) {
                cat(buf, size, ", ");
            }
            type_str(t->args[i], buf, size, depth + 1);
        }
        if (t->tuple_var) {
            cat(buf, size, ", ...");
        }
        cat(buf, size, "]");
    }
}

/* chk_type_str: readable spelling of t appended to buf. */
void
chk_type_str(const ChkType *t, char *buf, size_t size)
{
    type_str(t, buf, size, 0);
}

/* chk_func_sig: "name(a: int, /, b: str = ..., *args, c: int, **kw) -> T". */
void
chk_func_sig(const ChkFunc *f, bool skip_self, char *buf, size_t size)
{
    cat(buf, size, f->name);
    cat(buf, size, "(");
    if (f->any_args) {
        cat(buf, size, "...");
    }
    bool first = true;
    bool star_done = false;
    int start = skip_self && f->is_method && !f->is_static ? 1 : 0;
    for (int i = start; i < f->nparams; i++) {
        const ChkParam *p = &f->params[i];
        if (!first) {
            cat(buf, size, ", ");
        }
        first = false;
        if (p->kind == CHK_P_KWONLY && !star_done) {
            cat(buf, size, "*, ");
            star_done = true;
        }
        if (p->kind == CHK_P_VARARG) {
            cat(buf, size, "*");
            star_done = true;
        } else if (p->kind == CHK_P_KWARG) {
            cat(buf, size, "**");
        }
        cat(buf, size, p->name);
        if (p->type && p->type->kind != CHK_T_ANY) {
            cat(buf, size, ": ");
            type_str(p->type, buf, size, 1);
        }
        if (p->has_default) {
            cat(buf, size, " = ...");
        }
        if (p->kind == CHK_P_POSONLY
            && (i + 1 == f->nparams || f->params[i + 1].kind != CHK_P_POSONLY)) {
            cat(buf, size, ", /");
        }
    }
    cat(buf, size, ")");
    if (f->ret) {
        cat(buf, size, " -> ");
        type_str(f->ret, buf, size, 1);
    }
}

/* ---- classes ------------------------------------------------------------ */

/* chk_class_is_sub: sub derives from sup (or is it). Depth-bounded. */
static bool
is_sub(const ChkClass *sub, const ChkClass *sup, int depth)
{
    if (sub == sup) {
        return true;
    }
    if (depth > 20) {
        return false;
    }
    for (int i = 0; i < sub->nbases; i++) {
        const ChkType *b = sub->bases[i];
        if (b && (b->kind == CHK_T_INST || b->kind == CHK_T_CLASSOBJ) && b->cls
            && is_sub(b->cls, sup, depth + 1)) {
            return true;
        }
    }
    return false;
}

/* chk_class_is_sub: see chk_int.h. */
bool
chk_class_is_sub(const ChkClass *sub, const ChkClass *sup)
{
    return is_sub(sub, sup, 0);
}

static ChkSymbol *
lookup(const ChkClass *cls, const char *name, const ChkClass **owner, int depth)
{
    ChkSymbol *s = chk_table_get(&cls->members, name);
    if (s) {
        if (owner) {
            *owner = cls;
        }
        return s;
    }
    if (depth > 20) {
        return NULL;
    }
    for (int i = 0; i < cls->nbases; i++) {
        const ChkType *b = cls->bases[i];
        if (b && b->cls && (b->kind == CHK_T_INST || b->kind == CHK_T_CLASSOBJ)) {
            s = lookup(b->cls, name, owner, depth + 1);
            if (s) {
                return s;
            }
        }
    }
    return NULL;
}

/* chk_class_lookup: member through bases (depth-first, as a simple MRO). */
ChkSymbol *
chk_class_lookup(const ChkClass *cls, const char *name, const ChkClass **owner)
{
    return lookup(cls, name, owner, 0);
}

static bool
class_open(const ChkClass *cls, int depth)
{
    if (cls->unknown_base || cls->has_getattr || depth > 20) {
        return true;
    }
    for (int i = 0; i < cls->nbases; i++) {
        const ChkType *b = cls->bases[i];
        if (!b || !b->cls || class_open(b->cls, depth + 1)) {
            return true;
        }
    }
    return false;
}

/* chk_class_open: attributes can't be proven missing on this class. */
bool
chk_class_open(const ChkClass *cls)
{
    return class_open(cls, 0);
}
