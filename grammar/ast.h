/*
 * ast.h — monty's abstract syntax tree.
 *
 * Node kinds and field names follow CPython's `ast` module (3.13 ASDL, minus
 * t-strings) so that `monty parse --ast` can print a tree byte-identical to
 * `ast.dump(ast.parse(src))`, and so that anyone who knows CPython's AST can
 * read the checker and the compiler.
 *
 * Ownership: every node, sequence and string hangs off one AstArena
 * (grammar/arena.h) and is freed with it; nothing here is freed one by one.
 * Optional fields are NULL when CPython would print None; sequences are never
 * NULL (an empty AstSeq has len 0).
 *
 * Locations are CPython's: 1-based lines, 0-based columns counted in UTF-8
 * bytes, end positions exclusive.
 */
#ifndef MONTY_GRAMMAR_AST_H
#define MONTY_GRAMMAR_AST_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#include "grammar/arena.h"

typedef struct AstExpr AstExpr;
typedef struct AstStmt AstStmt;
typedef struct AstPattern AstPattern;

/* A source span, as CPython's lineno/col_offset/end_lineno/end_col_offset. */
typedef struct AstLoc {
    int lineno;
    int col_offset;
    int end_lineno;
    int end_col_offset;
} AstLoc;

/* A growable array of node pointers, allocated in the arena. Elements of
 * Dict.keys and arguments.kw_defaults may be NULL (CPython's None). */
typedef struct AstSeq {
    int len;
    int cap;
    void **items;
} AstSeq;

#define AST_SEQ_GET(seq, i) ((seq).items[(i)])

/* An identifier or string payload: UTF-8 bytes (surrogates encoded as
 * 3-byte sequences, as CPython's "surrogatepass"), NUL-terminated for
 * convenience, with an explicit length because str/bytes may hold NULs. */
typedef struct AstStr {
    const char *s;
    size_t len;
} AstStr;

/* ---- enums (names as CPython's ast classes) ---------------------------- */

typedef enum AstCtx { AST_LOAD, AST_STORE, AST_DEL } AstCtx;

typedef enum AstBoolOp { AST_AND, AST_OR } AstBoolOp;

typedef enum AstOperator {
    AST_ADD, AST_SUB, AST_MULT, AST_MATMULT, AST_DIV, AST_MOD, AST_POW,
    AST_LSHIFT, AST_RSHIFT, AST_BITOR, AST_BITXOR, AST_BITAND, AST_FLOORDIV,
    AST_OPERATOR_COUNT
} AstOperator;

typedef enum AstUnaryOp { AST_INVERT, AST_NOT, AST_UADD, AST_USUB } AstUnaryOp;

typedef enum AstCmpOp {
    AST_EQ, AST_NOTEQ, AST_LT, AST_LTE, AST_GT, AST_GTE,
    AST_IS, AST_ISNOT, AST_IN, AST_NOTIN
} AstCmpOp;

/* ---- constants --------------------------------------------------------- */

typedef enum AstConstKind {
    AST_CONST_NONE,
    AST_CONST_TRUE,
    AST_CONST_FALSE,
    AST_CONST_ELLIPSIS,
    AST_CONST_INT,      /* small: fits int64 (is_big false); else digits in big */
    AST_CONST_FLOAT,
    AST_CONST_COMPLEX,  /* imaginary literal: value is the imaginary part */
    AST_CONST_STR,
    AST_CONST_BYTES,
} AstConstKind;

typedef struct AstConst {
    AstConstKind kind;
    bool is_big;        /* AST_CONST_INT that does not fit int64 */
    bool u_prefix;      /* str literal written with u'' (CPython's kind='u') */
    int64_t i;
    double f;
    AstStr str;         /* STR/BYTES payload; for big INT: decimal digits */
} AstConst;

/* ---- helper nodes ------------------------------------------------------ */

typedef struct AstArg {
    AstLoc loc;
    AstStr arg;
    AstExpr *annotation;        /* may be NULL */
} AstArg;

typedef struct AstArguments {
    AstSeq posonlyargs;         /* AstArg* */
    AstSeq args;                /* AstArg* */
    AstArg *vararg;             /* may be NULL */
    AstSeq kwonlyargs;          /* AstArg* */
    AstSeq kw_defaults;         /* AstExpr* or NULL, one per kwonlyarg */
    AstArg *kwarg;              /* may be NULL */
    AstSeq defaults;            /* AstExpr*, for the last len(defaults) positional */
} AstArguments;

typedef struct AstKeyword {
    AstLoc loc;
    AstStr arg;                 /* s == NULL for **value */
    AstExpr *value;
} AstKeyword;

typedef struct AstAlias {
    AstLoc loc;
    AstStr name;
    AstStr asname;              /* s == NULL when absent */
} AstAlias;

typedef struct AstWithItem {
    AstExpr *context_expr;
    AstExpr *optional_vars;     /* may be NULL */
} AstWithItem;

typedef struct AstComprehension {
    AstExpr *target;
    AstExpr *iter;
    AstSeq ifs;                 /* AstExpr* */
    bool is_async;
} AstComprehension;

typedef struct AstExceptHandler {
    AstLoc loc;
    AstExpr *type;              /* may be NULL */
    AstStr name;                /* s == NULL when absent */
    AstSeq body;                /* AstStmt* */
} AstExceptHandler;

typedef struct AstMatchCase {
    AstPattern *pattern;
    AstExpr *guard;             /* may be NULL */
    AstSeq body;                /* AstStmt* */
} AstMatchCase;

typedef enum AstTypeParamKind {
    AST_TYPEVAR, AST_PARAMSPEC, AST_TYPEVARTUPLE
} AstTypeParamKind;

typedef struct AstTypeParam {
    AstTypeParamKind kind;
    AstLoc loc;
    AstStr name;
    AstExpr *bound;             /* TypeVar only; may be NULL */
    AstExpr *default_value;     /* may be NULL */
} AstTypeParam;

/* ---- expressions ------------------------------------------------------- */

typedef enum AstExprKind {
    AST_BOOLOP, AST_NAMEDEXPR, AST_BINOP, AST_UNARYOP, AST_LAMBDA, AST_IFEXP,
    AST_DICT, AST_SET, AST_LISTCOMP, AST_SETCOMP, AST_DICTCOMP, AST_GENERATOREXP,
    AST_AWAIT, AST_YIELD, AST_YIELDFROM, AST_COMPARE, AST_CALL,
    AST_FORMATTEDVALUE, AST_JOINEDSTR, AST_CONSTANT, AST_ATTRIBUTE,
    AST_SUBSCRIPT, AST_STARRED, AST_NAME, AST_LIST, AST_TUPLE, AST_SLICE,
    AST_EXPR_KIND_COUNT
} AstExprKind;

struct AstExpr {
    AstExprKind kind;
    AstLoc loc;
    int depth;                  /* height of this subtree (parser's depth cap) */
    bool parenthesized;         /* written inside its own parentheses */
    AstLoc paren_loc;           /* when parenthesized: the span with the
                                   outermost parentheses (CPython's parent
                                   nodes span those tokens) */
    union {
        struct { AstBoolOp op; AstSeq values; } boolop;
        struct { AstExpr *target; AstExpr *value; } namedexpr;
        struct { AstExpr *left; AstOperator op; AstExpr *right; } binop;
        struct { AstUnaryOp op; AstExpr *operand; } unaryop;
        struct { AstArguments *args; AstExpr *body; } lambda;
        struct { AstExpr *test; AstExpr *body; AstExpr *orelse; } ifexp;
        struct { AstSeq keys; AstSeq values; } dict;     /* key NULL = **value */
        struct { AstSeq elts; } set;
        /* ListComp, SetComp, GeneratorExp use elt; DictComp uses key/value */
        struct { AstExpr *elt; AstExpr *key; AstExpr *value; AstSeq generators; } comp;
        struct { AstExpr *value; } await_;
        struct { AstExpr *value; } yield;                /* value may be NULL */
        struct { AstExpr *value; } yieldfrom;
        struct { AstExpr *left; int n; AstCmpOp *ops; AstSeq comparators; } compare;
        struct { AstExpr *func; AstSeq args; AstSeq keywords; } call;
        /* conversion: -1 none, else 's', 'r' or 'a' */
        struct { AstExpr *value; int conversion; AstExpr *format_spec; } formattedvalue;
        struct { AstSeq values; } joinedstr;
        AstConst constant;
        struct { AstExpr *value; AstStr attr; AstCtx ctx; } attribute;
        struct { AstExpr *value; AstExpr *slice; AstCtx ctx; } subscript;
        struct { AstExpr *value; AstCtx ctx; } starred;
        struct { AstStr id; AstCtx ctx; } name;
        struct { AstSeq elts; AstCtx ctx; } list;        /* List and Tuple */
        struct { AstExpr *lower; AstExpr *upper; AstExpr *step; } slice;
    } u;
};

/* ---- patterns (match statement) ---------------------------------------- */

typedef enum AstPatternKind {
    AST_MATCHVALUE, AST_MATCHSINGLETON, AST_MATCHSEQUENCE, AST_MATCHMAPPING,
    AST_MATCHCLASS, AST_MATCHSTAR, AST_MATCHAS, AST_MATCHOR
} AstPatternKind;

struct AstPattern {
    AstPatternKind kind;
    AstLoc loc;
    int depth;                  /* height of this subtree */
    union {
        struct { AstExpr *value; } value;
        struct { AstConstKind value; } singleton;        /* NONE, TRUE or FALSE */
        struct { AstSeq patterns; } sequence;
        struct { AstSeq keys; AstSeq patterns; AstStr rest; } mapping;
        struct { AstExpr *cls; AstSeq patterns; AstSeq kwd_attrs;  /* AstStr* */
                 AstSeq kwd_patterns; } cls;
        struct { AstStr name; } star;                    /* name.s NULL for _ */
        struct { AstPattern *pattern; AstStr name; } as; /* both may be absent */
        struct { AstSeq patterns; } or_;
    } u;
};

/* ---- statements -------------------------------------------------------- */

typedef enum AstStmtKind {
    AST_FUNCTIONDEF, AST_ASYNCFUNCTIONDEF, AST_CLASSDEF, AST_RETURN, AST_DELETE,
    AST_ASSIGN, AST_TYPEALIAS, AST_AUGASSIGN, AST_ANNASSIGN, AST_FOR,
    AST_ASYNCFOR, AST_WHILE, AST_IF, AST_WITH, AST_ASYNCWITH, AST_MATCH,
    AST_RAISE, AST_TRY, AST_TRYSTAR, AST_ASSERT, AST_IMPORT, AST_IMPORTFROM,
    AST_GLOBAL, AST_NONLOCAL, AST_EXPR, AST_PASS, AST_BREAK, AST_CONTINUE,
    AST_STMT_KIND_COUNT
} AstStmtKind;

struct AstStmt {
    AstStmtKind kind;
    AstLoc loc;
    int depth;                  /* height of this subtree */
    union {
        /* FunctionDef and AsyncFunctionDef */
        struct { AstStr name; AstArguments *args; AstSeq body; AstSeq decorator_list;
                 AstExpr *returns; AstSeq type_params; } funcdef;
        struct { AstStr name; AstSeq bases; AstSeq keywords; AstSeq body;
                 AstSeq decorator_list; AstSeq type_params; } classdef;
        struct { AstExpr *value; } return_;              /* value may be NULL */
        struct { AstSeq targets; } delete_;
        struct { AstSeq targets; AstExpr *value; } assign;
        struct { AstExpr *name; AstSeq type_params; AstExpr *value; } typealias;
        struct { AstExpr *target; AstOperator op; AstExpr *value; } augassign;
        struct { AstExpr *target; AstExpr *annotation; AstExpr *value; bool simple; } annassign;
        /* For and AsyncFor */
        struct { AstExpr *target; AstExpr *iter; AstSeq body; AstSeq orelse; } for_;
        struct { AstExpr *test; AstSeq body; AstSeq orelse; } while_;
        struct { AstExpr *test; AstSeq body; AstSeq orelse; } if_;
        /* With and AsyncWith */
        struct { AstSeq items; AstSeq body; } with;      /* items: AstWithItem* */
        struct { AstExpr *subject; AstSeq cases; } match; /* cases: AstMatchCase* */
        struct { AstExpr *exc; AstExpr *cause; } raise;  /* both may be NULL */
        /* Try and TryStar */
        struct { AstSeq body; AstSeq handlers; AstSeq orelse; AstSeq finalbody; } try_;
        struct { AstExpr *test; AstExpr *msg; } assert_;
        struct { AstSeq names; } import;                 /* AstAlias* */
        struct { AstStr module; AstSeq names; int level; } importfrom; /* module.s may be NULL */
        struct { AstSeq names; } global;                 /* AstStr* (Global, Nonlocal) */
        struct { AstExpr *value; } expr;
    } u;
};

/* ---- module ------------------------------------------------------------ */

typedef struct AstModule {
    AstSeq body;                /* AstStmt* */
} AstModule;

/* ---- construction helpers (ast.c) -------------------------------------- */

/* The slow path of ast_seq_push: doubles the array, then appends. */
bool ast_seq_grow_push(AstArena *arena, AstSeq *seq, void *item);

/* Appends item to seq, growing it in the arena. Returns false when the arena
 * refuses memory (the caller reports MemoryError / a limit). */
static inline bool
ast_seq_push(AstArena *arena, AstSeq *seq, void *item)
{
    if (__builtin_expect(seq->len < seq->cap, 1)) {
        seq->items[seq->len++] = item;
        return true;
    }
    return ast_seq_grow_push(arena, seq, item);
}

AstExpr *ast_expr_new(AstArena *arena, AstExprKind kind, AstLoc loc);
AstStmt *ast_stmt_new(AstArena *arena, AstStmtKind kind, AstLoc loc);
AstPattern *ast_pattern_new(AstArena *arena, AstPatternKind kind, AstLoc loc);

/* Copies len bytes into the arena and NUL-terminates them. */
AstStr ast_str_new(AstArena *arena, const char *s, size_t len);

/* Names as CPython spells them, for dumps and messages ("Add", "Lt", ...). */
const char *ast_expr_kind_name(AstExprKind kind);
const char *ast_stmt_kind_name(AstStmtKind kind);
const char *ast_operator_name(AstOperator op);
const char *ast_operator_symbol(AstOperator op);   /* "+", "//", ... */
const char *ast_cmpop_name(AstCmpOp op);
const char *ast_cmpop_symbol(AstCmpOp op);         /* "<", "not in", ... */

#endif /* MONTY_GRAMMAR_AST_H */
