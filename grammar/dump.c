/*
 * dump.c — parse_dump_module: the tree as CPython 3.13's
 * ast.dump(tree) prints it (fields in ASDL order, None fields and empty
 * lists omitted except in Constant/MatchSingleton, values as repr()).
 *
 * The walk recurses once per tree level; the parser caps the tree's height
 * (PARSE_MAX_DEPTH), which bounds the C stack used here.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "grammar/parse.h"

typedef struct Out {
    char *buf;
    size_t len;
    size_t cap;
    bool oom;
    bool attrs;     /* include_attributes=True: locations too */
} Out;

static void
put(Out *o, const char *s, size_t n)
{
    if (o->oom) {
        return;
    }
    if (o->len + n + 1 > o->cap) {
        size_t ncap = o->cap ? o->cap * 2 : 4096;
        while (ncap < o->len + n + 1) {
            ncap *= 2;
        }
        char *b = realloc(o->buf, ncap);
        if (b == NULL) {
            o->oom = true;
            return;
        }
        o->buf = b;
        o->cap = ncap;
    }
    memcpy(o->buf + o->len, s, n);
    o->len += n;
}

static void
puts_(Out *o, const char *s)
{
    put(o, s, strlen(s));
}

static void
putf(Out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
putf(Out *o, const char *fmt, ...)
{
    char tmp[128];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
    va_end(ap);
    if (n > 0) {
        put(o, tmp, (size_t)n < sizeof(tmp) ? (size_t)n : sizeof(tmp) - 1);
    }
}

/* ---- repr of values ------------------------------------------------------ */

static bool
printable(int32_t cp)
{
    if (cp == ' ') {
        return true;
    }
    if (cp >= 0xD800 && cp <= 0xDFFF) {
        return false;
    }
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_CC: case UTF8PROC_CATEGORY_CF: case UTF8PROC_CATEGORY_CS:
    case UTF8PROC_CATEGORY_CO: case UTF8PROC_CATEGORY_CN: case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP: case UTF8PROC_CATEGORY_ZS:
        return false;
    default:
        return true;
    }
}

/* Decodes one UTF-8 sequence (surrogates allowed); returns its length. */
static int
next_cp(const unsigned char *s, size_t n, int32_t *cp)
{
    unsigned c = s[0];
    int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if ((size_t)len > n) {
        *cp = (int32_t)c;
        return 1;
    }
    int32_t v = len == 1 ? (int32_t)c : (int32_t)(c & (0x7F >> len));
    for (int k = 1; k < len; k++) {
        v = (v << 6) | (s[k] & 0x3F);
    }
    *cp = v;
    return len;
}

static void
repr_str(Out *o, const char *s, size_t n, bool bytes)
{
    bool sq = memchr(s, '\'', n) != NULL;
    bool dq = memchr(s, '"', n) != NULL;
    char q = (sq && !dq) ? '"' : '\'';
    if (bytes) {
        put(o, "b", 1);
    }
    put(o, &q, 1);
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c == (unsigned char)q || c == '\\') {
            char e[2] = {'\\', (char)c};
            put(o, e, 2);
            i++;
        } else if (c == '\n') {
            put(o, "\\n", 2);
            i++;
        } else if (c == '\r') {
            put(o, "\\r", 2);
            i++;
        } else if (c == '\t') {
            put(o, "\\t", 2);
            i++;
        } else if (c < 0x20 || c == 0x7F || (bytes && c >= 0x80)) {
            putf(o, "\\x%02x", c);
            i++;
        } else if (c < 0x80) {
            put(o, (const char *)&s[i], 1);
            i++;
        } else {
            int32_t cp;
            int len = next_cp((const unsigned char *)s + i, n - i, &cp);
            if (printable(cp)) {
                put(o, s + i, (size_t)len);
            } else if (cp < 0x100) {
                putf(o, "\\x%02x", (unsigned)cp);
            } else if (cp < 0x10000) {
                putf(o, "\\u%04x", (unsigned)cp);
            } else {
                putf(o, "\\U%08x", (unsigned)cp);
            }
            i += (size_t)len;
        }
    }
    put(o, &q, 1);
}

/* Python's repr(float) (shortest round-trip digits); `complex_part` omits
 * the ".0" that repr(float) adds to integral values, as complex repr does. */
static void
repr_float(Out *o, double x, bool complex_part)
{
    if (isnan(x)) {
        puts_(o, "nan");
        return;
    }
    if (isinf(x)) {
        puts_(o, x < 0 ? "-inf" : "inf");
        return;
    }
    char buf[40];
    int prec;
    for (prec = 1; prec <= 17; prec++) {
        snprintf(buf, sizeof(buf), "%.*e", prec - 1, x);
        if (strtod(buf, NULL) == x) {
            break;
        }
    }
    /* buf: [-]d[.ddd]e[+-]xx */
    char digits[40];
    int nd = 0;
    const char *p = buf;
    bool neg = false;
    if (*p == '-') {
        neg = true;
        p++;
    }
    for (; *p != 'e'; p++) {
        if (*p != '.') {
            digits[nd++] = *p;
        }
    }
    int exp = atoi(p + 1);
    while (nd > 1 && digits[nd - 1] == '0') {
        nd--;
    }
    if (neg) {
        put(o, "-", 1);
    }
    if (exp >= -5 + 1 && exp < 16) {
        if (exp < 0) {
            put(o, "0.", 2);
            for (int k = 0; k < -exp - 1; k++) {
                put(o, "0", 1);
            }
            put(o, digits, (size_t)nd);
        } else {
            int intdigits = exp + 1;
            for (int k = 0; k < intdigits; k++) {
                put(o, k < nd ? &digits[k] : "0", 1);
            }
            if (nd > intdigits) {
                put(o, ".", 1);
                put(o, digits + intdigits, (size_t)(nd - intdigits));
            } else if (!complex_part) {
                put(o, ".0", 2);
            }
        }
    } else {
        put(o, digits, 1);
        if (nd > 1) {
            put(o, ".", 1);
            put(o, digits + 1, (size_t)(nd - 1));
        }
        putf(o, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
    }
}

static void
repr_const(Out *o, const AstConst *c)
{
    switch (c->kind) {
    case AST_CONST_NONE: puts_(o, "None"); break;
    case AST_CONST_TRUE: puts_(o, "True"); break;
    case AST_CONST_FALSE: puts_(o, "False"); break;
    case AST_CONST_ELLIPSIS: puts_(o, "Ellipsis"); break;
    case AST_CONST_INT:
        if (c->is_big) {
            put(o, c->str.s, c->str.len);
        } else {
            putf(o, "%lld", (long long)c->i);
        }
        break;
    case AST_CONST_FLOAT: repr_float(o, c->f, false); break;
    case AST_CONST_COMPLEX:
        repr_float(o, c->f, true);
        put(o, "j", 1);
        break;
    case AST_CONST_STR: repr_str(o, c->str.s, c->str.len, false); break;
    case AST_CONST_BYTES: repr_str(o, c->str.s, c->str.len, true); break;
    }
}

/* ---- nodes ----------------------------------------------------------------- */

/* Field separator state: each node prints "Name(" then fields joined by
 * ", " then ")". */
typedef struct Node {
    Out *o;
    bool first;
} Node;

static Node
open_node(Out *o, const char *name)
{
    puts_(o, name);
    put(o, "(", 1);
    Node n = {o, true};
    return n;
}

static void
field(Node *n, const char *name)
{
    if (!n->first) {
        put(n->o, ", ", 2);
    }
    n->first = false;
    puts_(n->o, name);
    put(n->o, "=", 1);
}

static void
close_node(Node *n)
{
    put(n->o, ")", 1);
}

/* The location attributes, as ast.dump(include_attributes=True) adds them
 * after the fields. */
static void
f_loc(Node *n, const AstLoc *loc)
{
    if (!n->o->attrs) {
        return;
    }
    field(n, "lineno");
    putf(n->o, "%d", loc->lineno);
    field(n, "col_offset");
    putf(n->o, "%d", loc->col_offset);
    field(n, "end_lineno");
    putf(n->o, "%d", loc->end_lineno);
    field(n, "end_col_offset");
    putf(n->o, "%d", loc->end_col_offset);
}

static void dump_expr(Out *o, const AstExpr *e);
static void dump_stmt(Out *o, const AstStmt *s);
static void dump_pattern(Out *o, const AstPattern *p);

typedef void (*DumpFn)(Out *o, const void *item);

static void
d_expr(Out *o, const void *x)
{
    if (x == NULL) {
        puts_(o, "None");
    } else {
        dump_expr(o, x);
    }
}

static void
d_stmt(Out *o, const void *x)
{
    dump_stmt(o, x);
}

static void
d_pattern(Out *o, const void *x)
{
    dump_pattern(o, x);
}

static void
d_strp(Out *o, const void *x)
{
    const AstStr *s = x;
    repr_str(o, s->s, s->len, false);
}

static void
f_seq(Node *n, const char *name, AstSeq seq, DumpFn fn)
{
    if (seq.len == 0) {
        return;
    }
    field(n, name);
    put(n->o, "[", 1);
    for (int i = 0; i < seq.len; i++) {
        if (i > 0) {
            put(n->o, ", ", 2);
        }
        fn(n->o, seq.items[i]);
    }
    put(n->o, "]", 1);
}

static void
f_expr(Node *n, const char *name, const AstExpr *e)
{
    if (e != NULL) {
        field(n, name);
        dump_expr(n->o, e);
    }
}

static void
f_str(Node *n, const char *name, AstStr s)
{
    if (s.s != NULL) {
        field(n, name);
        repr_str(n->o, s.s, s.len, false);
    }
}

static void
f_int(Node *n, const char *name, long v)
{
    field(n, name);
    putf(n->o, "%ld", v);
}

static void
f_op(Node *n, const char *name, const char *op)
{
    field(n, name);
    puts_(n->o, op);
    puts_(n->o, "()");
}

static void
f_ctx(Node *n, AstCtx c)
{
    f_op(n, "ctx", c == AST_LOAD ? "Load" : c == AST_STORE ? "Store" : "Del");
}

static void
d_arg(Out *o, const void *x)
{
    const AstArg *a = x;
    Node n = open_node(o, "arg");
    f_str(&n, "arg", a->arg);
    f_expr(&n, "annotation", a->annotation);
    f_loc(&n, &a->loc);
    close_node(&n);
}

static void
f_arg(Node *n, const char *name, const AstArg *a)
{
    if (a != NULL) {
        field(n, name);
        d_arg(n->o, a);
    }
}

static void
dump_arguments(Out *o, const AstArguments *a)
{
    Node n = open_node(o, "arguments");
    f_seq(&n, "posonlyargs", a->posonlyargs, d_arg);
    f_seq(&n, "args", a->args, d_arg);
    f_arg(&n, "vararg", a->vararg);
    f_seq(&n, "kwonlyargs", a->kwonlyargs, d_arg);
    f_seq(&n, "kw_defaults", a->kw_defaults, d_expr);
    f_arg(&n, "kwarg", a->kwarg);
    f_seq(&n, "defaults", a->defaults, d_expr);
    close_node(&n);
}

static void
d_keyword(Out *o, const void *x)
{
    const AstKeyword *k = x;
    Node n = open_node(o, "keyword");
    f_str(&n, "arg", k->arg);
    f_expr(&n, "value", k->value);
    f_loc(&n, &k->loc);
    close_node(&n);
}

static void
d_alias(Out *o, const void *x)
{
    const AstAlias *a = x;
    Node n = open_node(o, "alias");
    f_str(&n, "name", a->name);
    f_str(&n, "asname", a->asname);
    f_loc(&n, &a->loc);
    close_node(&n);
}

static void
d_withitem(Out *o, const void *x)
{
    const AstWithItem *w = x;
    Node n = open_node(o, "withitem");
    f_expr(&n, "context_expr", w->context_expr);
    f_expr(&n, "optional_vars", w->optional_vars);
    close_node(&n);
}

static void
d_comprehension(Out *o, const void *x)
{
    const AstComprehension *c = x;
    Node n = open_node(o, "comprehension");
    f_expr(&n, "target", c->target);
    f_expr(&n, "iter", c->iter);
    f_seq(&n, "ifs", c->ifs, d_expr);
    f_int(&n, "is_async", c->is_async);
    close_node(&n);
}

static void
d_handler(Out *o, const void *x)
{
    const AstExceptHandler *h = x;
    Node n = open_node(o, "ExceptHandler");
    f_expr(&n, "type", h->type);
    f_str(&n, "name", h->name);
    f_seq(&n, "body", h->body, d_stmt);
    f_loc(&n, &h->loc);
    close_node(&n);
}

static void
d_matchcase(Out *o, const void *x)
{
    const AstMatchCase *c = x;
    Node n = open_node(o, "match_case");
    field(&n, "pattern");
    dump_pattern(o, c->pattern);
    f_expr(&n, "guard", c->guard);
    f_seq(&n, "body", c->body, d_stmt);
    close_node(&n);
}

static void
d_typeparam(Out *o, const void *x)
{
    const AstTypeParam *p = x;
    const char *name = p->kind == AST_TYPEVAR ? "TypeVar"
                       : p->kind == AST_PARAMSPEC ? "ParamSpec" : "TypeVarTuple";
    Node n = open_node(o, name);
    f_str(&n, "name", p->name);
    f_expr(&n, "bound", p->bound);
    f_expr(&n, "default_value", p->default_value);
    f_loc(&n, &p->loc);
    close_node(&n);
}

static void
dump_expr(Out *o, const AstExpr *e)
{
    Node n = open_node(o, ast_expr_kind_name(e->kind));
    switch (e->kind) {
    case AST_BOOLOP:
        f_op(&n, "op", e->u.boolop.op == AST_AND ? "And" : "Or");
        f_seq(&n, "values", e->u.boolop.values, d_expr);
        break;
    case AST_NAMEDEXPR:
        f_expr(&n, "target", e->u.namedexpr.target);
        f_expr(&n, "value", e->u.namedexpr.value);
        break;
    case AST_BINOP:
        f_expr(&n, "left", e->u.binop.left);
        f_op(&n, "op", ast_operator_name(e->u.binop.op));
        f_expr(&n, "right", e->u.binop.right);
        break;
    case AST_UNARYOP: {
        static const char *const names[] = {"Invert", "Not", "UAdd", "USub"};
        f_op(&n, "op", names[e->u.unaryop.op]);
        f_expr(&n, "operand", e->u.unaryop.operand);
        break;
    }
    case AST_LAMBDA:
        field(&n, "args");
        dump_arguments(o, e->u.lambda.args);
        f_expr(&n, "body", e->u.lambda.body);
        break;
    case AST_IFEXP:
        f_expr(&n, "test", e->u.ifexp.test);
        f_expr(&n, "body", e->u.ifexp.body);
        f_expr(&n, "orelse", e->u.ifexp.orelse);
        break;
    case AST_DICT:
        f_seq(&n, "keys", e->u.dict.keys, d_expr);
        f_seq(&n, "values", e->u.dict.values, d_expr);
        break;
    case AST_SET:
        f_seq(&n, "elts", e->u.set.elts, d_expr);
        break;
    case AST_LISTCOMP: case AST_SETCOMP: case AST_GENERATOREXP:
        f_expr(&n, "elt", e->u.comp.elt);
        f_seq(&n, "generators", e->u.comp.generators, d_comprehension);
        break;
    case AST_DICTCOMP:
        f_expr(&n, "key", e->u.comp.key);
        f_expr(&n, "value", e->u.comp.value);
        f_seq(&n, "generators", e->u.comp.generators, d_comprehension);
        break;
    case AST_AWAIT: case AST_YIELD: case AST_YIELDFROM:
        f_expr(&n, "value", e->u.await_.value);
        break;
    case AST_COMPARE:
        f_expr(&n, "left", e->u.compare.left);
        field(&n, "ops");
        put(o, "[", 1);
        for (int i = 0; i < e->u.compare.n; i++) {
            if (i > 0) {
                put(o, ", ", 2);
            }
            puts_(o, ast_cmpop_name(e->u.compare.ops[i]));
            puts_(o, "()");
        }
        put(o, "]", 1);
        f_seq(&n, "comparators", e->u.compare.comparators, d_expr);
        break;
    case AST_CALL:
        f_expr(&n, "func", e->u.call.func);
        f_seq(&n, "args", e->u.call.args, d_expr);
        f_seq(&n, "keywords", e->u.call.keywords, d_keyword);
        break;
    case AST_FORMATTEDVALUE:
        f_expr(&n, "value", e->u.formattedvalue.value);
        f_int(&n, "conversion", e->u.formattedvalue.conversion);
        f_expr(&n, "format_spec", e->u.formattedvalue.format_spec);
        break;
    case AST_JOINEDSTR:
        f_seq(&n, "values", e->u.joinedstr.values, d_expr);
        break;
    case AST_CONSTANT:
        field(&n, "value");
        repr_const(o, &e->u.constant);
        if (e->u.constant.u_prefix) {
            field(&n, "kind");
            puts_(o, "'u'");
        }
        break;
    case AST_ATTRIBUTE:
        f_expr(&n, "value", e->u.attribute.value);
        f_str(&n, "attr", e->u.attribute.attr);
        f_ctx(&n, e->u.attribute.ctx);
        break;
    case AST_SUBSCRIPT:
        f_expr(&n, "value", e->u.subscript.value);
        f_expr(&n, "slice", e->u.subscript.slice);
        f_ctx(&n, e->u.subscript.ctx);
        break;
    case AST_STARRED:
        f_expr(&n, "value", e->u.starred.value);
        f_ctx(&n, e->u.starred.ctx);
        break;
    case AST_NAME:
        f_str(&n, "id", e->u.name.id);
        f_ctx(&n, e->u.name.ctx);
        break;
    case AST_LIST: case AST_TUPLE:
        f_seq(&n, "elts", e->u.list.elts, d_expr);
        f_ctx(&n, e->u.list.ctx);
        break;
    case AST_SLICE:
        f_expr(&n, "lower", e->u.slice.lower);
        f_expr(&n, "upper", e->u.slice.upper);
        f_expr(&n, "step", e->u.slice.step);
        break;
    default:
        break;
    }
    f_loc(&n, &e->loc);
    close_node(&n);
}

static void
dump_pattern(Out *o, const AstPattern *p)
{
    static const char *const names[] = {
        "MatchValue", "MatchSingleton", "MatchSequence", "MatchMapping", "MatchClass",
        "MatchStar", "MatchAs", "MatchOr",
    };
    Node n = open_node(o, names[p->kind]);
    switch (p->kind) {
    case AST_MATCHVALUE:
        f_expr(&n, "value", p->u.value.value);
        break;
    case AST_MATCHSINGLETON:
        field(&n, "value");
        puts_(o, p->u.singleton.value == AST_CONST_NONE ? "None"
                 : p->u.singleton.value == AST_CONST_TRUE ? "True" : "False");
        break;
    case AST_MATCHSEQUENCE:
        f_seq(&n, "patterns", p->u.sequence.patterns, d_pattern);
        break;
    case AST_MATCHMAPPING:
        f_seq(&n, "keys", p->u.mapping.keys, d_expr);
        f_seq(&n, "patterns", p->u.mapping.patterns, d_pattern);
        f_str(&n, "rest", p->u.mapping.rest);
        break;
    case AST_MATCHCLASS:
        f_expr(&n, "cls", p->u.cls.cls);
        f_seq(&n, "patterns", p->u.cls.patterns, d_pattern);
        f_seq(&n, "kwd_attrs", p->u.cls.kwd_attrs, d_strp);
        f_seq(&n, "kwd_patterns", p->u.cls.kwd_patterns, d_pattern);
        break;
    case AST_MATCHSTAR:
        f_str(&n, "name", p->u.star.name);
        break;
    case AST_MATCHAS:
        if (p->u.as.pattern != NULL) {
            field(&n, "pattern");
            dump_pattern(o, p->u.as.pattern);
        }
        f_str(&n, "name", p->u.as.name);
        break;
    case AST_MATCHOR:
        f_seq(&n, "patterns", p->u.or_.patterns, d_pattern);
        break;
    }
    f_loc(&n, &p->loc);
    close_node(&n);
}

static void
dump_stmt(Out *o, const AstStmt *s)
{
    Node n = open_node(o, ast_stmt_kind_name(s->kind));
    switch (s->kind) {
    case AST_FUNCTIONDEF: case AST_ASYNCFUNCTIONDEF:
        f_str(&n, "name", s->u.funcdef.name);
        field(&n, "args");
        dump_arguments(o, s->u.funcdef.args);
        f_seq(&n, "body", s->u.funcdef.body, d_stmt);
        f_seq(&n, "decorator_list", s->u.funcdef.decorator_list, d_expr);
        f_expr(&n, "returns", s->u.funcdef.returns);
        f_seq(&n, "type_params", s->u.funcdef.type_params, d_typeparam);
        break;
    case AST_CLASSDEF:
        f_str(&n, "name", s->u.classdef.name);
        f_seq(&n, "bases", s->u.classdef.bases, d_expr);
        f_seq(&n, "keywords", s->u.classdef.keywords, d_keyword);
        f_seq(&n, "body", s->u.classdef.body, d_stmt);
        f_seq(&n, "decorator_list", s->u.classdef.decorator_list, d_expr);
        f_seq(&n, "type_params", s->u.classdef.type_params, d_typeparam);
        break;
    case AST_RETURN:
        f_expr(&n, "value", s->u.return_.value);
        break;
    case AST_DELETE:
        f_seq(&n, "targets", s->u.delete_.targets, d_expr);
        break;
    case AST_ASSIGN:
        f_seq(&n, "targets", s->u.assign.targets, d_expr);
        f_expr(&n, "value", s->u.assign.value);
        break;
    case AST_TYPEALIAS:
        f_expr(&n, "name", s->u.typealias.name);
        f_seq(&n, "type_params", s->u.typealias.type_params, d_typeparam);
        f_expr(&n, "value", s->u.typealias.value);
        break;
    case AST_AUGASSIGN:
        f_expr(&n, "target", s->u.augassign.target);
        f_op(&n, "op", ast_operator_name(s->u.augassign.op));
        f_expr(&n, "value", s->u.augassign.value);
        break;
    case AST_ANNASSIGN:
        f_expr(&n, "target", s->u.annassign.target);
        f_expr(&n, "annotation", s->u.annassign.annotation);
        f_expr(&n, "value", s->u.annassign.value);
        f_int(&n, "simple", s->u.annassign.simple);
        break;
    case AST_FOR: case AST_ASYNCFOR:
        f_expr(&n, "target", s->u.for_.target);
        f_expr(&n, "iter", s->u.for_.iter);
        f_seq(&n, "body", s->u.for_.body, d_stmt);
        f_seq(&n, "orelse", s->u.for_.orelse, d_stmt);
        break;
    case AST_WHILE: case AST_IF:
        f_expr(&n, "test", s->u.while_.test);
        f_seq(&n, "body", s->u.while_.body, d_stmt);
        f_seq(&n, "orelse", s->u.while_.orelse, d_stmt);
        break;
    case AST_WITH: case AST_ASYNCWITH:
        f_seq(&n, "items", s->u.with.items, d_withitem);
        f_seq(&n, "body", s->u.with.body, d_stmt);
        break;
    case AST_MATCH:
        f_expr(&n, "subject", s->u.match.subject);
        f_seq(&n, "cases", s->u.match.cases, d_matchcase);
        break;
    case AST_RAISE:
        f_expr(&n, "exc", s->u.raise.exc);
        f_expr(&n, "cause", s->u.raise.cause);
        break;
    case AST_TRY: case AST_TRYSTAR:
        f_seq(&n, "body", s->u.try_.body, d_stmt);
        f_seq(&n, "handlers", s->u.try_.handlers, d_handler);
        f_seq(&n, "orelse", s->u.try_.orelse, d_stmt);
        f_seq(&n, "finalbody", s->u.try_.finalbody, d_stmt);
        break;
    case AST_ASSERT:
        f_expr(&n, "test", s->u.assert_.test);
        f_expr(&n, "msg", s->u.assert_.msg);
        break;
    case AST_IMPORT:
        f_seq(&n, "names", s->u.import.names, d_alias);
        break;
    case AST_IMPORTFROM:
        f_str(&n, "module", s->u.importfrom.module);
        f_seq(&n, "names", s->u.importfrom.names, d_alias);
        f_int(&n, "level", s->u.importfrom.level);
        break;
    case AST_GLOBAL: case AST_NONLOCAL:
        f_seq(&n, "names", s->u.global.names, d_strp);
        break;
    case AST_EXPR:
        f_expr(&n, "value", s->u.expr.value);
        break;
    default:
        break;
    }
    f_loc(&n, &s->loc);
    close_node(&n);
}

char *
parse_dump_module(AstArena *arena, const AstModule *mod)
{
    return parse_dump_module_ex(arena, mod, false);
}

char *
parse_dump_module_ex(AstArena *arena, const AstModule *mod, bool include_attributes)
{
    Out o = {NULL, 0, 0, false, include_attributes};
    Node n = open_node(&o, "Module");
    f_seq(&n, "body", mod->body, d_stmt);
    close_node(&n);
    char *r = NULL;
    if (!o.oom) {
        r = ast_arena_alloc(arena, o.len + 1);
        if (r != NULL) {
            memcpy(r, o.buf, o.len);
            r[o.len] = '\0';
        }
    }
    free(o.buf);
    return r;
}
