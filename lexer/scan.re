/*
 * scan.re — the re2c rules of the scanner: one ordinary token per call of
 * scan_token, plus the driver loop lex_tokenize that interleaves the rules
 * with indentation (indent.c) and f-string literal text (fstring.c).
 *
 * The input is NUL-terminated and NUL-free (the parse driver guarantees
 * it), so the NUL byte is the end-of-input sentinel and re2c needs no
 * YYFILL. Nothing here recurses: nesting lives on LexState's stacks.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grammar/python.h"
#include "lexer/lexer.h"
#include "lexer/lexer_int.h"

/*!re2c
    re2c:define:YYCTYPE = "unsigned char";
    re2c:yyfill:enable = 0;
*/

/* Grows the token array: lex_emit's slow path (see lexer_int.h). */
bool
lex_grow(LexState *ls)
{
    LexResult *out = ls->out;
    /* a first guess from the source size (about one token per 3 bytes in
     * real code) saves the regrowth copies of a doubling from small */
    int ncap = out->cap ? out->cap * 2 : (int)((ls->end - ls->src) / 3) + 64;
    if (ls->max_bytes != 0 && (size_t)ncap * sizeof(LexToken) > ls->max_bytes) {
        ncap = (int)(ls->max_bytes / sizeof(LexToken));
    }
    LexToken *n = ncap > out->cap ? realloc(out->toks, (size_t)ncap * sizeof(*n)) : NULL;
    if (n == NULL) {
        out->err.kind = LEX_ERR_MEMORY;
        snprintf(out->err.msg, sizeof(out->err.msg), "out of memory while parsing");
        return false;
    }
    out->toks = n;
    out->cap = ncap;
    return true;
}

bool
lex_fail(LexState *ls, LexErrorKind kind, int lineno, int col, const char *fmt, ...)
{
    LexError *e = &ls->out->err;
    if (e->kind != LEX_ERR_NONE) {
        return false;
    }
    e->kind = kind;
    e->lineno = lineno;
    e->col = col;
    e->end_lineno = lineno;
    e->end_col = col + 1;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
    va_end(ap);
    return false;
}

/* Pushes an opening bracket, enforcing CPython's nesting limit. */
static bool
open_bracket(LexState *ls, char ch, const char *p)
{
    if (ls->nbrackets >= LEX_MAX_NESTING) {
        return lex_fail(ls, LEX_ERR_SYNTAX, ls->lineno, lex_col(ls, p),
                        "too many nested parentheses");
    }
    LexBracket *b = &ls->brackets[ls->nbrackets++];
    b->ch = ch;
    b->lineno = ls->lineno;
    b->col = lex_col(ls, p);
    return true;
}

/* Pops the bracket `ch` closes, with CPython's mismatch messages. */
static bool
close_bracket(LexState *ls, char ch, const char *p)
{
    if (ls->nbrackets == 0 || (ls->nfstrings > 0 &&
                               ls->nbrackets <= ls->fstrings[ls->nfstrings - 1].bracket_base)) {
        if (ls->nfstrings > 0 && ch == '}') {
            return lex_fail(ls, LEX_ERR_SYNTAX, ls->lineno, lex_col(ls, p),
                            "f-string: single '}' is not allowed");
        }
        return lex_fail(ls, LEX_ERR_SYNTAX, ls->lineno, lex_col(ls, p), "unmatched '%c'", ch);
    }
    LexBracket *b = &ls->brackets[ls->nbrackets - 1];
    char open = b->ch == 'F' || b->ch == 'S' ? '{' : b->ch;
    char want = open == '(' ? ')' : open == '[' ? ']' : '}';
    if (want != ch) {
        if (b->ch == 'F' || b->ch == 'S') {
            return lex_fail(ls, LEX_ERR_SYNTAX, ls->lineno, lex_col(ls, p),
                            "f-string: unmatched '%c'", ch);
        }
        if (b->lineno != ls->lineno) {
            return lex_fail(ls, LEX_ERR_SYNTAX, ls->lineno, lex_col(ls, p),
                            "closing parenthesis '%c' does not match opening "
                            "parenthesis '%c' on line %d", ch, open, b->lineno);
        }
        return lex_fail(ls, LEX_ERR_SYNTAX, ls->lineno, lex_col(ls, p),
                        "closing parenthesis '%c' does not match opening parenthesis '%c'",
                        ch, open);
    }
    ls->nbrackets--;
    return true;
}

/* The innermost f-string when the scanner is directly inside one of its
 * replacement fields (not inside a bracket opened in the field). */
static LexFString *
field_top(LexState *ls)
{
    if (ls->nfstrings == 0 || ls->nbrackets == 0) {
        return NULL;
    }
    LexFString *f = &ls->fstrings[ls->nfstrings - 1];
    char ch = ls->brackets[ls->nbrackets - 1].ch;
    if (f->mode == LEX_FM_EXPR && (ch == 'F' || ch == 'S') &&
        ls->nbrackets - 1 >= f->bracket_base) {
        return f;
    }
    return NULL;
}

/* Starts an f-string: emits FSTRING_START over prefix+quotes. */
static bool
start_fstring(LexState *ls, const char *start, bool raw)
{
    const char *q = ls->cur;
    char quote = *q;
    bool triple = q[1] == quote && q[2] == quote;
    ls->cur = q + (triple ? 3 : 1);
    if (ls->nfstrings >= LEX_MAX_FSTRING) {
        return lex_fail(ls, LEX_ERR_SYNTAX, ls->lineno, lex_col(ls, start),
                        "too many nested f-strings");
    }
    LexFString *f = &ls->fstrings[ls->nfstrings++];
    f->quote = quote;
    f->triple = triple;
    f->raw = raw;
    f->mode = LEX_FM_LITERAL;
    f->bracket_base = ls->nbrackets;
    f->lineno = ls->lineno;
    f->col = lex_col(ls, start);
    return lex_emit(ls, TK_FSTRING_START, raw ? LEX_F_RAW : 0, start, ls->cur, ls->lineno,
                    lex_col(ls, start));
}

static int
prefix_flags(const char *s, const char *q, bool *is_f)
{
    int flags = 0;
    *is_f = false;
    for (; s < q; s++) {
        switch (*s) {
        case 'r': case 'R': flags |= LEX_F_RAW; break;
        case 'b': case 'B': flags |= LEX_F_BYTES; break;
        case 'u': case 'U': flags |= LEX_F_UNICODE; break;
        case 'f': case 'F': *is_f = true; break;
        default: break;
        }
    }
    return flags;
}

/* After a number: CPython refuses an identifier character glued to it,
 * except the keywords it merely warns about (`1if x else y`). */
static bool
check_number_end(LexState *ls, const char *start, const char *kind)
{
    const unsigned char *p = (const unsigned char *)ls->cur;
    unsigned c = *p;
    bool ident = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                 (c >= '0' && c <= '9') || c >= 0x80;
    if (!ident) {
        return true;
    }
    static const char *const kws[] = {"and", "else", "for", "if", "in", "is", "not", "or"};
    for (size_t i = 0; i < sizeof(kws) / sizeof(kws[0]); i++) {
        size_t n = strlen(kws[i]);
        if (strncmp((const char *)p, kws[i], n) == 0) {
            return true;
        }
    }
    const char *e = (const char *)p;
    if (strcmp(kind, "decimal") == 0 && (c == 'j' || c == 'J')) {
        return true;
    }
    (void)e;
    return lex_fail(ls, LEX_ERR_SYNTAX, ls->lineno, lex_col(ls, start), "invalid %s literal",
                    kind);
}

/* Scans one ordinary token at ls->cur (whitespace and comments skipped).
 * Sets *eof at the end of input. */
static bool
scan_token(LexState *ls, bool *eof)
{
    const unsigned char *YYCURSOR, *YYMARKER;
    const unsigned char *tok;
    int type;
    (void)YYMARKER;
loop:
    YYCURSOR = (const unsigned char *)ls->cur;
    tok = YYCURSOR;
    /*!re2c
    digitpart = [0-9] ("_"? [0-9])*;
    exponent = [eE] [+-]? digitpart;
    pointfloat = digitpart? "." digitpart | digitpart ".";
    floatnum = pointfloat exponent? | digitpart exponent;
    namestart = [a-zA-Z_\x80-\xff];
    namechar = [a-zA-Z0-9_\x80-\xff];
    strpfx = [rRuUbB] | [bB][rR] | [rR][bB];
    fpfx = [fF] | [fF][rR] | [rR][fF];

    [\x00] { *eof = true; return true; }
    [ \t\f]+ { ls->cur = (const char *)YYCURSOR; goto loop; }
    "#" [^\n\x00]* { ls->cur = (const char *)YYCURSOR; goto loop; }
    "\\" "\n" {
        ls->cur = (const char *)YYCURSOR;
        ls->lineno++;
        ls->line_start = ls->cur;
        if (*ls->cur == '\0') {
            return lex_fail(ls, LEX_ERR_SYNTAX, ls->lineno, 0, "unexpected EOF while parsing");
        }
        goto loop;
    }
    "\\" {
        return lex_fail(ls, LEX_ERR_SYNTAX, ls->lineno, lex_col(ls, (const char *)tok) + 1,
                        "unexpected character after line continuation character");
    }
    "\n" {
        ls->cur = (const char *)YYCURSOR;
        if (ls->nbrackets > 0) {
            ls->lineno++;
            ls->line_start = ls->cur;
            goto loop;
        }
        if (!lex_emit(ls, TK_NEWLINE, 0, (const char *)tok, (const char *)YYCURSOR,
                      ls->lineno, lex_col(ls, (const char *)tok))) {
            return false;
        }
        /* the NEWLINE token ends on its own line */
        ls->out->toks[ls->out->ntoks - 1].end_lineno = ls->lineno;
        ls->out->toks[ls->out->ntoks - 1].end_col = lex_col(ls, (const char *)tok) + 1;
        ls->lineno++;
        ls->line_start = ls->cur;
        ls->at_bol = true;
        ls->seen_token = false;
        return true;
    }

    "False" { type = TK_FALSE; goto emit; }
    "None" { type = TK_NONE; goto emit; }
    "True" { type = TK_TRUE; goto emit; }
    "and" { type = TK_AND; goto emit; }
    "as" { type = TK_AS; goto emit; }
    "assert" { type = TK_ASSERT; goto emit; }
    "async" { type = TK_ASYNC; goto emit; }
    "await" { type = TK_AWAIT; goto emit; }
    "break" { type = TK_BREAK; goto emit; }
    "class" { type = TK_CLASS; goto emit; }
    "continue" { type = TK_CONTINUE; goto emit; }
    "def" { type = TK_DEF; goto emit; }
    "del" { type = TK_DEL; goto emit; }
    "elif" { type = TK_ELIF; goto emit; }
    "else" { type = TK_ELSE; goto emit; }
    "except" { type = TK_EXCEPT; goto emit; }
    "finally" { type = TK_FINALLY; goto emit; }
    "for" { type = TK_FOR; goto emit; }
    "from" { type = TK_FROM; goto emit; }
    "global" { type = TK_GLOBAL; goto emit; }
    "if" { type = TK_IF; goto emit; }
    "import" { type = TK_IMPORT; goto emit; }
    "in" { type = TK_IN; goto emit; }
    "is" { type = TK_IS; goto emit; }
    "lambda" { type = TK_LAMBDA; goto emit; }
    "nonlocal" { type = TK_NONLOCAL; goto emit; }
    "not" { type = TK_NOT; goto emit; }
    "or" { type = TK_OR; goto emit; }
    "pass" { type = TK_PASS; goto emit; }
    "raise" { type = TK_RAISE; goto emit; }
    "return" { type = TK_RETURN; goto emit; }
    "try" { type = TK_TRY; goto emit; }
    "while" { type = TK_WHILE; goto emit; }
    "with" { type = TK_WITH; goto emit; }
    "yield" { type = TK_YIELD; goto emit; }
    "case" { type = TK_CASE; goto emit; }

    strpfx? ['"] {
        ls->cur = (const char *)YYCURSOR - 1;
        bool is_f;
        int flags = prefix_flags((const char *)tok, ls->cur, &is_f);
        return lex_string(ls, (const char *)tok, flags);
    }
    fpfx ['"] {
        ls->cur = (const char *)YYCURSOR - 1;
        bool is_f;
        int flags = prefix_flags((const char *)tok, ls->cur, &is_f);
        return start_fstring(ls, (const char *)tok, (flags & LEX_F_RAW) != 0);
    }

    /* ASCII names (ties go to the earlier rule; a non-ASCII byte makes
     * the next rule's match longer) */
    [a-zA-Z_] [a-zA-Z0-9_]* {
        ls->cur = (const char *)YYCURSOR;
        return lex_emit(ls, TK_NAME, 0, (const char *)tok, ls->cur, ls->lineno,
                        lex_col(ls, (const char *)tok));
    }
    namestart namechar* {
        int flags = 0;
        for (const unsigned char *p = tok; p < YYCURSOR; p++) {
            if (*p >= 0x80) {
                flags = LEX_F_NONASCII;
                break;
            }
        }
        if (flags != 0) {
            size_t off;
            long bad = lex_ident_check((const char *)tok, (size_t)(YYCURSOR - tok), &off);
            if (bad >= 0) {
                const char *b = (const char *)tok + off;
                int n = 1;
                while (((unsigned char)b[n] & 0xC0) == 0x80) {
                    n++;
                }
                return lex_fail(ls, LEX_ERR_SYNTAX, ls->lineno, lex_col(ls, b),
                                "invalid character '%.*s' (U+%04lX)", n, b,
                                (unsigned long)bad);
            }
        }
        ls->cur = (const char *)YYCURSOR;
        return lex_emit(ls, TK_NAME, flags, (const char *)tok, ls->cur, ls->lineno,
                        lex_col(ls, (const char *)tok));
    }

    "0" [xX] ("_"? [0-9a-fA-F])+ { ls->cur = (const char *)YYCURSOR;
        if (!check_number_end(ls, (const char *)tok, "hexadecimal")) { return false; }
        type = TK_NUMBER; goto emit; }
    "0" [oO] ("_"? [0-7])+ { ls->cur = (const char *)YYCURSOR;
        if (!check_number_end(ls, (const char *)tok, "octal")) { return false; }
        type = TK_NUMBER; goto emit; }
    "0" [bB] ("_"? [01])+ { ls->cur = (const char *)YYCURSOR;
        if (!check_number_end(ls, (const char *)tok, "binary")) { return false; }
        type = TK_NUMBER; goto emit; }
    "0" [oO] ("_"? [0-7])* [89] {
        return lex_fail(ls, LEX_ERR_SYNTAX, ls->lineno, lex_col(ls, (const char *)YYCURSOR) - 1,
                        "invalid digit '%c' in octal literal", YYCURSOR[-1]);
    }
    "0" [bB] ("_"? [01])* [2-9] {
        return lex_fail(ls, LEX_ERR_SYNTAX, ls->lineno, lex_col(ls, (const char *)YYCURSOR) - 1,
                        "invalid digit '%c' in binary literal", YYCURSOR[-1]);
    }
    "0" [xX] ("_"? [0-9a-fA-F])* "_"? | "0" [oO] ("_"? [0-7])* "_"? | "0" [bB] ("_"? [01])* "_"? {
        const char *kind = (tok[1] | 0x20) == 'x' ? "hexadecimal"
                           : (tok[1] | 0x20) == 'o' ? "octal" : "binary";
        return lex_fail(ls, LEX_ERR_SYNTAX, ls->lineno, lex_col(ls, (const char *)YYCURSOR) - 1,
                        "invalid %s literal", kind);
    }
    [0-9] ("_"? [0-9])* "_" {
        return lex_fail(ls, LEX_ERR_SYNTAX, ls->lineno, lex_col(ls, (const char *)YYCURSOR) - 1,
                        "invalid decimal literal");
    }
    "0"+ ("_"? "0")* { ls->cur = (const char *)YYCURSOR;
        if (!check_number_end(ls, (const char *)tok, "decimal")) { return false; }
        type = TK_NUMBER; goto emit; }
    "0"+ ("_"? "0")* ("_"? [0-9])+ {
        return lex_fail(ls, LEX_ERR_SYNTAX, ls->lineno, lex_col(ls, (const char *)tok),
                        "leading zeros in decimal integer literals are not permitted; "
                        "use an 0o prefix for octal integers");
    }
    [1-9] ("_"? [0-9])* { ls->cur = (const char *)YYCURSOR;
        if (!check_number_end(ls, (const char *)tok, "decimal")) { return false; }
        type = TK_NUMBER; goto emit; }
    floatnum | (floatnum | digitpart) [jJ] { ls->cur = (const char *)YYCURSOR;
        if (!check_number_end(ls, (const char *)tok, "decimal")) { return false; }
        type = TK_NUMBER; goto emit; }

    "(" { if (!open_bracket(ls, '(', (const char *)tok)) { return false; }
          type = TK_LPAR; goto emit; }
    "[" { if (!open_bracket(ls, '[', (const char *)tok)) { return false; }
          type = TK_LSQB; goto emit; }
    "{" { if (!open_bracket(ls, '{', (const char *)tok)) { return false; }
          type = TK_LBRACE; goto emit; }
    ")" { if (!close_bracket(ls, ')', (const char *)tok)) { return false; }
          type = TK_RPAR; goto emit; }
    "]" { if (!close_bracket(ls, ']', (const char *)tok)) { return false; }
          type = TK_RSQB; goto emit; }
    "}" {
        LexFString *f = field_top(ls);
        if (f != NULL) {
            char kind = ls->brackets[ls->nbrackets - 1].ch;
            ls->nbrackets--;
            f->mode = kind == 'S' ? LEX_FM_SPEC : LEX_FM_LITERAL;
            type = TK_RBRACE;
            goto emit;
        }
        if (!close_bracket(ls, '}', (const char *)tok)) { return false; }
        type = TK_RBRACE; goto emit;
    }
    ":" {
        LexFString *f = field_top(ls);
        if (f != NULL) {
            f->mode = LEX_FM_SPEC;
        }
        type = TK_COLON; goto emit;
    }
    "!" { type = TK_EXCLAMATION; goto emit; }
    ","  { type = TK_COMMA; goto emit; }
    ";"  { type = TK_SEMI; goto emit; }
    "+"  { type = TK_PLUS; goto emit; }
    "-"  { type = TK_MINUS; goto emit; }
    "*"  { type = TK_STAR; goto emit; }
    "/"  { type = TK_SLASH; goto emit; }
    "|"  { type = TK_VBAR; goto emit; }
    "&"  { type = TK_AMPER; goto emit; }
    "<"  { type = TK_LESS; goto emit; }
    ">"  { type = TK_GREATER; goto emit; }
    "="  { type = TK_EQUAL; goto emit; }
    "."  { type = TK_DOT; goto emit; }
    "%"  { type = TK_PERCENT; goto emit; }
    "==" { type = TK_EQEQUAL; goto emit; }
    "!=" { type = TK_NOTEQUAL; goto emit; }
    "<>" { type = TK_NOTEQUAL; goto emit; }
    "<=" { type = TK_LESSEQUAL; goto emit; }
    ">=" { type = TK_GREATEREQUAL; goto emit; }
    "~"  { type = TK_TILDE; goto emit; }
    "^"  { type = TK_CIRCUMFLEX; goto emit; }
    "<<" { type = TK_LEFTSHIFT; goto emit; }
    ">>" { type = TK_RIGHTSHIFT; goto emit; }
    "**" { type = TK_DOUBLESTAR; goto emit; }
    "+=" { type = TK_PLUSEQUAL; goto emit; }
    "-=" { type = TK_MINEQUAL; goto emit; }
    "*=" { type = TK_STAREQUAL; goto emit; }
    "/=" { type = TK_SLASHEQUAL; goto emit; }
    "%=" { type = TK_PERCENTEQUAL; goto emit; }
    "&=" { type = TK_AMPEREQUAL; goto emit; }
    "|=" { type = TK_VBAREQUAL; goto emit; }
    "^=" { type = TK_CIRCUMFLEXEQUAL; goto emit; }
    "<<=" { type = TK_LEFTSHIFTEQUAL; goto emit; }
    ">>=" { type = TK_RIGHTSHIFTEQUAL; goto emit; }
    "**=" { type = TK_DOUBLESTAREQUAL; goto emit; }
    "//" { type = TK_DOUBLESLASH; goto emit; }
    "//=" { type = TK_DOUBLESLASHEQUAL; goto emit; }
    "@"  { type = TK_AT; goto emit; }
    "@=" { type = TK_ATEQUAL; goto emit; }
    "->" { type = TK_RARROW; goto emit; }
    "..." { type = TK_ELLIPSIS; goto emit; }
    ":=" {
        LexFString *f = field_top(ls);
        if (f != NULL) {
            /* `{x:=10}` is a format spec `=10`, as in CPython */
            YYCURSOR = tok + 1;
            f->mode = LEX_FM_SPEC;
            type = TK_COLON;
            goto emit;
        }
        type = TK_COLONEQUAL; goto emit;
    }
    [\x01-\xff] {
        unsigned c = *tok;
        if (c == '$' || c == '?' || c == '`') {
            return lex_fail(ls, LEX_ERR_SYNTAX, ls->lineno, lex_col(ls, (const char *)tok),
                            "invalid syntax");
        }
        return lex_fail(ls, LEX_ERR_SYNTAX, ls->lineno, lex_col(ls, (const char *)tok),
                        "invalid non-printable character U+%04X", c);
    }
    */
emit:
    ls->cur = (const char *)YYCURSOR;
    return lex_emit(ls, type, 0, (const char *)tok, ls->cur, ls->lineno,
                    lex_col(ls, (const char *)tok));
}

/* Emits the end of input: a NEWLINE if the last line lacked one, the
 * DEDENTs that close every open block, and the end token (type 0). */
static bool
finish(LexState *ls)
{
    const char *p = ls->cur;
    if (ls->nfstrings > 0) {
        LexFString *f = &ls->fstrings[ls->nfstrings - 1];
        return lex_fail(ls, LEX_ERR_SYNTAX, f->lineno, f->col,
                        f->triple ? "unterminated triple-quoted f-string literal (detected at "
                                    "line %d)"
                                  : "unterminated f-string literal (detected at line %d)",
                        lex_eof_line(ls));
    }
    if (ls->nbrackets > 0) {
        LexBracket *b = &ls->brackets[ls->nbrackets - 1];
        return lex_fail(ls, LEX_ERR_SYNTAX, b->lineno, b->col, "'%c' was never closed", b->ch);
    }
    if (ls->seen_token) {
        if (!lex_emit(ls, TK_NEWLINE, 0, p, p, ls->lineno, lex_col(ls, p))) {
            return false;
        }
        LexToken *t = &ls->out->toks[ls->out->ntoks - 1];
        t->end_col = t->col + 1;
        ls->seen_token = false;
    }
    /* CPython puts the closing DEDENTs and ENDMARKER on the line after the
     * last one */
    if (p > ls->src && p[-1] != '\n' && ls->line_start != p) {
        ls->lineno++;
        ls->line_start = p;
    }
    while (ls->nindent > 0) {
        ls->nindent--;
        if (!lex_emit(ls, TK_DEDENT, 0, p, p, ls->lineno, lex_col(ls, p))) {
            return false;
        }
    }
    return lex_emit(ls, 0, 0, p, p, ls->lineno, lex_col(ls, p));
}

bool
lex_tokenize(const char *src, size_t len, size_t max_bytes, LexResult *out)
{
    LexState ls;
    memset(&ls, 0, offsetof(LexState, indents));
    memset(out, 0, sizeof(*out));
    ls.src = src;
    ls.cur = src;
    ls.end = src + len;
    ls.line_start = src;
    ls.lineno = 1;
    ls.at_bol = true;
    ls.out = out;
    ls.max_bytes = max_bytes;
    for (;;) {
        bool ok = true;
        if (ls.pending != 0) {
            if (!lex_indent_flush(&ls, &ok)) {
                return false;
            }
            continue;
        }
        if (ls.nfstrings > 0 && ls.fstrings[ls.nfstrings - 1].mode != LEX_FM_EXPR) {
            if (!lex_fstring_literal(&ls)) {
                return false;
            }
            continue;
        }
        bool eof = false;
        if (ls.at_bol && ls.nbrackets == 0) {
            ls.at_bol = false;
            if (!lex_indent_line(&ls, &eof)) {
                return false;
            }
            if (eof) {
                return finish(&ls);
            }
            continue;
        }
        if (!scan_token(&ls, &eof)) {
            return false;
        }
        if (eof) {
            return finish(&ls);
        }
    }
}

void
lex_result_fini(LexResult *res)
{
    free(res->toks);
    res->toks = NULL;
    res->ntoks = 0;
    res->cap = 0;
}
