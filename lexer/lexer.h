/*
 * lexer.h — the front door of the scanner: UTF-8 Python source to tokens.
 *
 * lex_tokenize turns a whole source buffer into an array of tokens (CPython's
 * tokenizer behaviour: INDENT/DEDENT/NEWLINE, implicit line joining inside
 * brackets, PEG-701 f-strings as FSTRING_START/MIDDLE/END plus the tokens of
 * the replacement fields). Token numbers are Lemon's (gen/grammar/python.h):
 * the parser owns the vocabulary, the scanner only produces it.
 *
 * Scanning the whole file first lets the parse driver look ahead freely for
 * soft keywords (`match`, `type`) and parenthesized `with` items, and keeps
 * the scanner free of recursion: every nesting (brackets, f-strings,
 * indentation) lives on fixed-size explicit stacks with CPython's limits.
 *
 * Ownership: the token array is malloc'd and freed with lex_result_fini;
 * tokens point into the source buffer, which must outlive them.
 */
#ifndef MONTY_LEXER_LEXER_H
#define MONTY_LEXER_LEXER_H

#include <stdbool.h>
#include <stddef.h>

/* Token flags (LexToken.flags). */
#define LEX_F_RAW 0x01      /* string/f-string middle: raw (r prefix) */
#define LEX_F_BYTES 0x02    /* string: bytes literal */
#define LEX_F_SPEC 0x04     /* FSTRING_MIDDLE inside a format spec */
#define LEX_F_UNICODE 0x08  /* string: u prefix */
#define LEX_F_NONASCII 0x10 /* NAME: holds non-ASCII bytes (needs NFKC) */

/* One token. Lines are 1-based, columns 0-based UTF-8 byte offsets, ends
 * exclusive (CPython's AST convention). `start`/`len` span the token text in
 * the (normalized) source; for STRING it includes prefix and quotes, for
 * FSTRING_MIDDLE only the literal text. */
typedef struct LexToken {
    int type;
    int flags;
    const char *start;
    int len;
    int lineno;
    int col;
    int end_lineno;
    int end_col;
} LexToken;

/* Error kinds, mapped to CPython exception names by the parse driver. */
typedef enum LexErrorKind {
    LEX_ERR_NONE,
    LEX_ERR_SYNTAX,
    LEX_ERR_INDENT,
    LEX_ERR_TAB,
    LEX_ERR_MEMORY,
} LexErrorKind;

typedef struct LexError {
    LexErrorKind kind;
    char msg[256];
    int lineno;
    int col;            /* 0-based byte column */
    int end_lineno;
    int end_col;
} LexError;

/* The scanner's output: all tokens up to the end (or up to the error). */
typedef struct LexResult {
    LexToken *toks;
    int ntoks;
    int cap;
    LexError err;       /* kind LEX_ERR_NONE when the whole input scanned */
} LexResult;

/* CPython's limits (Parser/tokenizer.h MAXLEVEL, MAXINDENT). */
#define LEX_MAX_NESTING 200
#define LEX_MAX_INDENT 100
#define LEX_MAX_FSTRING 150

/*
 * Scans `len` bytes at `src`; src[len] must be a NUL byte and the text must
 * contain no other NUL, use "\n" line ends and be valid UTF-8 (the parse
 * driver normalizes CRLF, strips a BOM and checks those first). The token
 * array always ends with a token of type 0 (end of input) unless out->err
 * reports a failure. Returns false on a scanning error (out->err filled; the
 * tokens before the error stay available). `max_bytes` (0: no limit) bounds
 * the token array; past it the scan fails with LEX_ERR_MEMORY.
 */
bool lex_tokenize(const char *src, size_t len, size_t max_bytes, LexResult *out);

/* Frees the token array. */
void lex_result_fini(LexResult *res);

/*
 * Decodes the body of a string literal (escapes per `flags`, see LEX_F_*)
 * into `dst`, which must hold at least len+1 bytes (decoding never grows
 * text). For FSTRING_MIDDLE outside a format spec `{{`/`}}` collapse too
 * (pass fstring true). Returns the decoded length, or -1 with a message in
 * `msg` (e.g. a truncated \x escape); `*bad_off` receives the byte offset
 * of the failing escape.
 */
long lex_strlit_decode(const char *text, size_t len, int flags, bool fstring, char *dst,
                       char *msg, size_t msgsize, size_t *bad_off);

/* Splits a STRING token into prefix flags and body: returns flags and sets
 * body and body_len to the text between the quotes. */
int lex_strlit_split(const LexToken *tok, const char **body, size_t *body_len);

/* NFKC-normalizes a non-ASCII identifier and checks it is one (Unicode
 * XID rules approximated with general categories). Returns a malloc'd
 * NUL-terminated string (caller frees) or NULL if invalid/out of memory. */
char *lex_ident_normalize(const char *s, size_t len, bool *invalid);

/* Checks a non-ASCII identifier's code points; returns the first invalid
 * one (byte offset in *off) or -1 when all are valid. */
long lex_ident_check(const char *s, size_t len, size_t *off);

/* Code point named by a `\N{...}` escape (case-insensitive), or -1. */
long lex_uname_lookup(const char *name, size_t len);

#endif /* MONTY_LEXER_LEXER_H */
