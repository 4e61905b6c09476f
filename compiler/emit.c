/*
 * emit.c — the code buffer of one code object being compiled: instructions
 * with labels, the stack depth, exception handlers, constants and names, and
 * assembly into a CmpCode.
 *
 * Stack depth is tracked while emitting: every instruction applies its
 * effect from opcodes.def, a jump records the depth its label will have, and
 * binding a label after an unconditional transfer resumes from the recorded
 * depth. Handlers follow CPython 3.12's scheme without its pseudo
 * instructions: "SETUP" pushes a handler record (label, depth at the setup
 * point, lasti) on a persistent linked stack, "POP_BLOCK" pops it, and every
 * instruction remembers the innermost record active when it was emitted.
 * Assembly turns runs of instructions with the same record into exception
 * table rows. The verifier (verify.c) re-derives all depths from the result.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/cmp_int.h"

/* Records a MemoryError (the first error wins); returns false. */
bool
cmp_fail_oom(CmpCompiler *c)
{
    if (!c->failed) {
        cmp_error_set(c->err, "MemoryError", NULL, "out of memory while compiling");
        c->failed = true;
    }
    return false;
}

/* Records an error of the given type at loc (the first error wins); returns false. */
bool
cmp_fail(CmpCompiler *c, const char *type, const AstLoc *loc, const char *fmt, ...)
{
    va_list ap;
    char msg[256];
    if (c->failed) {
        return false;
    }
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    cmp_error_set(c->err, type, loc, "%s", msg);
    c->failed = true;
    return false;
}

/* Grows *v (element size sz) to hold at least need elements. */
static bool
grow(CmpCompiler *c, void **v, uint32_t *cap, uint32_t need, size_t sz)
{
    uint32_t n;
    void *p;
    if (need <= *cap) {
        return true;
    }
    n = *cap ? *cap : 16;
    while (n < need) {
        n *= 2;
    }
    p = cmp_pool_grow(&c->pool, *v, sz * *cap, sz * n);
    if (p == NULL) {
        return cmp_fail_oom(c);
    }
    *v = p;
    *cap = n;
    return true;
}

/* ---- labels and instructions --------------------------------------------- */

/* A new, unbound label of the current unit. */
int32_t
cmp_new_label(CmpCompiler *c)
{
    CmpUnit *u = c->u;
    uint32_t cap = u->caplabels;
    if (c->failed) {
        return 0;
    }
    if (u->nlabels == cap) {
        uint32_t cap2 = cap, cap3 = cap;
        if (!grow(c, (void **)&u->label_pos, &cap, u->nlabels + 1, sizeof *u->label_pos)
            || !grow(c, (void **)&u->label_depth, &cap2, u->nlabels + 1,
                     sizeof *u->label_depth)
            || !grow(c, (void **)&u->label_handler, &cap3, u->nlabels + 1,
                     sizeof *u->label_handler)) {
            return 0;
        }
        u->caplabels = cap;
    }
    u->label_pos[u->nlabels] = -1;
    u->label_depth[u->nlabels] = -1;
    u->label_handler[u->nlabels] = -2;
    return (int32_t)u->nlabels++;
}

static void
set_depth(CmpUnit *u, int64_t d)
{
    u->depth = d < 0 ? 0 : d;
    if (u->depth > u->maxdepth) {
        u->maxdepth = u->depth;
    }
}

/* Records the depth at a label reached by a jump (first one wins; the
 * verifier catches any inconsistency in the result). */
static void
note_label_depth(CmpUnit *u, int32_t label, int64_t depth)
{
    if (u->label_depth[label] < 0) {
        u->label_depth[label] = depth < 0 ? 0 : depth;
    }
}

static void
append(CmpCompiler *c, uint32_t op, uint32_t arg, int32_t label)
{
    CmpUnit *u = c->u;
    CmpInsnRec *r;
    if (c->failed) {
        return;
    }
    if (arg > CMP_ARG_MAX) {
        cmp_fail(c, "SyntaxError", NULL, "too many constants, names or values in one function");
        return;
    }
    if (!grow(c, (void **)&u->insns, &u->capinsns, u->ninsns + 1, sizeof *u->insns)) {
        return;
    }
    r = &u->insns[u->ninsns++];
    r->op = op;
    r->arg = arg;
    r->label = label;
    r->handler = u->htop;
    r->loc = u->loc;
}

/* Appends an instruction and applies its stack effect to the tracked depth. */
void
cmp_emit(CmpCompiler *c, CmpOpcode op, uint32_t arg)
{
    CmpUnit *u = c->u;
    int64_t pops, pushes;
    append(c, op, arg, -1);
    if (c->failed) {
        return;
    }
    cmp_op_effect(op, arg, &pops, &pushes);
    set_depth(u, u->depth - pops + pushes);
    if (cmp_op_is_terminal(op)) {
        u->reachable = false;
    }
}

/* Appends a jump to label, recording the depth the label will have. */
void
cmp_emit_jump(CmpCompiler *c, CmpOpcode op, int32_t label)
{
    CmpUnit *u = c->u;
    int64_t pops, pushes, branch;
    append(c, op, 0, label);
    if (c->failed) {
        return;
    }
    branch = u->depth + cmp_op_jump_delta(op);
    if (u->reachable) {
        note_label_depth(u, label, branch);
    }
    if (branch > u->maxdepth) {
        u->maxdepth = branch;
    }
    cmp_op_effect(op, 0, &pops, &pushes);
    set_depth(u, u->depth - pops + pushes);
    if (op == OP_JUMP) {
        u->reachable = false;
    }
}

/* Binds label here; a handler label also restores the handlers that enclosed its setup. */
void
cmp_bind_label(CmpCompiler *c, int32_t label)
{
    CmpUnit *u = c->u;
    if (c->failed) {
        return;
    }
    u->label_pos[label] = (int32_t)u->ninsns;
    if (u->label_handler[label] != -2) {
        /* A handler runs under the handlers that enclosed its setup. */
        u->htop = u->label_handler[label];
    }
    if (u->label_depth[label] >= 0) {
        set_depth(u, u->label_depth[label]);
        u->reachable = true;
    } else if (u->reachable) {
        u->label_depth[label] = u->depth;
    }
}

/* CPython's SETUP_FINALLY (lasti false) / SETUP_CLEANUP (lasti true). */
void
cmp_push_handler(CmpCompiler *c, int32_t label, bool lasti)
{
    CmpUnit *u = c->u;
    CmpHandlerRec *h;
    if (c->failed) {
        return;
    }
    if (!grow(c, (void **)&u->handlers, &u->caphandlers, u->nhandlers + 1,
              sizeof *u->handlers)) {
        return;
    }
    h = &u->handlers[u->nhandlers];
    h->label = label;
    h->depth = (uint32_t)u->depth;
    h->lasti = lasti;
    h->parent = u->htop;
    u->label_handler[label] = u->htop;
    note_label_depth(u, label, u->depth + (lasti ? 1 : 0) + 1);
    if (u->depth + 2 > u->maxdepth) {
        u->maxdepth = u->depth + 2;
    }
    u->htop = (int32_t)u->nhandlers++;
}

/* CPython's POP_BLOCK: the enclosing handler protects what follows. */
void
cmp_pop_handler(CmpCompiler *c)
{
    CmpUnit *u = c->u;
    if (!c->failed && u->htop >= 0) {
        u->htop = u->handlers[u->htop].parent;
    }
}

/* Enters a frame block (loop, try, handler); SyntaxError past CPython's nesting limit. */
bool
cmp_push_fblock(CmpCompiler *c, CmpFBlock fb, const AstLoc *loc)
{
    CmpUnit *u = c->u;
    if (c->failed) {
        return false;
    }
    if (u->nfblocks >= CMP_MAX_BLOCKS) {
        AstLoc here;
        if (loc == NULL) {
            here.lineno = (int)u->loc.lineno;
            here.end_lineno = (int)u->loc.end_lineno;
            here.col_offset = u->loc.col;
            here.end_col_offset = u->loc.end_col;
            loc = &here;
        }
        return cmp_fail(c, "SyntaxError", loc, "too many statically nested blocks");
    }
    if (!grow(c, (void **)&u->fblocks, &u->capfblocks, u->nfblocks + 1, sizeof *u->fblocks)) {
        return false;
    }
    u->fblocks[u->nfblocks++] = fb;
    return true;
}

/* Leaves the innermost frame block. */
void
cmp_pop_fblock(CmpCompiler *c)
{
    if (!c->failed && c->u->nfblocks > 0) {
        c->u->nfblocks--;
    }
}

/* ---- constants and names -------------------------------------------------- */

static bool
const_equal(const CmpConst *a, const CmpConst *b)
{
    if (a->kind != b->kind) {
        return false;
    }
    switch (a->kind) {
    case CMP_CONST_INT:
        return a->i == b->i;
    case CMP_CONST_FLOAT:
    case CMP_CONST_COMPLEX:
        return memcmp(&a->f, &b->f, sizeof a->f) == 0;
    case CMP_CONST_BIGINT:
    case CMP_CONST_STR:
    case CMP_CONST_BYTES:
        return a->len == b->len && (a->len == 0 || memcmp(a->str, b->str, a->len) == 0);
    case CMP_CONST_TUPLE:
        return a->nitems == b->nitems
               && (a->nitems == 0
                   || memcmp(a->items, b->items, sizeof *a->items * a->nitems) == 0);
    case CMP_CONST_CODE:
        return false;
    default:
        return true;
    }
}

/* Index of an equal constant, added if new (strings borrowed, tuple items copied). */
uint32_t
cmp_add_const(CmpCompiler *c, const CmpConst *k)
{
    CmpUnit *u = c->u;
    CmpConst *n;
    if (c->failed) {
        return 0;
    }
    for (uint32_t i = 0; i < u->nconsts; i++) {
        if (const_equal(&u->consts[i], k)) {
            return i;
        }
    }
    if (!grow(c, (void **)&u->consts, &u->capconsts, u->nconsts + 1, sizeof *u->consts)) {
        return 0;
    }
    n = &u->consts[u->nconsts];
    *n = *k;
    n->str = NULL;
    n->items = NULL;
    if (k->str != NULL) {
        /* the AST's strings outlive the compilation: borrow them */
        n->str = k->str;
    }
    if (k->kind == CMP_CONST_TUPLE) {
        n->items = cmp_pool_alloc(&c->pool, sizeof *n->items * (k->nitems ? k->nitems : 1));
        if (n->items == NULL) {
            cmp_fail_oom(c);
            return 0;
        }
        if (k->nitems) {
            memcpy(n->items, k->items, sizeof *n->items * k->nitems);
        }
    }
    return u->nconsts++;
}

static uint32_t
hash_name(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++) {
        h = (h ^ (unsigned char)*s) * 16777619u;
    }
    return h;
}

/* Index of name in the unit's names table, added if new. */
uint32_t
cmp_add_name(CmpCompiler *c, const char *name)
{
    CmpUnit *u = c->u;
    uint32_t mask, i;
    if (c->failed) {
        return 0;
    }
    if ((u->nnames + 1) * 2 > u->namehashcap) {
        uint32_t cap = u->namehashcap ? u->namehashcap * 2 : 16;
        int *h = cmp_pool_alloc(&c->pool, sizeof *h * cap);
        if (h == NULL) {
            cmp_fail_oom(c);
            return 0;
        }
        for (uint32_t j = 0; j < cap; j++) {
            h[j] = -1;
        }
        for (uint32_t k = 0; k < u->nnames; k++) {
            for (i = hash_name(u->names[k]) & (cap - 1); h[i] >= 0; i = (i + 1) & (cap - 1)) {
            }
            h[i] = (int)k;
        }
        u->namehash = h;
        u->namehashcap = cap;
    }
    mask = u->namehashcap - 1;
    for (i = hash_name(name) & mask; u->namehash[i] >= 0; i = (i + 1) & mask) {
        if (strcmp(u->names[u->namehash[i]], name) == 0) {
            return (uint32_t)u->namehash[i];
        }
    }
    if (!grow(c, (void **)&u->names, &u->capnames, u->nnames + 1, sizeof *u->names)) {
        return 0;
    }
    u->names[u->nnames] = name;
    u->namehash[i] = (int)u->nnames;
    return u->nnames++;
}

/* The symbol of name in the current unit's scope, or NULL. */
CmpSymbol *
cmp_unit_symbol(CmpCompiler *c, const char *name)
{
    return cmp_scope_lookup(c->u->scope, name);
}

/* ---- units ------------------------------------------------------------------ */

/* Units live in the compilation's pool; nothing to free one by one. */
void
cmp_unit_free(CmpUnit *u)
{
    (void)u;    /* everything lives in the compilation's pool */
}

/* Assigns slots: parameters first (in order), then other locals; cells;
 * free variables. Cell parameters keep a local slot (cell2arg). */
static bool
assign_slots(CmpCompiler *c, CmpUnit *u)
{
    CmpScope *s = u->scope;
    uint32_t n = (uint32_t)s->nsyms;
    u->localnames = cmp_pool_alloc(&c->pool, sizeof *u->localnames * (n ? n : 1));
    u->cellnames = cmp_pool_alloc(&c->pool, sizeof *u->cellnames * (n ? n : 1));
    u->freenames = cmp_pool_alloc(&c->pool, sizeof *u->freenames * (n ? n : 1));
    u->cell2arg = cmp_pool_alloc(&c->pool, sizeof *u->cell2arg * (n ? n : 1));
    if (!u->localnames || !u->cellnames || !u->freenames || !u->cell2arg) {
        return cmp_fail_oom(c);
    }
    for (int i = 0; i < s->nsyms; i++) {
        CmpSymbol *sym = &s->syms[i];
        sym->argslot = -1;
        if (s->kind == CMP_SCOPE_MODULE) {
            continue;
        }
        if (i < s->nparams) {
            sym->argslot = (int)u->nlocals;
            u->localnames[u->nlocals++] = sym->name;
            if (sym->scope == CMP_SYM_LOCAL) {
                sym->slot = sym->argslot;
            }
        } else if (sym->scope == CMP_SYM_LOCAL) {
            sym->slot = (int)u->nlocals;
            u->localnames[u->nlocals++] = sym->name;
        }
    }
    for (int i = 0; i < s->nsyms; i++) {
        CmpSymbol *sym = &s->syms[i];
        if (sym->scope == CMP_SYM_CELL) {
            sym->slot = (int)u->ncells;
            u->cell2arg[u->ncells] = sym->argslot;
            u->cellnames[u->ncells++] = sym->name;
        }
    }
    for (int i = 0; i < s->nsyms; i++) {
        CmpSymbol *sym = &s->syms[i];
        if (sym->scope == CMP_SYM_FREE) {
            sym->slot = (int)(u->ncells + u->nfree);
            u->freenames[u->nfree++] = sym->name;
        }
    }
    return true;
}

/* Opens the unit of a scope, reserving its code slot (pre-order) and its slots. */
bool
cmp_unit_enter(CmpCompiler *c, CmpScope *scope, const char *name, const char *qualname,
               uint32_t firstlineno)
{
    CmpUnit *u;
    if (c->failed) {
        return false;
    }
    if (!grow(c, (void **)&c->codes, &c->capcodes, c->ncodes + 1, sizeof *c->codes)) {
        return false;
    }
    u = cmp_pool_zalloc(&c->pool, sizeof *u);
    if (u == NULL) {
        return cmp_fail_oom(c);
    }
    memset(&c->codes[c->ncodes], 0, sizeof *c->codes);
    u->index = c->ncodes++;
    u->scope = scope;
    u->name = name;
    u->qualname = cmp_pool_strndup(&c->pool, qualname, strlen(qualname));
    u->firstlineno = firstlineno;
    u->htop = -1;
    u->reachable = true;
    u->loc.lineno = u->loc.end_lineno = firstlineno;
    u->prev = c->u;
    c->u = u;
    if (u->qualname == NULL) {
        return cmp_fail_oom(c);
    }
    return assign_slots(c, u);
}

/* Builds the exception table from the per-instruction handler records. */
static bool
build_exctable(CmpCompiler *c, CmpUnit *u, CmpCode *code)
{
    uint32_t n = 0, cap = 0;
    CmpExcEntry *t = NULL;
    for (uint32_t i = 0; i < u->ninsns; i++) {
        int32_t h = u->insns[i].handler;
        const CmpHandlerRec *r;
        uint32_t target;
        if (h < 0) {
            continue;
        }
        r = &u->handlers[h];
        target = (uint32_t)u->label_pos[r->label];
        if (n > 0 && t[n - 1].end == i && t[n - 1].handler == target
            && t[n - 1].depth == r->depth && t[n - 1].lasti == r->lasti) {
            t[n - 1].end = i + 1;
            continue;
        }
        if (!grow(c, (void **)&t, &cap, n + 1, sizeof *t)) {
            return false;
        }
        t[n].start = i;
        t[n].end = i + 1;
        t[n].handler = target;
        t[n].depth = r->depth;
        t[n].lasti = r->lasti;
        n++;
    }
    code->exctable = t;
    code->nexc = n;
    return true;
}

/* Drops the instructions no path reaches (code after return/raise/break,
 * the defensive RETURN_CONST at the end of bodies), renumbering jumps and
 * handler labels. Runs after labels are resolved to indices. */
static bool
remove_dead(CmpCompiler *c, CmpUnit *u)
{
    uint32_t n = u->ninsns, *work, nwork = 0, kept = 0;
    int32_t *newidx;
    bool *reach;

    if (n == 0) {
        return true;
    }
    reach = cmp_pool_zalloc(&c->pool, sizeof *reach * n);
    work = cmp_pool_alloc(&c->pool, sizeof *work * n);
    newidx = cmp_pool_alloc(&c->pool, sizeof *newidx * n);
    if (reach == NULL || work == NULL || newidx == NULL) {
        return cmp_fail_oom(c);
    }
    reach[0] = true;
    work[nwork++] = 0;
    while (nwork > 0) {
        uint32_t i = work[--nwork];
        const CmpInsnRec *r = &u->insns[i];
        uint32_t next[3];
        int nn = 0;
        if (r->handler >= 0) {
            next[nn++] = (uint32_t)u->label_pos[u->handlers[r->handler].label];
        }
        if (r->label >= 0) {
            next[nn++] = r->arg;
        }
        if (!cmp_op_is_terminal(r->op) && i + 1 < n) {
            next[nn++] = i + 1;
        }
        for (int k = 0; k < nn; k++) {
            if (!reach[next[k]]) {
                reach[next[k]] = true;
                work[nwork++] = next[k];
            }
        }
    }
    for (uint32_t i = 0; i < n; i++) {
        newidx[i] = reach[i] ? (int32_t)kept++ : -1;
    }
    if (kept == n) {
        return true;
    }
    for (uint32_t i = 0, j = 0; i < n; i++) {
        if (reach[i]) {
            CmpInsnRec r = u->insns[i];
            if (r.label >= 0) {
                r.arg = (uint32_t)newidx[r.arg];
            }
            u->insns[j++] = r;
        }
    }
    for (uint32_t h = 0; h < u->nhandlers; h++) {
        int32_t pos = u->label_pos[u->handlers[h].label];
        if (pos >= 0 && (uint32_t)pos < n && reach[pos]) {
            u->label_pos[u->handlers[h].label] = newidx[pos];
        }
    }
    u->ninsns = kept;
    return true;
}

/* Resolves labels, drops dead code, builds the CmpCode and returns to the parent unit. */
bool
cmp_unit_leave(CmpCompiler *c, uint32_t argcount, uint32_t posonly, uint32_t kwonly,
               uint32_t flags)
{
    CmpUnit *u = c->u;
    CmpCode *code;
    bool ok = !c->failed;

    for (uint32_t i = 0; ok && i < u->ninsns; i++) {
        if (u->insns[i].label >= 0) {
            int32_t pos = u->label_pos[u->insns[i].label];
            if (pos < 0 || (uint32_t)pos >= u->ninsns) {
                ok = cmp_fail(c, "SystemError", NULL, "internal compiler error: unbound label");
                break;
            }
            u->insns[i].arg = (uint32_t)pos;
        }
    }
    for (uint32_t h = 0; ok && h < u->nhandlers; h++) {
        int32_t pos = u->label_pos[u->handlers[h].label];
        if (pos < 0 || (uint32_t)pos >= u->ninsns) {
            ok = cmp_fail(c, "SystemError", NULL, "internal compiler error: unbound handler");
        }
    }
    ok = ok && remove_dead(c, u);
    if (ok) {
        /* The code borrows the unit's arrays (pool) and the AST's strings;
         * cmp_program_pack copies it all into the program's block. */
        code = &c->codes[u->index];
        code->name = u->name;
        code->qualname = u->qualname;
        code->flags = flags;
        code->argcount = argcount;
        code->posonlyargcount = posonly;
        code->kwonlyargcount = kwonly;
        code->stacksize = (uint32_t)u->maxdepth;
        code->firstlineno = u->firstlineno;
        code->localnames = u->localnames;
        code->nlocals = u->nlocals;
        code->cellnames = u->cellnames;
        code->ncellvars = u->ncells;
        code->freenames = u->freenames;
        code->nfreevars = u->nfree;
        code->cell2arg = u->cell2arg;
        code->code = cmp_pool_alloc(&c->pool, sizeof *code->code * (u->ninsns ? u->ninsns : 1));
        code->locs = cmp_pool_alloc(&c->pool, sizeof *code->locs * (u->ninsns ? u->ninsns : 1));
        code->names = u->names;
        code->nnames = u->nnames;
        if (code->code == NULL || code->locs == NULL) {
            ok = cmp_fail_oom(c);
        }
        if (ok) {
            for (uint32_t i = 0; i < u->ninsns; i++) {
                code->code[i] = CMP_INSN(u->insns[i].op, u->insns[i].arg);
                code->locs[i] = u->insns[i].loc;
            }
            code->ncode = u->ninsns;
            code->consts = u->consts;
            code->nconsts = u->nconsts;
            ok = build_exctable(c, u, code) && !c->failed;
        }
    }
    c->u = u->prev;
    cmp_unit_free(u);
    return ok;
}
