/*
 * mod_re.c — the re module on PCRE2: Pattern and Match objects, the module functions,
 * Python's replacement templates and its empty-match rules (3.7+: an empty match may
 * touch the previous match, never sit at the position where an empty match ended —
 * PCRE2_NOTEMPTY_ATSTART after an empty match gives exactly that).
 *
 * Python syntax PCRE2 lacks is rewritten before compiling (translate()): \Z (end of
 * string, PCRE2's \z), {,n} (PCRE2 10.42 reads it literally), \uXXXX and \UXXXXXXXX.
 * str patterns are compiled with PCRE2_UTF|PCRE2_UCP (Unicode \d \w \s \b as Python's),
 * bytes patterns without; re.ASCII drops UCP. Offsets from PCRE2 are UTF-8 byte
 * offsets: Match objects keep both bytes (for slicing) and code points (what Python
 * shows). PCRE2's memory comes from the run's heap (accounted, contract 4) and a match
 * limit bounds catastrophic backtracking (no JIT: it would map executable memory).
 *
 * sub/subn with a callable replacement run Python code, so they defer to the prelude
 * (_re_sub), which loops over finditer (native) and calls the function in VM frames.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <string.h>

#include "vm/modules.h"

VmValue vm_value_bytes(VmRun *run, const uint8_t *data, size_t len);

/* Python's flag values. */
enum {
    RE_TEMPLATE = 1, RE_I = 2, RE_L = 4, RE_M = 8, RE_S = 16, RE_U = 32, RE_X = 64,
    RE_DEBUG = 128, RE_A = 256,
};

#define MATCH_LIMIT 20000000u

typedef struct VmRePattern {
    VmObj hdr;
    pcre2_code *code;
    VmValue pattern;        /* str or bytes, as given */
    int64_t flags;          /* Python flags (re.UNICODE added for str patterns) */
    uint32_t ngroups;       /* capturing groups (without group 0) */
    bool is_bytes;
    VmDict *groupindex;     /* name -> number */
} VmRePattern;

typedef struct VmReMatch {
    VmObj hdr;
    VmRePattern *pat;
    VmValue string;
    int64_t pos, endpos;    /* code points */
    uint32_t n;             /* groups including group 0 */
    int64_t off[];          /* per group: byte start, byte end, char start, char end; -1 unset */
} VmReMatch;

typedef struct VmReIter {
    VmObj hdr;
    VmRePattern *pat;
    VmValue string;
    size_t bpos;            /* next search offset (bytes) */
    size_t blen;            /* subject length (bytes, endpos applied) */
    int64_t pos, endpos;
    bool must_advance;
    bool done;
} VmReIter;

extern const VmType vm_type_re_pattern, vm_type_re_match, vm_type_re_iter;

/* ---- memory: PCRE2 allocates from the run's heap ---------------------------- */

static void *
re_malloc(PCRE2_SIZE size, void *ud)
{
    return vm_heap_alloc((VmRun *)ud, size ? size : 1);
}

static void
re_free(void *p, void *ud)
{
    if (p != NULL) {
        vm_heap_free((VmRun *)ud, p);
    }
}

/* ---- subjects --------------------------------------------------------------- */

typedef struct Subject {
    const uint8_t *data;
    size_t len;
    bool is_bytes;
    bool ascii;
    /* byte -> char conversion cursor */
    size_t cb, cc;
} Subject;

static VmStatus
get_subject(VmRun *run, VmRePattern *p, VmValue v, Subject *s)
{
    memset(s, 0, sizeof *s);
    if (vm_is(v, &vm_type_str)) {
        if (p->is_bytes) {
            return vm_raise(run, &vm_exc_TypeError,
                            "cannot use a bytes pattern on a string-like object");
        }
        VmStr *st = VM_AS(VmStr, v);
        s->data = (const uint8_t *)st->data;
        s->len = st->len;
        s->ascii = st->ascii || st->len == st->nchars;
        return VM_OK;
    }
    if (vm_is(v, &vm_type_bytes)) {
        if (!p->is_bytes) {
            return vm_raise(run, &vm_exc_TypeError,
                            "cannot use a string pattern on a bytes-like object");
        }
        s->data = VM_AS(VmBytes, v)->data;
        s->len = VM_AS(VmBytes, v)->len;
        s->is_bytes = true;
        s->ascii = true;
        return VM_OK;
    }
    return vm_raise(run, &vm_exc_TypeError, "expected string or bytes-like object, got '%s'",
                    vm_type_name(v));
}

static int64_t
to_char(Subject *s, size_t b)
{
    if (s->ascii) {
        return (int64_t)b;
    }
    if (b < s->cb) {
        s->cb = 0;
        s->cc = 0;
    }
    for (; s->cb < b && s->cb < s->len; s->cb++) {
        if ((s->data[s->cb] & 0xC0) != 0x80) {
            s->cc++;
        }
    }
    return (int64_t)s->cc;
}

static size_t
to_byte(Subject *s, int64_t c)
{
    if (c <= 0) {
        return 0;
    }
    if (s->ascii) {
        return (size_t)c > s->len ? s->len : (size_t)c;
    }
    size_t b = 0;
    int64_t n = 0;
    while (b < s->len) {
        if ((s->data[b] & 0xC0) != 0x80) {
            if (n == c) {
                return b;
            }
            n++;
        }
        b++;
    }
    return s->len;
}

static int64_t
subject_chars(Subject *s)
{
    return to_char(s, s->len);
}

static VmValue
slice_subject(VmRun *run, Subject *s, size_t b, size_t e)
{
    if (s->is_bytes) {
        return vm_value_bytes(run, s->data + b, e - b);
    }
    return vm_str_val(run, (const char *)s->data + b, e - b);
}

/* ---- compiling ---------------------------------------------------------------- */

static VmStatus
sb_raw(VmStrBuf *b, const char *s, size_t n)
{
    return vm_sb_add(b, s, n) ? VM_OK : VM_ERR;
}

static bool
is_hex(uint8_t c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* Rewrites Python-only syntax into PCRE2's (see the file comment). */
static VmStatus
translate(VmRun *run, const uint8_t *p, size_t n, bool is_bytes, VmStrBuf *out)
{
    bool in_class = false;
    for (size_t i = 0; i < n; i++) {
        uint8_t c = p[i];
        if (c == '\\' && i + 1 < n) {
            uint8_t d = p[i + 1];
            if (!in_class && d == 'Z') {
                sb_raw(out, "\\z", 2);
                i++;
                continue;
            }
            size_t nd = d == 'u' ? 4 : d == 'U' ? 8 : 0;
            if (nd && !is_bytes && i + 1 + nd < n + 0 + 1) {
                bool ok = i + 1 + nd < n;
                for (size_t k = 0; ok && k < nd; k++) {
                    ok = is_hex(p[i + 2 + k]);
                }
                if (ok) {
                    sb_raw(out, "\\x{", 3);
                    sb_raw(out, (const char *)p + i + 2, nd);
                    sb_raw(out, "}", 1);
                    i += 1 + nd;
                    continue;
                }
            }
            sb_raw(out, (const char *)p + i, 2);
            i++;
            continue;
        }
        if (in_class) {
            if (c == ']') {
                in_class = false;
            }
            sb_raw(out, (const char *)p + i, 1);
            continue;
        }
        if (c == '[') {
            in_class = true;
            sb_raw(out, "[", 1);
            /* a ']' first in the class (after an optional '^') is literal */
            if (i + 1 < n && p[i + 1] == '^') {
                sb_raw(out, "^", 1);
                i++;
            }
            if (i + 1 < n && p[i + 1] == ']') {
                sb_raw(out, "]", 1);
                i++;
            }
            continue;
        }
        if (c == '{' && i + 1 < n && p[i + 1] == ',') {
            size_t k = i + 2;
            while (k < n && p[k] >= '0' && p[k] <= '9') {
                k++;
            }
            if (k > i + 2 && k < n && p[k] == '}') {
                sb_raw(out, "{0", 2);
                continue;
            }
        }
        sb_raw(out, (const char *)p + i, 1);
    }
    (void)run;
    return out->failed ? VM_ERR : VM_OK;
}

/* Position (in code points) of the first unclosed '(' or the first unmatched ')'. */
static int64_t
paren_scan(const uint8_t *p, size_t n, bool want_unclosed)
{
    int64_t stack[256];
    size_t depth = 0;
    bool in_class = false;
    int64_t chars = 0;
    for (size_t i = 0; i < n; i++) {
        uint8_t c = p[i];
        if ((c & 0xC0) != 0x80) {
            chars++;
        }
        int64_t pos = chars - 1;
        if (c == '\\') {
            i++;
            if (i < n) {
                chars++;
            }
            continue;
        }
        if (in_class) {
            in_class = c != ']';
            continue;
        }
        if (c == '[') {
            in_class = true;
            if (i + 1 < n && p[i + 1] == '^') {
                i++;
                chars++;
            }
            if (i + 1 < n && p[i + 1] == ']') {
                i++;
                chars++;
            }
        } else if (c == '(') {
            if (depth < 256) {
                stack[depth] = pos;
            }
            depth++;
        } else if (c == ')') {
            if (depth == 0) {
                if (!want_unclosed) {
                    return pos;
                }
            } else {
                depth--;
            }
        }
    }
    if (want_unclosed && depth > 0) {
        return stack[0];
    }
    return -1;
}

static int64_t
char_pos(const uint8_t *p, size_t n, size_t b)
{
    int64_t c = 0;
    for (size_t i = 0; i < b && i < n; i++) {
        if ((p[i] & 0xC0) != 0x80) {
            c++;
        }
    }
    return c;
}

/* Raises re.error with CPython's wording for the common PCRE2 errors. */
static VmStatus
compile_error(VmRun *run, int code, size_t off, const uint8_t *p, size_t n)
{
    int64_t pos;
    switch (code) {
    case PCRE2_ERROR_MISSING_CLOSING_PARENTHESIS:
        pos = paren_scan(p, n, true);
        return vm_raise(run, &vm_exc_PatternError,
                        "missing ), unterminated subpattern at position %lld",
                        (long long)(pos < 0 ? 0 : pos));
    case PCRE2_ERROR_UNMATCHED_CLOSING_PARENTHESIS:
        pos = paren_scan(p, n, false);
        return vm_raise(run, &vm_exc_PatternError, "unbalanced parenthesis at position %lld",
                        (long long)(pos < 0 ? char_pos(p, n, off) : pos));
    case PCRE2_ERROR_MISSING_SQUARE_BRACKET: {
        int64_t last = -1, c = 0;
        for (size_t i = 0; i < n; i++) {
            if ((p[i] & 0xC0) != 0x80) {
                c++;
            }
            if (p[i] == '\\') {
                i++;
                c++;
            } else if (p[i] == '[') {
                last = c - 1;
                break;
            }
        }
        return vm_raise(run, &vm_exc_PatternError, "unterminated character set at position %lld",
                        (long long)(last < 0 ? 0 : last));
    }
    case PCRE2_ERROR_QUANTIFIER_OUT_OF_ORDER: {
        size_t k = off < n ? off : n;
        while (k > 0 && p[k] != '{') {
            k--;
        }
        return vm_raise(run, &vm_exc_PatternError,
                        "min repeat greater than max repeat at position %lld",
                        (long long)char_pos(p, n, k + 1));
    }
    case PCRE2_ERROR_INVALID_SUBPATTERN_NAME:
    case PCRE2_ERROR_SUBPATTERN_NAME_EXPECTED: {
        size_t k = off < n ? off : n;
        while (k > 0 && p[k - 1] != '<' && p[k - 1] != '=') {
            k--;
        }
        size_t e = k;
        while (e < n && p[e] != '>' && p[e] != ')') {
            e++;
        }
        return vm_raise(run, &vm_exc_PatternError, "bad character in group name '%.*s' at "
                        "position %lld", (int)(e - k), (const char *)p + k,
                        (long long)char_pos(p, n, k));
    }
    case PCRE2_ERROR_END_BACKSLASH:
        return vm_raise(run, &vm_exc_PatternError, "bad escape (end of pattern) at position %lld",
                        (long long)char_pos(p, n, n > 0 ? n - 1 : 0));
    case PCRE2_ERROR_LOOKBEHIND_NOT_FIXED_LENGTH:
        return vm_raise(run, &vm_exc_PatternError, "look-behind requires fixed-width pattern");
    default:
        break;
    }
    PCRE2_UCHAR msg[256];
    pcre2_get_error_message(code, msg, sizeof msg);
    if (code == PCRE2_ERROR_UNKNOWN_ESCAPE && off >= 1 && off <= n) {
        size_t k = off < n && p[off - 1] == '\\' ? off - 1 : off >= 2 ? off - 2 : 0;
        return vm_raise(run, &vm_exc_PatternError, "bad escape \\%c at position %lld",
                        k + 1 < n ? p[k + 1] : '?', (long long)char_pos(p, n, k));
    }
    if (code == PCRE2_ERROR_QUANTIFIER_INVALID) {
        size_t q = off < n ? off : n;
        bool multiple = q > 0 && (p[q - 1] == '*' || p[q - 1] == '+' || p[q - 1] == '?'
                                  || p[q - 1] == '}');
        return vm_raise(run, &vm_exc_PatternError, "%s at position %lld",
                        multiple ? "multiple repeat" : "nothing to repeat",
                        (long long)char_pos(p, n, q));
    }
    return vm_raise(run, &vm_exc_PatternError, "%s at position %lld", (const char *)msg,
                    (long long)char_pos(p, n, off));
}

static void
pattern_fini(VmRun *run, VmObj *o)
{
    (void)run;
    VmRePattern *p = (VmRePattern *)o;
    if (p->code != NULL) {
        pcre2_code_free(p->code);
        p->code = NULL;
    }
}

static void
pattern_trace(VmGc *gc, VmObj *o)
{
    VmRePattern *p = (VmRePattern *)o;
    vm_gc_mark(gc, p->pattern);
    if (p->groupindex != NULL) {
        vm_gc_mark_obj(gc, &p->groupindex->hdr);
    }
}

static VmStatus
get_flags(VmRun *run, VmValue v, int64_t *out)
{
    if (vm_val_is_empty(v)) {
        *out = 0;
        return VM_OK;
    }
    if (!vm_val_is_int(v) && !vm_val_is_bool(v)) {
        return vm_raise(run, &vm_exc_TypeError, "unsupported operand type(s) for &: '%s' and "
                        "'int'", vm_type_name(v));
    }
    *out = vm_val_get_int(v);
    return VM_OK;
}

/* re.compile(pattern, flags): a new Pattern (or `pattern` itself if it is one). */
static VmStatus
compile_pattern(VmRun *run, VmValue pattern, int64_t flags, VmRePattern **out)
{
    if (vm_is(pattern, &vm_type_re_pattern)) {
        if (flags != 0) {
            return vm_raise(run, &vm_exc_ValueError,
                            "cannot process flags argument with a compiled pattern");
        }
        *out = VM_AS(VmRePattern, pattern);
        return VM_OK;
    }
    const uint8_t *src;
    size_t n;
    bool is_bytes = false;
    if (vm_is(pattern, &vm_type_str)) {
        src = (const uint8_t *)VM_AS(VmStr, pattern)->data;
        n = VM_AS(VmStr, pattern)->len;
    } else if (vm_is(pattern, &vm_type_bytes)) {
        src = VM_AS(VmBytes, pattern)->data;
        n = VM_AS(VmBytes, pattern)->len;
        is_bytes = true;
    } else {
        return vm_raise(run, &vm_exc_TypeError, "first argument must be string or compiled "
                        "pattern");
    }
    if (is_bytes && (flags & RE_U)) {
        return vm_raise(run, &vm_exc_ValueError, "cannot use UNICODE flag with a bytes pattern");
    }
    if (!is_bytes && (flags & RE_L)) {
        return vm_raise(run, &vm_exc_ValueError, "cannot use LOCALE flag with a str pattern");
    }
    if ((flags & RE_A) && (flags & RE_U)) {
        return vm_raise(run, &vm_exc_ValueError, "ASCII and UNICODE flags are incompatible");
    }
    uint32_t opts = 0;
    if (!is_bytes) {
        opts |= PCRE2_UTF;
        if (!(flags & RE_A)) {
            opts |= PCRE2_UCP;
            flags |= RE_U;
        }
    }
    if (flags & RE_I) {
        opts |= PCRE2_CASELESS;
    }
    if (flags & RE_M) {
        opts |= PCRE2_MULTILINE;
    }
    if (flags & RE_S) {
        opts |= PCRE2_DOTALL;
    }
    if (flags & RE_X) {
        opts |= PCRE2_EXTENDED;
    }
    VmStrBuf tb;
    vm_sb_init(&tb, run);
    if (translate(run, src, n, is_bytes, &tb) != VM_OK) {
        vm_sb_fini(&tb);
        return VM_ERR;
    }
    pcre2_general_context *gc = pcre2_general_context_create(re_malloc, re_free, run);
    if (gc == NULL) {
        vm_sb_fini(&tb);
        return VM_ERR;
    }
    pcre2_compile_context *cc = pcre2_compile_context_create(gc);
    if (cc == NULL) {
        pcre2_general_context_free(gc);
        vm_sb_fini(&tb);
        return VM_ERR;
    }
    int err = 0;
    PCRE2_SIZE erroff = 0;
    pcre2_code *code = pcre2_compile((PCRE2_SPTR)(tb.data ? tb.data : ""), tb.len, opts, &err,
                                     &erroff, cc);
    pcre2_compile_context_free(cc);
    pcre2_general_context_free(gc);
    bool translated = tb.len != n || (n > 0 && memcmp(tb.data, src, n) != 0);
    vm_sb_fini(&tb);
    if (code == NULL) {
        if (!vm_val_is_empty(run->exc) || run->heap.limit != VM_LIMIT_NONE) {
            return VM_ERR;
        }
        if (err == PCRE2_ERROR_UTF8_ERR1 || (err <= -3 && err >= -21)) {
            return vm_raise(run, &vm_exc_PatternError,
                            "monty cannot compile a pattern holding lone surrogates");
        }
        return compile_error(run, err, translated ? n : erroff, src, n);
    }
    VmRePattern *p = (VmRePattern *)vm_obj_new(run, &vm_type_re_pattern, sizeof(VmRePattern));
    if (p == NULL) {
        pcre2_code_free(code);
        return VM_ERR;
    }
    p->code = code;
    p->pattern = pattern;
    p->flags = flags;
    p->is_bytes = is_bytes;
    uint32_t cap = 0, namecount = 0, entry = 0;
    pcre2_pattern_info(code, PCRE2_INFO_CAPTURECOUNT, &cap);
    pcre2_pattern_info(code, PCRE2_INFO_NAMECOUNT, &namecount);
    pcre2_pattern_info(code, PCRE2_INFO_NAMEENTRYSIZE, &entry);
    p->ngroups = cap;
    p->groupindex = vm_dict_new(run);
    if (p->groupindex == NULL) {
        return VM_ERR;
    }
    PCRE2_SPTR table = NULL;
    pcre2_pattern_info(code, PCRE2_INFO_NAMETABLE, &table);
    /* the name table is sorted by name: insert by group number, as Python's dict is */
    for (uint32_t g = 1; g <= cap && table != NULL; g++) {
        for (uint32_t i = 0; i < namecount; i++) {
            PCRE2_SPTR e = table + (size_t)i * entry;
            uint32_t num = ((uint32_t)e[0] << 8) | e[1];
            if (num == g) {
                VmValue k = vm_str_val(run, (const char *)e + 2, strlen((const char *)e + 2));
                if (vm_val_is_empty(k)
                    || vm_dict_set(run, p->groupindex, k, vm_val_int(g)) != VM_OK) {
                    return VM_ERR;
                }
            }
        }
    }
    *out = p;
    return VM_OK;
}

/* ---- matching ------------------------------------------------------------------ */

typedef enum { MODE_SEARCH, MODE_MATCH, MODE_FULL } MatchMode;

/*
 * Runs the pattern on s[0:blen] from byte `start`. *found false: no match. On a match,
 * *m is a new Match (pos/endpos in code points as given).
 */
static VmStatus
run_match(VmRun *run, VmRePattern *p, VmValue string, Subject *s, size_t start, size_t blen,
          MatchMode mode, bool notempty_atstart, int64_t pos, int64_t endpos, VmReMatch **m)
{
    *m = NULL;
    if (start > blen) {
        return VM_OK;
    }
    if (vm_check_time(run) != VM_OK) {
        return VM_ERR;
    }
    pcre2_general_context *gc = pcre2_general_context_create(re_malloc, re_free, run);
    if (gc == NULL) {
        return VM_ERR;
    }
    pcre2_match_context *mc = pcre2_match_context_create(gc);
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(p->code, gc);
    if (mc == NULL || md == NULL) {
        pcre2_match_context_free(mc);
        pcre2_match_data_free(md);
        pcre2_general_context_free(gc);
        return VM_ERR;
    }
    pcre2_set_match_limit(mc, MATCH_LIMIT);
    uint32_t opts = 0;
    if (mode != MODE_SEARCH) {
        opts |= PCRE2_ANCHORED;
    }
    if (mode == MODE_FULL) {
        opts |= PCRE2_ENDANCHORED;
    }
    if (notempty_atstart) {
        opts |= PCRE2_NOTEMPTY_ATSTART;
    }
    int rc = pcre2_match(p->code, (PCRE2_SPTR)s->data, blen, start, opts, md, mc);
    VmStatus st = VM_OK;
    if (rc == PCRE2_ERROR_NOMATCH) {
        st = VM_OK;
    } else if (rc < 0) {
        if (!vm_val_is_empty(run->exc) || run->heap.limit != VM_LIMIT_NONE) {
            st = VM_ERR;
        } else if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_HEAPLIMIT
                   || rc == PCRE2_ERROR_DEPTHLIMIT) {
            st = vm_raise(run, &vm_exc_RuntimeError,
                          "regular expression too complex: backtracking limit reached");
        } else if (rc <= PCRE2_ERROR_UTF8_ERR1 && rc >= PCRE2_ERROR_UTF8_ERR21) {
            st = vm_raise(run, &vm_exc_ValueError,
                          "monty cannot match a str holding lone surrogates");
        } else {
            PCRE2_UCHAR msg[256];
            pcre2_get_error_message(rc, msg, sizeof msg);
            st = vm_raise(run, &vm_exc_RuntimeError, "regular expression error: %s",
                          (const char *)msg);
        }
    } else {
        uint32_t n = p->ngroups + 1;
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
        uint32_t have = pcre2_get_ovector_count(md);
        VmReMatch *r = (VmReMatch *)vm_obj_new(run, &vm_type_re_match,
                                               sizeof(VmReMatch) + n * 4 * sizeof(int64_t));
        if (r == NULL) {
            st = VM_ERR;
        } else {
            r->pat = p;
            r->string = string;
            r->pos = pos;
            r->endpos = endpos;
            r->n = n;
            for (uint32_t g = 0; g < n; g++) {
                int64_t *o = &r->off[g * 4];
                if (g < have && g < (uint32_t)rc && ov[2 * g] != PCRE2_UNSET) {
                    o[0] = (int64_t)ov[2 * g];
                    o[1] = (int64_t)ov[2 * g + 1];
                    o[2] = to_char(s, (size_t)o[0]);
                    o[3] = to_char(s, (size_t)o[1]);
                } else {
                    o[0] = o[1] = o[2] = o[3] = -1;
                }
            }
            *m = r;
        }
    }
    pcre2_match_data_free(md);
    pcre2_match_context_free(mc);
    pcre2_general_context_free(gc);
    return st;
}

/* Normalises pos/endpos (code points) as Python does; byte bounds in bstart, blen. */
static VmStatus
bounds(VmRun *run, Subject *s, VmValue vpos, VmValue vend, int64_t *pos, int64_t *endpos,
       size_t *bstart, size_t *blen)
{
    int64_t len = subject_chars(s);
    *pos = 0;
    *endpos = len;
    if (!vm_val_is_empty(vpos) && vm_index(run, vpos, pos) != VM_OK) {
        return VM_ERR;
    }
    if (!vm_val_is_empty(vend) && vm_index(run, vend, endpos) != VM_OK) {
        return VM_ERR;
    }
    if (*pos < 0) {
        *pos = 0;
    }
    if (*pos > len) {
        *pos = len;
    }
    if (*endpos < 0) {
        *endpos = 0;
    }
    if (*endpos > len) {
        *endpos = len;
    }
    *bstart = to_byte(s, *pos);
    *blen = to_byte(s, *endpos);
    return VM_OK;
}

/* ---- Match objects ------------------------------------------------------------- */

static void
match_trace(VmGc *gc, VmObj *o)
{
    VmReMatch *m = (VmReMatch *)o;
    vm_gc_mark_obj(gc, &m->pat->hdr);
    vm_gc_mark(gc, m->string);
}

static VmStatus
group_index(VmRun *run, VmReMatch *m, VmValue g, uint32_t *out)
{
    if (vm_is_int(g) && !vm_val_is_obj(g)) {
        int64_t i = vm_val_get_int(g);
        if (i >= 0 && (uint64_t)i < m->n) {
            *out = (uint32_t)i;
            return VM_OK;
        }
    } else if (vm_is(g, &vm_type_str)) {
        VmValue v;
        if (vm_dict_get(run, m->pat->groupindex, g, &v) != VM_OK) {
            return VM_ERR;
        }
        if (!vm_val_is_empty(v)) {
            *out = (uint32_t)vm_val_get_int(v);
            return VM_OK;
        }
    }
    return vm_raise(run, &vm_exc_IndexError, "no such group");
}

static VmStatus
group_value(VmRun *run, VmReMatch *m, uint32_t g, VmValue dflt, VmValue *out)
{
    int64_t *o = &m->off[g * 4];
    if (o[0] < 0) {
        *out = dflt;
        return VM_OK;
    }
    if (vm_is(m->string, &vm_type_bytes)) {
        *out = vm_value_bytes(run, VM_AS(VmBytes, m->string)->data + o[0], (size_t)(o[1] - o[0]));
    } else {
        *out = vm_str_val(run, VM_AS(VmStr, m->string)->data + o[0], (size_t)(o[1] - o[0]));
    }
    return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
}

#define SELF_MATCH() VmReMatch *m = VM_AS(VmReMatch, args[0])

static VmStatus
m_group(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    if (vm_no_kwargs(run, "group", kwnames) != VM_OK) {
        return VM_ERR;
    }
    SELF_MATCH();
    uint32_t g;
    if (nargs <= 2) {
        if (nargs == 2 && group_index(run, m, args[1], &g) != VM_OK) {
            return VM_ERR;
        }
        return group_value(run, m, nargs == 2 ? g : 0, vm_val_none(), out);
    }
    VmTuple *t = vm_tuple_new(run, nargs - 1);
    if (t == NULL) {
        return VM_ERR;
    }
    for (size_t i = 1; i < nargs; i++) {
        if (group_index(run, m, args[i], &g) != VM_OK
            || group_value(run, m, g, vm_val_none(), &t->items[i - 1]) != VM_OK) {
            return VM_ERR;
        }
    }
    *out = vm_obj_val(t);
    return VM_OK;
}

static VmStatus
m_getitem(VmRun *run, VmValue self, VmValue key, VmValue *out)
{
    VmReMatch *m = VM_AS(VmReMatch, self);
    uint32_t g;
    if (group_index(run, m, key, &g) != VM_OK) {
        return VM_ERR;
    }
    return group_value(run, m, g, vm_val_none(), out);
}

static VmStatus
m_groups(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    static const char *const names[] = { "", "default" };
    VmValue a[2];
    if (vm_parse_args(run, "groups", args, nargs, kwnames, names, 2, 1, 1, a) != VM_OK) {
        return VM_ERR;
    }
    SELF_MATCH();
    VmValue dflt = vm_val_is_empty(a[1]) ? vm_val_none() : a[1];
    VmTuple *t = vm_tuple_new(run, m->n - 1);
    if (t == NULL) {
        return VM_ERR;
    }
    for (uint32_t g = 1; g < m->n; g++) {
        if (group_value(run, m, g, dflt, &t->items[g - 1]) != VM_OK) {
            return VM_ERR;
        }
    }
    *out = vm_obj_val(t);
    return VM_OK;
}

static VmStatus
m_groupdict(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    static const char *const names[] = { "", "default" };
    VmValue a[2];
    if (vm_parse_args(run, "groupdict", args, nargs, kwnames, names, 2, 1, 1, a) != VM_OK) {
        return VM_ERR;
    }
    SELF_MATCH();
    VmValue dflt = vm_val_is_empty(a[1]) ? vm_val_none() : a[1];
    VmDict *d = vm_dict_new(run);
    if (d == NULL) {
        return VM_ERR;
    }
    VmDict *gi = m->pat->groupindex;
    for (size_t i = 0; i < gi->nentries; i++) {
        if (vm_val_is_empty(gi->entries[i].key)) {
            continue;
        }
        VmValue v;
        if (group_value(run, m, (uint32_t)vm_val_get_int(gi->entries[i].value), dflt, &v)
            != VM_OK || vm_dict_set(run, d, gi->entries[i].key, v) != VM_OK) {
            return VM_ERR;
        }
    }
    *out = vm_obj_val(d);
    return VM_OK;
}

static VmStatus
span_part(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, const char *name,
          int which, VmValue *out)
{
    if (vm_no_kwargs(run, name, kwnames) != VM_OK) {
        return VM_ERR;
    }
    if (nargs > 2) {
        return vm_raise(run, &vm_exc_TypeError, "%s expected at most 1 argument, got %zu", name,
                        nargs - 1);
    }
    SELF_MATCH();
    uint32_t g = 0;
    if (nargs == 2 && group_index(run, m, args[1], &g) != VM_OK) {
        return VM_ERR;
    }
    int64_t *o = &m->off[g * 4];
    if (which == 2) {
        VmTuple *t = vm_tuple_new(run, 2);
        if (t == NULL) {
            return VM_ERR;
        }
        t->items[0] = vm_val_int(o[2]);
        t->items[1] = vm_val_int(o[3]);
        *out = vm_obj_val(t);
        return VM_OK;
    }
    *out = vm_val_int(o[2 + which]);
    return VM_OK;
}

static VmStatus
m_start(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    return span_part(run, args, nargs, kwnames, "start", 0, out);
}

static VmStatus
m_end(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    return span_part(run, args, nargs, kwnames, "end", 1, out);
}

static VmStatus
m_span(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    return span_part(run, args, nargs, kwnames, "span", 2, out);
}

/* ---- replacement templates ---------------------------------------------------- */

/* Expands `tmpl` for match m into b (Python's re._parser.parse_template rules). */
static VmStatus
expand_template(VmRun *run, VmReMatch *m, const uint8_t *t, size_t n, VmStrBuf *b)
{
    for (size_t i = 0; i < n; i++) {
        if (t[i] != '\\') {
            size_t j = i;
            while (j < n && t[j] != '\\') {
                j++;
            }
            vm_sb_add(b, (const char *)t + i, j - i);
            i = j - 1;
            continue;
        }
        if (i + 1 >= n) {
            return vm_raise(run, &vm_exc_PatternError,
                            "bad escape (end of pattern) at position %zu", i);
        }
        uint8_t c = t[i + 1];
        int64_t g = -1;
        size_t next = i + 2;
        if (c == 'g') {
            size_t k = i + 2;
            if (k >= n || t[k] != '<') {
                return vm_raise(run, &vm_exc_PatternError, "missing < at position %zu", k);
            }
            size_t e = k + 1;
            while (e < n && t[e] != '>') {
                e++;
            }
            if (e >= n) {
                return vm_raise(run, &vm_exc_PatternError,
                                "missing >, unterminated name at position %zu", k + 1);
            }
            VmValue name = vm_str_val(run, (const char *)t + k + 1, e - k - 1);
            if (vm_val_is_empty(name)) {
                return VM_ERR;
            }
            bool digits = e > k + 1;
            for (size_t q = k + 1; q < e; q++) {
                digits &= t[q] >= '0' && t[q] <= '9';
            }
            if (digits) {
                g = 0;
                for (size_t q = k + 1; q < e && g < 100000; q++) {
                    g = g * 10 + (t[q] - '0');
                }
                if (g >= (int64_t)m->n) {
                    return vm_raise(run, &vm_exc_PatternError,
                                    "invalid group reference %lld at position %zu",
                                    (long long)g, k + 1);
                }
            } else {
                VmValue v;
                if (vm_dict_get(run, m->pat->groupindex, name, &v) != VM_OK) {
                    return VM_ERR;
                }
                if (vm_val_is_empty(v)) {
                    return vm_raise(run, &vm_exc_IndexError, "unknown group name '%s'",
                                    VM_AS(VmStr, name)->data);
                }
                g = vm_val_get_int(v);
            }
            next = e + 1;
        } else if (c >= '1' && c <= '9') {
            g = c - '0';
            if (i + 2 < n && t[i + 2] >= '0' && t[i + 2] <= '9') {
                g = g * 10 + (t[i + 2] - '0');
                next = i + 3;
            }
            if (g >= (int64_t)m->n) {
                return vm_raise(run, &vm_exc_PatternError,
                                "invalid group reference %lld at position %zu", (long long)g,
                                i + 1);
            }
        } else if (c == '0') {
            int v = 0;
            size_t k = i + 1;
            for (int d = 0; d < 3 && k < n && t[k] >= '0' && t[k] <= '7'; d++, k++) {
                v = v * 8 + (t[k] - '0');
            }
            char ch = (char)v;
            vm_sb_add(b, &ch, 1);
            i = k - 1;
            continue;
        } else {
            const char *rep = NULL;
            switch (c) {
            case 'n': rep = "\n"; break;
            case 't': rep = "\t"; break;
            case 'r': rep = "\r"; break;
            case 'f': rep = "\f"; break;
            case 'v': rep = "\v"; break;
            case 'a': rep = "\a"; break;
            case 'b': rep = "\b"; break;
            case '\\': rep = "\\"; break;
            default: break;
            }
            if (rep != NULL) {
                vm_sb_add(b, rep, 1);
            } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                return vm_raise(run, &vm_exc_PatternError, "bad escape \\%c at position %zu", c,
                                i);
            } else {
                vm_sb_add(b, (const char *)t + i, 2);
            }
            i++;
            continue;
        }
        int64_t *o = &m->off[g * 4];
        if (o[0] >= 0) {
            const char *base = vm_is(m->string, &vm_type_bytes)
                                   ? (const char *)VM_AS(VmBytes, m->string)->data
                                   : VM_AS(VmStr, m->string)->data;
            vm_sb_add(b, base + o[0], (size_t)(o[1] - o[0]));
        }
        i = next - 1;
    }
    return b->failed ? VM_ERR : VM_OK;
}

static VmStatus
sb_finish(VmStrBuf *b, bool is_bytes, VmValue *out)
{
    if (b->failed) {
        vm_sb_fini(b);
        return VM_ERR;
    }
    if (is_bytes) {
        *out = vm_value_bytes(b->run, (const uint8_t *)(b->data ? b->data : ""), b->len);
        vm_sb_fini(b);
        return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
    }
    return vm_sb_to_str(b, out);
}

static VmStatus
template_bytes(VmRun *run, VmValue repl, bool is_bytes, const uint8_t **t, size_t *n)
{
    if (!is_bytes && vm_is(repl, &vm_type_str)) {
        *t = (const uint8_t *)VM_AS(VmStr, repl)->data;
        *n = VM_AS(VmStr, repl)->len;
        return VM_OK;
    }
    if (is_bytes && vm_is(repl, &vm_type_bytes)) {
        *t = VM_AS(VmBytes, repl)->data;
        *n = VM_AS(VmBytes, repl)->len;
        return VM_OK;
    }
    return vm_raise(run, &vm_exc_TypeError, "expected %s instance, %s found",
                    is_bytes ? "a bytes-like object" : "str", vm_type_name(repl));
}

static VmStatus
m_expand(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    if (vm_no_kwargs(run, "expand", kwnames) != VM_OK) {
        return VM_ERR;
    }
    if (nargs != 2) {
        return vm_raise(run, &vm_exc_TypeError, "expand() takes exactly one argument (%zu given)",
                        nargs - 1);
    }
    SELF_MATCH();
    const uint8_t *t;
    size_t n;
    if (template_bytes(run, args[1], m->pat->is_bytes, &t, &n) != VM_OK) {
        return VM_ERR;
    }
    VmStrBuf b;
    vm_sb_init(&b, run);
    if (expand_template(run, m, t, n, &b) != VM_OK) {
        vm_sb_fini(&b);
        return VM_ERR;
    }
    return sb_finish(&b, m->pat->is_bytes, out);
}

static VmStatus
match_repr(VmRun *run, VmValue self, VmValue *out)
{
    VmReMatch *m = VM_AS(VmReMatch, self);
    VmValue g0, r;
    if (group_value(run, m, 0, vm_val_none(), &g0) != VM_OK || vm_repr(run, g0, &r) != VM_OK) {
        return VM_ERR;
    }
    VmStrBuf b;
    vm_sb_init(&b, run);
    vm_sb_printf(&b, "<re.Match object; span=(%lld, %lld), match=", (long long)m->off[2],
                 (long long)m->off[3]);
    vm_sb_add(&b, VM_AS(VmStr, r)->data, VM_AS(VmStr, r)->len);
    vm_sb_add(&b, ">", 1);
    return vm_sb_to_str(&b, out);
}

static VmStatus
match_getattr(VmRun *run, VmValue self, VmStr *name, VmValue *out)
{
    VmReMatch *m = VM_AS(VmReMatch, self);
    *out = vm_val_empty();
    if (vm_str_eq_cstr(name, "string")) {
        *out = m->string;
    } else if (vm_str_eq_cstr(name, "re")) {
        *out = vm_obj_val(m->pat);
    } else if (vm_str_eq_cstr(name, "pos")) {
        *out = vm_val_int(m->pos);
    } else if (vm_str_eq_cstr(name, "endpos")) {
        *out = vm_val_int(m->endpos);
    } else if (vm_str_eq_cstr(name, "lastindex") || vm_str_eq_cstr(name, "lastgroup")) {
        /* the group that closed last: greatest end, outermost on ties */
        int64_t best = -1;
        for (uint32_t g = 1; g < m->n; g++) {
            int64_t *o = &m->off[g * 4];
            if (o[0] < 0) {
                continue;
            }
            if (best < 0 || o[1] > m->off[best * 4 + 1]
                || (o[1] == m->off[best * 4 + 1] && o[0] > m->off[best * 4])) {
                best = g;
            }
        }
        if (vm_str_eq_cstr(name, "lastindex")) {
            *out = best < 0 ? vm_val_none() : vm_val_int(best);
            return VM_OK;
        }
        *out = vm_val_none();
        VmDict *gi = m->pat->groupindex;
        for (size_t i = 0; best >= 0 && i < gi->nentries; i++) {
            if (!vm_val_is_empty(gi->entries[i].key)
                && vm_val_get_int(gi->entries[i].value) == best) {
                *out = gi->entries[i].key;
            }
        }
    } else if (vm_str_eq_cstr(name, "regs")) {
        VmTuple *t = vm_tuple_new(run, m->n);
        if (t == NULL) {
            return VM_ERR;
        }
        for (uint32_t g = 0; g < m->n; g++) {
            VmTuple *s = vm_tuple_new(run, 2);
            if (s == NULL) {
                return VM_ERR;
            }
            s->items[0] = vm_val_int(m->off[g * 4 + 2]);
            s->items[1] = vm_val_int(m->off[g * 4 + 3]);
            t->items[g] = vm_obj_val(s);
        }
        *out = vm_obj_val(t);
    }
    return VM_OK;
}

static VmStatus
match_bool(VmRun *run, VmValue self, bool *out)
{
    (void)run;
    (void)self;
    *out = true;
    return VM_OK;
}

#define METHOD(cname, pyname, owner) \
    static const VmBuiltin cname = { VM_IMMORTAL_HDR(&vm_type_builtin), pyname, m_##cname, \
                                     owner }

#define m_mb_group m_group
#define m_mb_groups m_groups
#define m_mb_groupdict m_groupdict
#define m_mb_start m_start
#define m_mb_end m_end
#define m_mb_span m_span
#define m_mb_expand m_expand
METHOD(mb_group, "group", &vm_type_re_match);
METHOD(mb_groups, "groups", &vm_type_re_match);
METHOD(mb_groupdict, "groupdict", &vm_type_re_match);
METHOD(mb_start, "start", &vm_type_re_match);
METHOD(mb_end, "end", &vm_type_re_match);
METHOD(mb_span, "span", &vm_type_re_match);
METHOD(mb_expand, "expand", &vm_type_re_match);

static const VmBuiltin *const match_methods[] = {
    &mb_group, &mb_groups, &mb_groupdict, &mb_start, &mb_end, &mb_span, &mb_expand, NULL,
};

const VmType vm_type_re_match = {
    VM_IMMORTAL_HDR(&vm_type_type), .name = "re.Match", .base = &vm_type_object,
    .trace = match_trace, .repr = match_repr, .getattr = match_getattr,
    .getitem = m_getitem, .bool_ = match_bool, .methods = match_methods,
};

/* ---- Pattern methods ------------------------------------------------------------ */

static VmStatus
pat_match_common(VmRun *run, VmRePattern *p, VmValue string, VmValue vpos, VmValue vend,
                 MatchMode mode, VmValue *out)
{
    Subject s;
    int64_t pos, endpos;
    size_t bstart, blen;
    VmReMatch *m;
    if (get_subject(run, p, string, &s) != VM_OK
        || bounds(run, &s, vpos, vend, &pos, &endpos, &bstart, &blen) != VM_OK
        || run_match(run, p, string, &s, bstart, blen, mode, false, pos, endpos, &m) != VM_OK) {
        return VM_ERR;
    }
    *out = m ? vm_obj_val(m) : vm_val_none();
    return VM_OK;
}

static VmStatus
pat_method_match(VmRun *run, const char *name, VmValue *args, size_t nargs, VmTuple *kwnames,
                 MatchMode mode, VmValue *out)
{
    static const char *const names[] = { "", "string", "pos", "endpos" };
    VmValue a[4];
    if (vm_parse_args(run, name, args, nargs, kwnames, names, 4, 2, 1, a) != VM_OK) {
        return VM_ERR;
    }
    return pat_match_common(run, VM_AS(VmRePattern, a[0]), a[1], a[2], a[3], mode, out);
}

static VmStatus
m_pmb_match(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    return pat_method_match(run, "match", args, nargs, kwnames, MODE_MATCH, out);
}

static VmStatus
m_pmb_search(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    return pat_method_match(run, "search", args, nargs, kwnames, MODE_SEARCH, out);
}

static VmStatus
m_pmb_fullmatch(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    return pat_method_match(run, "fullmatch", args, nargs, kwnames, MODE_FULL, out);
}

/* finditer's iterator (and the engine of findall, split and sub). */
static VmStatus
iter_new(VmRun *run, VmRePattern *p, VmValue string, VmValue vpos, VmValue vend, VmValue *out)
{
    Subject s;
    int64_t pos, endpos;
    size_t bstart, blen;
    if (get_subject(run, p, string, &s) != VM_OK
        || bounds(run, &s, vpos, vend, &pos, &endpos, &bstart, &blen) != VM_OK) {
        return VM_ERR;
    }
    VmReIter *it = (VmReIter *)vm_obj_new(run, &vm_type_re_iter, sizeof(VmReIter));
    if (it == NULL) {
        return VM_ERR;
    }
    it->pat = p;
    it->string = string;
    it->bpos = bstart;
    it->blen = blen;
    it->pos = pos;
    it->endpos = endpos;
    *out = vm_obj_val(it);
    return VM_OK;
}

static VmStatus
iter_step(VmRun *run, VmReIter *it, Subject *s, VmReMatch **m)
{
    *m = NULL;
    if (it->done) {
        return VM_OK;
    }
    if (run_match(run, it->pat, it->string, s, it->bpos, it->blen, MODE_SEARCH,
                  it->must_advance, it->pos, it->endpos, m) != VM_OK) {
        return VM_ERR;
    }
    if (*m == NULL) {
        it->done = true;
        return VM_OK;
    }
    it->must_advance = (*m)->off[1] == (*m)->off[0];
    it->bpos = (size_t)(*m)->off[1];
    return VM_OK;
}

static VmStatus
re_iter_next(VmRun *run, VmValue self, VmValue *out)
{
    VmReIter *it = VM_AS(VmReIter, self);
    Subject s;
    VmReMatch *m;
    if (get_subject(run, it->pat, it->string, &s) != VM_OK || iter_step(run, it, &s, &m)
        != VM_OK) {
        return VM_ERR;
    }
    if (m == NULL) {
        return VM_STOP;
    }
    *out = vm_obj_val(m);
    return VM_OK;
}

static VmStatus
re_iter_iter(VmRun *run, VmValue self, VmValue *out)
{
    (void)run;
    *out = self;
    return VM_OK;
}

static void
iter_trace(VmGc *gc, VmObj *o)
{
    VmReIter *it = (VmReIter *)o;
    vm_gc_mark_obj(gc, &it->pat->hdr);
    vm_gc_mark(gc, it->string);
}

const VmType vm_type_re_iter = {
    VM_IMMORTAL_HDR(&vm_type_type), .name = "callable_iterator", .base = &vm_type_object,
    .trace = iter_trace, .iter = re_iter_iter, .next = re_iter_next,
};

static VmStatus
m_pmb_finditer(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    static const char *const names[] = { "", "string", "pos", "endpos" };
    VmValue a[4];
    if (vm_parse_args(run, "finditer", args, nargs, kwnames, names, 4, 2, 1, a) != VM_OK) {
        return VM_ERR;
    }
    return iter_new(run, VM_AS(VmRePattern, a[0]), a[1], a[2], a[3], out);
}

static VmStatus
findall_impl(VmRun *run, VmRePattern *p, VmValue string, VmValue vpos, VmValue vend,
             VmValue *out)
{
    VmValue itv;
    Subject s;
    if (iter_new(run, p, string, vpos, vend, &itv) != VM_OK
        || get_subject(run, p, string, &s) != VM_OK) {
        return VM_ERR;
    }
    VmReIter *it = VM_AS(VmReIter, itv);
    VmList *l = vm_list_new(run, 0);
    if (l == NULL) {
        return VM_ERR;
    }
    VmValue empty = p->is_bytes ? vm_value_bytes(run, (const uint8_t *)"", 0)
                                : vm_str_val(run, "", 0);
    if (vm_val_is_empty(empty)) {
        return VM_ERR;
    }
    for (;;) {
        VmReMatch *m;
        if (iter_step(run, it, &s, &m) != VM_OK) {
            return VM_ERR;
        }
        if (m == NULL) {
            break;
        }
        VmValue v;
        if (m->n <= 2) {
            if (group_value(run, m, m->n - 1, empty, &v) != VM_OK) {
                return VM_ERR;
            }
        } else {
            VmTuple *t = vm_tuple_new(run, m->n - 1);
            if (t == NULL) {
                return VM_ERR;
            }
            for (uint32_t g = 1; g < m->n; g++) {
                if (group_value(run, m, g, empty, &t->items[g - 1]) != VM_OK) {
                    return VM_ERR;
                }
            }
            v = vm_obj_val(t);
        }
        if (vm_list_append(run, l, v) != VM_OK) {
            return VM_ERR;
        }
    }
    *out = vm_obj_val(l);
    return VM_OK;
}

static VmStatus
m_pmb_findall(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    static const char *const names[] = { "", "string", "pos", "endpos" };
    VmValue a[4];
    if (vm_parse_args(run, "findall", args, nargs, kwnames, names, 4, 2, 1, a) != VM_OK) {
        return VM_ERR;
    }
    return findall_impl(run, VM_AS(VmRePattern, a[0]), a[1], a[2], a[3], out);
}

static VmStatus
count_arg(VmRun *run, VmValue v, int64_t *out)
{
    *out = 0;
    if (vm_val_is_empty(v)) {
        return VM_OK;
    }
    return vm_index(run, v, out);
}

static VmStatus
split_impl(VmRun *run, VmRePattern *p, VmValue string, int64_t maxsplit, VmValue *out)
{
    VmValue itv;
    Subject s;
    if (iter_new(run, p, string, vm_val_empty(), vm_val_empty(), &itv) != VM_OK
        || get_subject(run, p, string, &s) != VM_OK) {
        return VM_ERR;
    }
    VmReIter *it = VM_AS(VmReIter, itv);
    VmList *l = vm_list_new(run, 0);
    if (l == NULL) {
        return VM_ERR;
    }
    size_t last = 0;
    int64_t n = 0;
    while (maxsplit <= 0 || n < maxsplit) {
        VmReMatch *m;
        if (iter_step(run, it, &s, &m) != VM_OK) {
            return VM_ERR;
        }
        if (m == NULL) {
            break;
        }
        VmValue piece = slice_subject(run, &s, last, (size_t)m->off[0]);
        if (vm_val_is_empty(piece) || vm_list_append(run, l, piece) != VM_OK) {
            return VM_ERR;
        }
        for (uint32_t g = 1; g < m->n; g++) {
            VmValue v;
            if (group_value(run, m, g, vm_val_none(), &v) != VM_OK
                || vm_list_append(run, l, v) != VM_OK) {
                return VM_ERR;
            }
        }
        last = (size_t)m->off[1];
        n++;
    }
    VmValue rest = slice_subject(run, &s, last, s.len);
    if (vm_val_is_empty(rest) || vm_list_append(run, l, rest) != VM_OK) {
        return VM_ERR;
    }
    *out = vm_obj_val(l);
    return VM_OK;
}

static VmStatus
m_pmb_split(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    static const char *const names[] = { "", "string", "maxsplit" };
    VmValue a[3];
    int64_t maxsplit;
    if (vm_parse_args(run, "split", args, nargs, kwnames, names, 3, 2, 1, a) != VM_OK
        || count_arg(run, a[2], &maxsplit) != VM_OK) {
        return VM_ERR;
    }
    return split_impl(run, VM_AS(VmRePattern, a[0]), a[1], maxsplit, out);
}

/* sub/subn with a template (a callable defers to the prelude before getting here). */
static VmStatus
subn_impl(VmRun *run, VmRePattern *p, VmValue repl, VmValue string, int64_t count, bool want_n,
          VmValue *out)
{
    const uint8_t *t;
    size_t tn;
    VmValue itv;
    Subject s;
    if (template_bytes(run, repl, p->is_bytes, &t, &tn) != VM_OK
        || iter_new(run, p, string, vm_val_empty(), vm_val_empty(), &itv) != VM_OK
        || get_subject(run, p, string, &s) != VM_OK) {
        return VM_ERR;
    }
    VmReIter *it = VM_AS(VmReIter, itv);
    VmStrBuf b;
    vm_sb_init(&b, run);
    size_t last = 0;
    int64_t n = 0;
    while (count <= 0 || n < count) {
        VmReMatch *m;
        if (iter_step(run, it, &s, &m) != VM_OK) {
            vm_sb_fini(&b);
            return VM_ERR;
        }
        if (m == NULL) {
            break;
        }
        vm_sb_add(&b, (const char *)s.data + last, (size_t)m->off[0] - last);
        if (expand_template(run, m, t, tn, &b) != VM_OK) {
            vm_sb_fini(&b);
            return VM_ERR;
        }
        last = (size_t)m->off[1];
        n++;
    }
    vm_sb_add(&b, (const char *)s.data + last, s.len - last);
    VmValue r;
    if (sb_finish(&b, p->is_bytes, &r) != VM_OK) {
        return VM_ERR;
    }
    if (!want_n) {
        *out = r;
        return VM_OK;
    }
    VmTuple *tp = vm_tuple_new(run, 2);
    if (tp == NULL) {
        return VM_ERR;
    }
    tp->items[0] = r;
    tp->items[1] = vm_val_int(n);
    *out = vm_obj_val(tp);
    return VM_OK;
}

static bool
is_callable_repl(VmValue repl)
{
    return !vm_is(repl, &vm_type_str) && !vm_is(repl, &vm_type_bytes);
}

static VmStatus
pat_sub(VmRun *run, const char *name, VmValue *args, size_t nargs, VmTuple *kwnames,
        bool want_n, VmValue *out)
{
    static const char *const names[] = { "", "repl", "string", "count" };
    VmValue a[4];
    int64_t count;
    if (vm_parse_args(run, name, args, nargs, kwnames, names, 4, 3, 1, a) != VM_OK
        || count_arg(run, a[3], &count) != VM_OK) {
        return VM_ERR;
    }
    if (is_callable_repl(a[1])) {
        return vm_defer(run, want_n ? "_re_pattern_subn" : "_re_pattern_sub");
    }
    return subn_impl(run, VM_AS(VmRePattern, a[0]), a[1], a[2], count, want_n, out);
}

static VmStatus
m_pmb_sub(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    return pat_sub(run, "sub", args, nargs, kwnames, false, out);
}

static VmStatus
m_pmb_subn(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    return pat_sub(run, "subn", args, nargs, kwnames, true, out);
}

static const char *const flag_names[] = {
    "re.TEMPLATE", "re.IGNORECASE", "re.LOCALE", "re.MULTILINE", "re.DOTALL", "re.UNICODE",
    "re.VERBOSE", "re.DEBUG", "re.ASCII",
};

static VmStatus
pattern_repr(VmRun *run, VmValue self, VmValue *out)
{
    VmRePattern *p = VM_AS(VmRePattern, self);
    VmValue r;
    if (vm_repr(run, p->pattern, &r) != VM_OK) {
        return VM_ERR;
    }
    VmStrBuf b;
    vm_sb_init(&b, run);
    vm_sb_adds(&b, "re.compile(");
    VmStr *rs = VM_AS(VmStr, r);
    vm_sb_add(&b, rs->data, rs->len > 200 ? 200 : rs->len);
    int64_t f = p->flags;
    if (!p->is_bytes) {
        f &= ~(int64_t)RE_U;
    }
    if (f != 0) {
        vm_sb_adds(&b, ", ");
        bool first = true;
        for (int i = 0; i < 9; i++) {
            if (f & ((int64_t)1 << i)) {
                vm_sb_printf(&b, "%s%s", first ? "" : "|", flag_names[i]);
                first = false;
            }
        }
        f &= ~(int64_t)511;
        if (f != 0) {
            vm_sb_printf(&b, "%s0x%llx", first ? "" : "|", (long long)f);
        }
    }
    vm_sb_adds(&b, ")");
    return vm_sb_to_str(&b, out);
}

static VmStatus
pattern_getattr(VmRun *run, VmValue self, VmStr *name, VmValue *out)
{
    VmRePattern *p = VM_AS(VmRePattern, self);
    *out = vm_val_empty();
    if (vm_str_eq_cstr(name, "pattern")) {
        *out = p->pattern;
    } else if (vm_str_eq_cstr(name, "flags")) {
        *out = vm_val_int(p->flags);
    } else if (vm_str_eq_cstr(name, "groups")) {
        *out = vm_val_int(p->ngroups);
    } else if (vm_str_eq_cstr(name, "groupindex")) {
        VmDict *d = vm_dict_new(run);
        if (d == NULL || vm_dict_update(run, d, vm_obj_val(p->groupindex)) != VM_OK) {
            return VM_ERR;
        }
        *out = vm_obj_val(d);
    }
    return VM_OK;
}

static VmStatus
pattern_richcompare(VmRun *run, VmValue a, VmValue b, VmCmp op, VmValue *out)
{
    *out = vm_val_empty();
    if (!vm_is(b, &vm_type_re_pattern) || (op != VM_CMP_EQ && op != VM_CMP_NE)) {
        return VM_OK;
    }
    VmRePattern *x = VM_AS(VmRePattern, a), *y = VM_AS(VmRePattern, b);
    bool eq = x->flags == y->flags;
    if (eq && vm_eq(run, x->pattern, y->pattern, &eq) != VM_OK) {
        return VM_ERR;
    }
    *out = vm_val_bool(op == VM_CMP_EQ ? eq : !eq);
    return VM_OK;
}

static VmStatus
pattern_hash(VmRun *run, VmValue self, int64_t *out)
{
    VmRePattern *p = VM_AS(VmRePattern, self);
    if (vm_hash(run, p->pattern, out) != VM_OK) {
        return VM_ERR;
    }
    *out ^= p->flags;
    if (*out == -1) {
        *out = -2;
    }
    return VM_OK;
}

METHOD(pmb_match, "match", &vm_type_re_pattern);
METHOD(pmb_search, "search", &vm_type_re_pattern);
METHOD(pmb_fullmatch, "fullmatch", &vm_type_re_pattern);
METHOD(pmb_finditer, "finditer", &vm_type_re_pattern);
METHOD(pmb_findall, "findall", &vm_type_re_pattern);
METHOD(pmb_split, "split", &vm_type_re_pattern);
METHOD(pmb_sub, "sub", &vm_type_re_pattern);
METHOD(pmb_subn, "subn", &vm_type_re_pattern);

static const VmBuiltin *const pattern_methods[] = {
    &pmb_match, &pmb_search, &pmb_fullmatch, &pmb_finditer, &pmb_findall, &pmb_split,
    &pmb_sub, &pmb_subn, NULL,
};

const VmType vm_type_re_pattern = {
    VM_IMMORTAL_HDR(&vm_type_type), .name = "re.Pattern", .base = &vm_type_object,
    .trace = pattern_trace, .fini = pattern_fini, .repr = pattern_repr,
    .getattr = pattern_getattr, .richcompare = pattern_richcompare, .hash = pattern_hash,
    .methods = pattern_methods,
};

/* ---- module functions ------------------------------------------------------------ */

#define FN(cname, pyname) \
    static VmStatus f_##cname(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, \
                              VmValue *out); \
    static const VmBuiltin b_##cname = { VM_IMMORTAL_HDR(&vm_type_builtin), pyname, \
                                         f_##cname, NULL }; \
    static VmStatus f_##cname(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, \
                              VmValue *out)

FN(compile, "compile")
{
    static const char *const names[] = { "pattern", "flags" };
    VmValue a[2];
    int64_t flags = 0;
    VmRePattern *p;
    if (vm_parse_args(run, "compile", args, nargs, kwnames, names, 2, 1, 0, a) != VM_OK
        || get_flags(run, a[1], &flags) != VM_OK || compile_pattern(run, a[0], flags, &p)
        != VM_OK) {
        return VM_ERR;
    }
    *out = vm_obj_val(p);
    return VM_OK;
}

static VmStatus
fn_match(VmRun *run, const char *name, VmValue *args, size_t nargs, VmTuple *kwnames,
         MatchMode mode, VmValue *out)
{
    static const char *const names[] = { "pattern", "string", "flags" };
    VmValue a[3];
    int64_t flags = 0;
    VmRePattern *p;
    if (vm_parse_args(run, name, args, nargs, kwnames, names, 3, 2, 0, a) != VM_OK
        || get_flags(run, a[2], &flags) != VM_OK || compile_pattern(run, a[0], flags, &p)
        != VM_OK) {
        return VM_ERR;
    }
    if (mode == (MatchMode)-1) {
        return findall_impl(run, p, a[1], vm_val_empty(), vm_val_empty(), out);
    }
    if (mode == (MatchMode)-2) {
        return iter_new(run, p, a[1], vm_val_empty(), vm_val_empty(), out);
    }
    return pat_match_common(run, p, a[1], vm_val_empty(), vm_val_empty(), mode, out);
}

FN(match, "match")
{
    return fn_match(run, "match", args, nargs, kwnames, MODE_MATCH, out);
}

FN(search, "search")
{
    return fn_match(run, "search", args, nargs, kwnames, MODE_SEARCH, out);
}

FN(fullmatch, "fullmatch")
{
    return fn_match(run, "fullmatch", args, nargs, kwnames, MODE_FULL, out);
}

FN(findall, "findall")
{
    return fn_match(run, "findall", args, nargs, kwnames, (MatchMode)-1, out);
}

FN(finditer, "finditer")
{
    return fn_match(run, "finditer", args, nargs, kwnames, (MatchMode)-2, out);
}

FN(split, "split")
{
    static const char *const names[] = { "pattern", "string", "maxsplit", "flags" };
    VmValue a[4];
    int64_t flags = 0, maxsplit;
    VmRePattern *p;
    if (vm_parse_args(run, "split", args, nargs, kwnames, names, 4, 2, 0, a) != VM_OK
        || count_arg(run, a[2], &maxsplit) != VM_OK || get_flags(run, a[3], &flags) != VM_OK
        || compile_pattern(run, a[0], flags, &p) != VM_OK) {
        return VM_ERR;
    }
    return split_impl(run, p, a[1], maxsplit, out);
}

static VmStatus
fn_sub(VmRun *run, const char *name, VmValue *args, size_t nargs, VmTuple *kwnames,
       bool want_n, VmValue *out)
{
    static const char *const names[] = { "pattern", "repl", "string", "count", "flags" };
    VmValue a[5];
    int64_t flags = 0, count;
    VmRePattern *p;
    if (vm_parse_args(run, name, args, nargs, kwnames, names, 5, 3, 0, a) != VM_OK
        || count_arg(run, a[3], &count) != VM_OK || get_flags(run, a[4], &flags) != VM_OK
        || compile_pattern(run, a[0], flags, &p) != VM_OK) {
        return VM_ERR;
    }
    if (is_callable_repl(a[1])) {
        return vm_defer(run, want_n ? "_re_subn" : "_re_sub");
    }
    return subn_impl(run, p, a[1], a[2], count, want_n, out);
}

FN(sub, "sub")
{
    return fn_sub(run, "sub", args, nargs, kwnames, false, out);
}

FN(subn, "subn")
{
    return fn_sub(run, "subn", args, nargs, kwnames, true, out);
}

FN(escape, "escape")
{
    static const char *const names[] = { "pattern" };
    VmValue a[1];
    if (vm_parse_args(run, "escape", args, nargs, kwnames, names, 1, 1, 0, a) != VM_OK) {
        return VM_ERR;
    }
    bool is_bytes = vm_is(a[0], &vm_type_bytes);
    if (!is_bytes && !vm_is(a[0], &vm_type_str)) {
        return vm_raise(run, &vm_exc_TypeError, "expected str or bytes, got %s",
                        vm_type_name(a[0]));
    }
    const uint8_t *p = is_bytes ? VM_AS(VmBytes, a[0])->data
                                : (const uint8_t *)VM_AS(VmStr, a[0])->data;
    size_t n = is_bytes ? VM_AS(VmBytes, a[0])->len : VM_AS(VmStr, a[0])->len;
    /* Python escapes exactly these ASCII characters (re._special_chars_map) */
    static const char special[] = "()[]{}?*+-|^$\\.&~# \t\n\r\v\f";
    VmStrBuf b;
    vm_sb_init(&b, run);
    for (size_t i = 0; i < n; i++) {
        if (p[i] != 0 && strchr(special, p[i]) != NULL) {
            vm_sb_add(&b, "\\", 1);
        }
        vm_sb_add(&b, (const char *)p + i, 1);
    }
    return sb_finish(&b, is_bytes, out);
}

FN(purge, "purge")
{
    (void)args;
    (void)nargs;
    (void)kwnames;
    (void)run;
    *out = vm_val_none();
    return VM_OK;
}

static const VmModuleMember members[] = {
    VM_MEMBER_B("compile", &b_compile), VM_MEMBER_B("match", &b_match),
    VM_MEMBER_B("search", &b_search), VM_MEMBER_B("fullmatch", &b_fullmatch),
    VM_MEMBER_B("findall", &b_findall), VM_MEMBER_B("finditer", &b_finditer),
    VM_MEMBER_B("split", &b_split), VM_MEMBER_B("sub", &b_sub), VM_MEMBER_B("subn", &b_subn),
    VM_MEMBER_B("escape", &b_escape), VM_MEMBER_B("purge", &b_purge),
    VM_MEMBER_T("error", &vm_exc_PatternError), VM_MEMBER_T("PatternError", &vm_exc_PatternError),
    VM_MEMBER_T("Pattern", &vm_type_re_pattern), VM_MEMBER_T("Match", &vm_type_re_match),
    VM_MEMBER_I("NOFLAG", 0), VM_MEMBER_I("IGNORECASE", RE_I), VM_MEMBER_I("I", RE_I),
    VM_MEMBER_I("LOCALE", RE_L), VM_MEMBER_I("L", RE_L),
    VM_MEMBER_I("MULTILINE", RE_M), VM_MEMBER_I("M", RE_M), VM_MEMBER_I("DOTALL", RE_S),
    VM_MEMBER_I("S", RE_S), VM_MEMBER_I("UNICODE", RE_U), VM_MEMBER_I("U", RE_U),
    VM_MEMBER_I("VERBOSE", RE_X), VM_MEMBER_I("X", RE_X), VM_MEMBER_I("ASCII", RE_A),
    VM_MEMBER_I("A", RE_A),
};

VM_MODULE_DEF(re, "re", members);

/* ---- snapshots (vm/snap_heap.c) --------------------------------------------------
 * Patterns are saved as their source and flags and compiled again on load (the
 * compiled code is PCRE2's and holds pointers); matches and finditer iterators as
 * their fields, which snap_heap.c checks against the subject before setting. */

/* vm_re_snap_pattern: a pattern's source, flags and group count. */
void
vm_re_snap_pattern(const VmObj *o, VmValue *pattern, int64_t *flags, uint32_t *ngroups,
                   bool *is_bytes)
{
    const VmRePattern *p = (const VmRePattern *)o;
    *pattern = p->pattern;
    *flags = p->flags;
    *ngroups = p->ngroups;
    *is_bytes = p->is_bytes;
}

/* vm_re_snap_pattern_shell: an empty pattern object, filled by ..._compile. */
VmObj *
vm_re_snap_pattern_shell(VmRun *run)
{
    return vm_obj_new(run, &vm_type_re_pattern, sizeof(VmRePattern));
}

/* vm_re_snap_pattern_compile: compiles source/flags into the shell `o`. */
VmStatus
vm_re_snap_pattern_compile(VmRun *run, VmObj *o, VmValue pattern, int64_t flags)
{
    VmRePattern *fresh;
    if (compile_pattern(run, pattern, flags, &fresh) != VM_OK) {
        return VM_ERR;
    }
    VmRePattern *p = (VmRePattern *)o;
    VmObj hdr = p->hdr;
    *p = *fresh;
    p->hdr = hdr;
    fresh->code = NULL;     /* moved: the fresh object is garbage now */
    return VM_OK;
}

/* vm_re_snap_match: a match's fields (off: n * 4 values). */
void
vm_re_snap_match(const VmObj *o, VmObj **pat, VmValue *string, int64_t *pos, int64_t *endpos,
                 uint32_t *n, const int64_t **off)
{
    const VmReMatch *m = (const VmReMatch *)o;
    *pat = (VmObj *)m->pat;
    *string = m->string;
    *pos = m->pos;
    *endpos = m->endpos;
    *n = m->n;
    *off = m->off;
}

/* vm_re_snap_match_shell: a match of n groups (group 0 included), all unset. */
VmObj *
vm_re_snap_match_shell(VmRun *run, uint32_t n)
{
    VmReMatch *m = (VmReMatch *)vm_obj_new(run, &vm_type_re_match,
                                           sizeof(VmReMatch) + (size_t)n * 4 * sizeof(int64_t));
    if (m == NULL) {
        return NULL;
    }
    m->n = n;
    m->string = vm_val_none();
    for (size_t i = 0; i < (size_t)n * 4; i++) {
        m->off[i] = -1;
    }
    return &m->hdr;
}

/* vm_re_snap_match_set: fills a match shell (fields checked by the caller). */
void
vm_re_snap_match_set(VmObj *o, VmObj *pat, VmValue string, int64_t pos, int64_t endpos,
                     const int64_t *off)
{
    VmReMatch *m = (VmReMatch *)o;
    m->pat = (VmRePattern *)pat;
    m->string = string;
    m->pos = pos;
    m->endpos = endpos;
    memcpy(m->off, off, (size_t)m->n * 4 * sizeof(int64_t));
}

/* vm_re_snap_iter / _set: a finditer iterator's fields. */
void
vm_re_snap_iter(const VmObj *o, VmObj **pat, VmValue *string, size_t *bpos, size_t *blen,
                int64_t *pos, int64_t *endpos, bool *must_advance, bool *done)
{
    const VmReIter *it = (const VmReIter *)o;
    *pat = (VmObj *)it->pat;
    *string = it->string;
    *bpos = it->bpos;
    *blen = it->blen;
    *pos = it->pos;
    *endpos = it->endpos;
    *must_advance = it->must_advance;
    *done = it->done;
}

VmObj *
vm_re_snap_iter_shell(VmRun *run)
{
    VmReIter *it = (VmReIter *)vm_obj_new(run, &vm_type_re_iter, sizeof(VmReIter));
    if (it != NULL) {
        it->string = vm_val_none();
        it->done = true;
    }
    return it != NULL ? &it->hdr : NULL;
}

void
vm_re_snap_iter_set(VmObj *o, VmObj *pat, VmValue string, size_t bpos, size_t blen,
                    int64_t pos, int64_t endpos, bool must_advance, bool done)
{
    VmReIter *it = (VmReIter *)o;
    it->pat = (VmRePattern *)pat;
    it->string = string;
    it->bpos = bpos;
    it->blen = blen;
    it->pos = pos;
    it->endpos = endpos;
    it->must_advance = must_advance;
    it->done = done;
}
