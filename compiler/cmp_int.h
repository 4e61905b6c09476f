/*
 * cmp_int.h — layouts shared inside compiler/ only (never included outside).
 *
 * The opcode table queries (stack effects, operand kinds) used by the code
 * emitter, the verifier and the disassembler, and the verifier itself, which
 * the loader runs on untrusted bytes and the compiler runs on its own output
 * in debug builds and tests.
 */
#ifndef MONTY_COMPILER_CMP_INT_H
#define MONTY_COMPILER_CMP_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "compiler/program.h"

typedef enum CmpOperandKind {
    CMP_K_NONE, CMP_K_CONST, CMP_K_NAME, CMP_K_LOCAL, CMP_K_CELL, CMP_K_JUMP,
    CMP_K_COUNT, CMP_K_OP, CMP_K_INVALID
} CmpOperandKind;

/* Operand kind of an opcode number; CMP_K_INVALID for unused numbers. */
CmpOperandKind cmp_op_kind(unsigned op);

/* Fall-through stack effect of (op, arg): values popped and pushed. */
void cmp_op_effect(unsigned op, uint32_t arg, int64_t *pops, int64_t *pushes);

/* Depth change when a jump instruction takes its branch. */
int64_t cmp_op_jump_delta(unsigned op);

/* True for instructions after which control never falls through. */
bool cmp_op_is_terminal(unsigned op);

/* True for opcodes whose operand is a jump target. */
bool cmp_op_has_jump(unsigned op);

/*
 * Checks every structural invariant of one program (indices, jump targets,
 * operand ranges, stack depths along every path including exception
 * handlers, exception-table shape). Returns false with a message in err.
 */
bool cmp_verify_program(const CmpProgram *program, char *err, size_t errlen);

/* ---- the compilation's pool (pool.c) ----------------------------------- */

typedef struct CmpPoolChunk CmpPoolChunk;

/* Bump allocator freed at once; `failed` is sticky after a refused malloc. */
typedef struct CmpPool {
    CmpPoolChunk *chunks;
    char *cur;
    size_t left;
    size_t next_size;
    size_t used;                 /* bytes held in chunks */
    size_t limit;                /* 0: none */
    bool failed;
} CmpPool;

void cmp_pool_init(CmpPool *p, void *first, size_t size);
void cmp_pool_fini(CmpPool *p);
void *cmp_pool_alloc(CmpPool *p, size_t n);
void *cmp_pool_zalloc(CmpPool *p, size_t n);
/* A bigger copy of old (or old itself, grown in place); NULL when out of memory. */
void *cmp_pool_grow(CmpPool *p, void *old, size_t oldsize, size_t newsize);
char *cmp_pool_strndup(CmpPool *p, const char *s, size_t n);

/* One malloc'd block holding a copy of the program (program->packed set),
 * or NULL when out of memory. */
CmpProgram *cmp_program_pack(const CmpProgram *src, size_t limit);

/* ---- symbol tables (scope.c) ------------------------------------------- */

#include "compiler/compiler.h"
#include "grammar/ast.h"

typedef enum CmpScopeKind {
    CMP_SCOPE_MODULE, CMP_SCOPE_FUNCTION, CMP_SCOPE_LAMBDA, CMP_SCOPE_LISTCOMP,
    CMP_SCOPE_SETCOMP, CMP_SCOPE_DICTCOMP, CMP_SCOPE_GENEXPR
} CmpScopeKind;

/* What the first pass saw a scope do with a name (CPython's DEF_* flags). */
#define CMP_DEF_GLOBAL 0x01u     /* global statement */
#define CMP_DEF_NONLOCAL 0x02u   /* nonlocal statement (or a walrus in a comprehension) */
#define CMP_DEF_LOCAL 0x04u      /* bound: assignment, def, import, del, for target */
#define CMP_DEF_PARAM 0x08u
#define CMP_DEF_USE 0x10u
#define CMP_DEF_COMP_ITER 0x20u  /* comprehension iteration variable */
#define CMP_DEF_ANNOT 0x40u      /* annotated (x: int) */

/* Where a name lives after analysis. */
typedef enum CmpSymScope {
    CMP_SYM_UNKNOWN, CMP_SYM_LOCAL, CMP_SYM_GLOBAL_EXPLICIT, CMP_SYM_GLOBAL_IMPLICIT,
    CMP_SYM_FREE, CMP_SYM_CELL
} CmpSymScope;

typedef struct CmpSymbol {
    const char *name;            /* borrowed from the AST (or a static string) */
    uint32_t flags;
    CmpSymScope scope;
    int slot;                    /* set by the code generator: local slot, or
                                    cell index (cells, then free) */
    int argslot;                 /* a parameter's local slot, else -1 */
    const AstLoc *decl;          /* first global/nonlocal statement, for errors */
} CmpSymbol;

typedef struct CmpScope CmpScope;
struct CmpScope {
    CmpPool *pool;               /* where everything below lives */
    CmpScopeKind kind;
    const void *node;            /* AstStmt (def), AstExpr (lambda, comprehension) */
    const char *name;            /* "<module>", "f", "<lambda>", "<listcomp>" ... */
    CmpScope *parent;
    CmpScope **children;         /* in source order */
    int nchildren, capchildren;
    CmpSymbol *syms;             /* in order of first mention; parameters first */
    int nsyms, capsyms;
    int *hash;                   /* open addressing over syms, -1 empty */
    int hashcap;
    int nparams;                 /* the first nparams syms are the parameters */
    bool generator;
    bool coroutine;              /* async def (its code gets CMP_CO_COROUTINE) */
    bool has_free;               /* needs a closure */
};

typedef struct CmpScopeTable {
    CmpScope *module;
    CmpPool *pool;               /* the compilation's pool (set by the caller) */
} CmpScopeTable;

/* "a" for "a.b.c" (the name `import a.b.c` binds), owned by the table. */
const char *cmp_scope_intern_head(CmpScopeTable *table, const char *dotted);

/* Builds and analyzes the scopes of a module. False with *err on error. */
bool cmp_scope_build(CmpScopeTable *table, const AstModule *mod, CmpError *err);
void cmp_scope_free(CmpScopeTable *table);

/* The symbol for name in scope, or NULL. */
CmpSymbol *cmp_scope_lookup(const CmpScope *scope, const char *name);

/* The child scope made for node (a def, lambda or comprehension), or NULL. */
CmpScope *cmp_scope_child(const CmpScope *scope, const void *node);

/* Folds a BinOp of literals (fold.c); false when it must run at run time. */
bool cmp_fold_const(CmpPool *pool, const AstExpr *e, AstConst *out);

/* Fills a CmpError from a location (columns converted to 1-based). */
void cmp_error_set(CmpError *err, const char *type, const AstLoc *loc, const char *fmt, ...);

/* ---- code generation state (emit.c, compile.c) -------------------------- */

/* An instruction before assembly: jumps name a label, not an index. */
typedef struct CmpInsnRec {
    uint32_t op;
    uint32_t arg;
    int32_t label;              /* jump target label, or -1 */
    int32_t handler;            /* innermost active handler record, or -1 */
    CmpLoc loc;
} CmpInsnRec;

/* An exception handler record. The active handlers form a persistent
 * linked stack (parent links), so a point in the code can save and restore
 * "which handlers protect me" as one index. */
typedef struct CmpHandlerRec {
    int32_t label;
    uint32_t depth;
    bool lasti;
    int32_t parent;
} CmpHandlerRec;

typedef enum CmpFBlockKind {
    CMP_FB_WHILE, CMP_FB_FOR, CMP_FB_TRY_EXCEPT, CMP_FB_FINALLY_TRY, CMP_FB_FINALLY_END,
    CMP_FB_EXCEPTION_HANDLER, CMP_FB_HANDLER_CLEANUP, CMP_FB_POP_VALUE
} CmpFBlockKind;

/* A frame block (CPython's fblock): what return/break/continue must undo. */
typedef struct CmpFBlock {
    CmpFBlockKind kind;
    int32_t head;               /* loops: continue target */
    int32_t exit;               /* loops: break target */
    const AstSeq *finalbody;    /* FINALLY_TRY */
    const char *name;           /* HANDLER_CLEANUP: the `as` name, or NULL */
} CmpFBlock;

typedef struct CmpUnit CmpUnit;
struct CmpUnit {
    CmpUnit *prev;              /* the enclosing unit */
    CmpScope *scope;
    uint32_t index;             /* slot in the program's codes */
    char *qualname;
    const char *name;
    uint32_t firstlineno;

    CmpInsnRec *insns;
    uint32_t ninsns, capinsns;
    int32_t *label_pos;         /* instruction index, -1 while unbound */
    int64_t *label_depth;       /* stack depth at the label, -1 unknown */
    int32_t *label_handler;     /* handler labels: handler stack to restore */
    uint32_t nlabels, caplabels;
    CmpHandlerRec *handlers;
    uint32_t nhandlers, caphandlers;
    int32_t htop;               /* innermost active handler, -1 none */
    CmpFBlock *fblocks;
    uint32_t nfblocks, capfblocks;

    CmpConst *consts;
    uint32_t nconsts, capconsts;
    const char **names;
    uint32_t nnames, capnames;
    int *namehash;
    uint32_t namehashcap;

    const char **localnames;
    uint32_t nlocals;
    const char **cellnames;
    uint32_t ncells;
    const char **freenames;
    uint32_t nfree;
    int32_t *cell2arg;

    int64_t depth, maxdepth;
    bool reachable;
    CmpLoc loc;                 /* location given to emitted instructions */
};

typedef struct CmpCompiler {
    CmpPool pool;
    CmpScopeTable scopes;
    CmpUnit *u;
    CmpCode *codes;
    uint32_t ncodes, capcodes;
    CmpError *err;
    bool failed;
    bool future_ok;             /* still at the top of the module */
} CmpCompiler;

/* Error helpers: the first error wins; later calls are ignored. */
bool cmp_fail_oom(CmpCompiler *c);
bool cmp_fail(CmpCompiler *c, const char *type, const AstLoc *loc, const char *fmt, ...);

/* Opens a unit for a scope (reserving its code slot) / closes it, building
 * the CmpCode. The qualname is copied. */
bool cmp_unit_enter(CmpCompiler *c, CmpScope *scope, const char *name, const char *qualname,
                    uint32_t firstlineno);
bool cmp_unit_leave(CmpCompiler *c, uint32_t argcount, uint32_t posonly, uint32_t kwonly,
                    uint32_t flags);
void cmp_unit_free(CmpUnit *u);

void cmp_emit(CmpCompiler *c, CmpOpcode op, uint32_t arg);
void cmp_emit_jump(CmpCompiler *c, CmpOpcode op, int32_t label);
int32_t cmp_new_label(CmpCompiler *c);
void cmp_bind_label(CmpCompiler *c, int32_t label);

/* SETUP_FINALLY / SETUP_CLEANUP (lasti) and POP_BLOCK of CPython. */
void cmp_push_handler(CmpCompiler *c, int32_t label, bool lasti);
void cmp_pop_handler(CmpCompiler *c);

/* CPython's CO_MAXBLOCKS: deeper nesting of loops/try is a SyntaxError. */
#define CMP_MAX_BLOCKS 21
bool cmp_push_fblock(CmpCompiler *c, CmpFBlock fb, const AstLoc *loc);
void cmp_pop_fblock(CmpCompiler *c);

/* Constant and name tables; indices into the current unit's. */
uint32_t cmp_add_const(CmpCompiler *c, const CmpConst *k);   /* copies str/items */
uint32_t cmp_add_name(CmpCompiler *c, const char *name);

/* The symbol of a name in the current unit's scope, or NULL (global). */
CmpSymbol *cmp_unit_symbol(CmpCompiler *c, const char *name);

#endif /* MONTY_COMPILER_CMP_INT_H */
