/*
 * strings.c — string literals, f-strings and implicit concatenation.
 *
 * CPython's tree shapes: adjacent plain literals fold into one Constant;
 * once any part is an f-string the whole run becomes one JoinedStr whose
 * literal pieces are merged and empty ones dropped; `{x=}` adds the source
 * text "x=" before the field and defaults the conversion to !r unless a
 * format spec is given; a format spec is itself a JoinedStr.
 */
#include <string.h>

#include "grammar/parse_int.h"

static AstExpr *
new_str(ParseCtx *ctx, AstConstKind kind, const char *s, size_t len, AstLoc loc)
{
    if (ctx->failed) {
        return NULL;
    }
    AstExpr *e = ast_expr_new(ctx->arena, AST_CONSTANT, loc);
    if (e == NULL) {
        return parse_oom(ctx);
    }
    e->u.constant.kind = kind;
    e->u.constant.str.s = s;
    e->u.constant.str.len = len;
    return e;
}

/* Decodes text with escapes into the arena; NULL after reporting. */
static char *
decode(ParseCtx *ctx, const char *text, size_t len, int flags, bool fstring, size_t *outlen,
       AstLoc loc)
{
    if (ctx->failed) {
        return NULL;
    }
    char *buf = ast_arena_alloc_raw(ctx->arena, len + 1);
    if (buf == NULL) {
        return parse_oom(ctx);
    }
    char msg[200];
    size_t bad = 0;
    long n = lex_strlit_decode(text, len, flags, fstring, buf, msg, sizeof(msg), &bad);
    if (n < 0) {
        return parse_fail(ctx, "SyntaxError", loc, "%s", msg);
    }
    *outlen = (size_t)n;
    return buf;
}

AstExpr *
parse_string_token(ParseCtx *ctx, const LexToken *t)
{
    if (ctx->failed) {
        return NULL;
    }
    const char *body;
    size_t blen;
    int flags = lex_strlit_split(t, &body, &blen);
    size_t n = 0;
    char *s = decode(ctx, body, blen, flags, false, &n, parse_loc_tok(t));
    if (s == NULL) {
        return NULL;
    }
    AstExpr *e = new_str(ctx, (flags & LEX_F_BYTES) ? AST_CONST_BYTES : AST_CONST_STR, s, n,
                         parse_loc_tok(t));
    if (e != NULL) {
        e->u.constant.u_prefix = (flags & LEX_F_UNICODE) != 0;
    }
    return parse_done(ctx, e);
}

AstExpr *
parse_fmiddle(ParseCtx *ctx, const LexToken *t)
{
    if (ctx->failed) {
        return NULL;
    }
    size_t n = 0;
    char *s = decode(ctx, t->start, (size_t)t->len, t->flags, true, &n, parse_loc_tok(t));
    if (s == NULL) {
        return NULL;
    }
    return parse_done(ctx, new_str(ctx, AST_CONST_STR, s, n, parse_loc_tok(t)));
}

/* Appends the pieces of `parts` to `flat`, flattening nested JoinedStr
 * pieces (debug fields, concatenated f-strings) one level deep. */
static bool
flatten(ParseCtx *ctx, AstSeq *flat, AstSeq parts)
{
    for (int i = 0; i < parts.len; i++) {
        AstExpr *p = parts.items[i];
        if (p == NULL) {
            return false;
        }
        if (p->kind == AST_JOINEDSTR) {
            for (int k = 0; k < p->u.joinedstr.values.len; k++) {
                if (!ast_seq_push(ctx->arena, flat, p->u.joinedstr.values.items[k])) {
                    parse_oom(ctx);
                    return false;
                }
            }
        } else if (!ast_seq_push(ctx->arena, flat, p)) {
            parse_oom(ctx);
            return false;
        }
    }
    return true;
}

/* Builds out from parts: each run of literal pieces becomes one Constant
 * (joined with a single copy, so long runs stay linear), empty literals
 * are dropped, fields are kept. */
static bool
merge_into(ParseCtx *ctx, AstSeq *out, AstSeq parts)
{
    AstSeq flat;
    memset(&flat, 0, sizeof(flat));
    if (!flatten(ctx, &flat, parts)) {
        return false;
    }
    int i = 0;
    while (i < flat.len) {
        AstExpr *p = flat.items[i];
        if (p->kind != AST_CONSTANT) {
            if (!ast_seq_push(ctx->arena, out, p)) {
                parse_oom(ctx);
                return false;
            }
            i++;
            continue;
        }
        int j = i;
        size_t total = 0;
        while (j < flat.len && ((AstExpr *)flat.items[j])->kind == AST_CONSTANT) {
            total += ((AstExpr *)flat.items[j])->u.constant.str.len;
            j++;
        }
        if (total > 0) {
            char *buf = parse_alloc(ctx, total + 1);
            if (buf == NULL) {
                return false;
            }
            size_t off = 0;
            for (int k = i; k < j; k++) {
                AstConst *c = &((AstExpr *)flat.items[k])->u.constant;
                memcpy(buf + off, c->str.s, c->str.len);
                off += c->str.len;
            }
            buf[off] = '\0';
            AstLoc loc = parse_loc_span(((AstExpr *)flat.items[i])->loc,
                                        ((AstExpr *)flat.items[j - 1])->loc);
            AstExpr *m = new_str(ctx, AST_CONST_STR, buf, off, loc);
            if (m == NULL || !ast_seq_push(ctx->arena, out, m)) {
                return m == NULL ? false : (parse_oom(ctx), false);
            }
        }
        i = j;
    }
    return true;
}

static AstExpr *
joined(ParseCtx *ctx, AstSeq parts, AstLoc loc)
{
    if (ctx->failed) {
        return NULL;
    }
    AstExpr *e = ast_expr_new(ctx->arena, AST_JOINEDSTR, loc);
    if (e == NULL) {
        return parse_oom(ctx);
    }
    if (!merge_into(ctx, &e->u.joinedstr.values, parts)) {
        return NULL;
    }
    return parse_done(ctx, e);
}

AstExpr *
parse_fstring(ParseCtx *ctx, const LexToken *start, PList *parts, const LexToken *end)
{
    if (parts == NULL) {
        return NULL;
    }
    return joined(ctx, parts->items, parse_loc_tokspan(start, end));
}

AstExpr *
parse_ffield(ParseCtx *ctx, const LexToken *lb, AstExpr *value, const LexToken *eq,
             const LexToken *conv, PList *spec, const LexToken *colon, const LexToken *rb)
{
    if (value == NULL || ctx->failed) {
        return NULL;
    }
    int conversion = -1;
    if (conv != NULL) {
        if (conv->len != 1 || strchr("sra", conv->start[0]) == NULL) {
            return parse_fail(ctx, "SyntaxError", parse_loc_tok(conv),
                              "f-string: invalid conversion character '%.*s': expected 's', "
                              "'r', or 'a'", conv->len, conv->start);
        }
        conversion = conv->start[0];
    }
    AstExpr *fspec = NULL;
    if (colon != NULL) {
        if (spec == NULL) {
            return NULL;
        }
        /* CPython's spec spans the colon to the end of its last part */
        AstLoc sl = parse_loc_tok(colon);
        for (int i = spec->items.len - 1; i >= 0; i--) {
            AstExpr *last = spec->items.items[i];
            if (last != NULL) {
                sl = parse_loc_span(sl, last->loc);
                break;
            }
        }
        fspec = joined(ctx, spec->items, sl);
        if (fspec == NULL) {
            return NULL;
        }
    }
    if (eq != NULL && conversion == -1 && fspec == NULL) {
        conversion = 'r';
    }
    AstExpr *fv = ast_expr_new(ctx->arena, AST_FORMATTEDVALUE, parse_loc_tokspan(lb, rb));
    if (fv == NULL) {
        return parse_oom(ctx);
    }
    fv->u.formattedvalue.value = value;
    fv->u.formattedvalue.conversion = conversion;
    fv->u.formattedvalue.format_spec = fspec;
    fv = parse_done(ctx, fv);
    if (fv == NULL || eq == NULL) {
        return fv;
    }
    /* `{expr=}`: the source text up to and after the '=' (whitespace
     * included, comments dropped), as CPython keeps it */
    const char *s = lb->start + 1;
    const char *e = eq->start + 1;
    for (;;) {
        while (*e == ' ' || *e == '\t' || *e == '\n' || *e == '\f') {
            e++;
        }
        if (*e != '#') {
            break;
        }
        while (*e != '\n' && *e != '\0') {
            e++;
        }
    }
    char *buf = parse_alloc(ctx, (size_t)(e - s) + 1);
    if (buf == NULL) {
        return NULL;
    }
    size_t k = 0;
    char quote = 0;
    for (const char *p = s; p < e; p++) {
        if (quote == 0 && *p == '#') {
            while (p < e && *p != '\n') {
                p++;
            }
            if (p == e) {
                break;
            }
        } else if (quote == 0 && (*p == '\'' || *p == '"')) {
            quote = *p;
        } else if (*p == quote) {
            quote = 0;
        }
        buf[k++] = *p;
    }
    buf[k] = '\0';
    AstStr copy = {buf, k};
    AstLoc tl = parse_loc_tokspan(lb, eq);
    tl.col_offset = lb->end_col;    /* the text starts after the '{' */
    AstExpr *text = new_str(ctx, AST_CONST_STR, copy.s, copy.len, tl);
    AstExpr *pair = ast_expr_new(ctx->arena, AST_JOINEDSTR, fv->loc);
    if (text == NULL || pair == NULL) {
        return parse_oom(ctx);
    }
    if (!ast_seq_push(ctx->arena, &pair->u.joinedstr.values, text) ||
        !ast_seq_push(ctx->arena, &pair->u.joinedstr.values, fv)) {
        return parse_oom(ctx);
    }
    return parse_done(ctx, pair);
}

AstExpr *
parse_concat(ParseCtx *ctx, PList *parts)
{
    if (parts == NULL || ctx->failed) {
        return NULL;
    }
    int nbytes = 0;
    bool fstr = false;
    size_t total = 0;
    for (int i = 0; i < parts->items.len; i++) {
        AstExpr *p = parts->items.items[i];
        if (p == NULL) {
            return NULL;
        }
        if (p->kind == AST_JOINEDSTR) {
            fstr = true;
        } else {
            nbytes += p->u.constant.kind == AST_CONST_BYTES;
            total += p->u.constant.str.len;
        }
    }
    if (nbytes != 0 && nbytes != parts->items.len) {
        /* CPython reports it at the token after the literals */
        return parse_fail(ctx, "SyntaxError", parse_loc_tok(ctx->cur),
                          "cannot mix bytes and nonbytes literals");
    }
    AstExpr *first = parts->items.items[0];
    if (parts->items.len == 1 && !fstr) {
        return first;
    }
    if (fstr) {
        return joined(ctx, parts->items, parts->loc);
    }
    char *s = parse_alloc(ctx, total + 1);
    if (s == NULL) {
        return NULL;
    }
    size_t off = 0;
    for (int i = 0; i < parts->items.len; i++) {
        AstExpr *p = parts->items.items[i];
        memcpy(s + off, p->u.constant.str.s, p->u.constant.str.len);
        off += p->u.constant.str.len;
    }
    s[off] = '\0';
    AstExpr *e = new_str(ctx, first->u.constant.kind, s, off, parts->loc);
    if (e != NULL) {
        e->u.constant.u_prefix = first->u.constant.u_prefix;
    }
    return parse_done(ctx, e);
}
