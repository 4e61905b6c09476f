/*
 * exc.c — exception objects, the built-in hierarchy, raising and traceback text.
 *
 * Exception classes are immortal VmType values whose `base` links form CPython's
 * hierarchy. An instance (VmExc) holds args, __cause__, __context__ and a traceback
 * chain of (code, line) entries, prepended as the exception unwinds through frames.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <ctype.h>
#include <string.h>

#include "vm/modules.h"
#include "vm/vm_int.h"

static void
exc_trace(VmGc *gc, VmObj *o)
{
    VmExc *e = (VmExc *)o;
    vm_gc_mark_obj(gc, (VmObj *)e->args);
    vm_gc_mark(gc, e->cause);
    vm_gc_mark(gc, e->context);
    vm_gc_mark_obj(gc, (VmObj *)e->traceback);
    vm_gc_mark(gc, e->extra);
}

static VmStatus
exc_repr(VmRun *run, VmValue self, VmValue *out)
{
    VmExc *e = VM_AS(VmExc, self);
    VmStrBuf b;
    vm_sb_init(&b, run);
    vm_sb_adds(&b, e->hdr.type->name);
    if (e->args != NULL && e->args->len == 1) {
        vm_sb_adds(&b, "(");
        if (vm_sb_add_repr(&b, e->args->items[0]) != VM_OK) {
            vm_sb_fini(&b);
            return VM_ERR;
        }
        vm_sb_adds(&b, ")");
    } else if (e->args != NULL && e->args->len > 1) {
        if (vm_sb_add_repr(&b, vm_obj_val(e->args)) != VM_OK) {
            vm_sb_fini(&b);
            return VM_ERR;
        }
    } else {
        vm_sb_adds(&b, "()");
    }
    return vm_sb_to_str(&b, out);
}

/* BaseExceptionGroup or ExceptionGroup (whose single base here is Exception). */
static bool
is_group(const VmType *t)
{
    return vm_type_is_subtype(t, &vm_exc_BaseExceptionGroup)
           || vm_type_is_subtype(t, &vm_exc_ExceptionGroup);
}

/* args[i] when the exception has exactly n args of which args[i] is an int. */
static bool
int_arg_of(const VmExc *e, size_t n, size_t i, int64_t *out)
{
    if (e->args == NULL || e->args->len != n || e->args->items[i].tag != VM_TAG_INT) {
        return false;
    }
    *out = e->args->items[i].u.i;
    return true;
}

/* Appends CPython's escape of one code point ('\xe9', '\u20ac', '\U0001f600'). */
static void
add_char_escape(VmStrBuf *b, const VmStr *s, int64_t index)
{
    const unsigned char *p = (const unsigned char *)s->data, *end = p + s->len;
    for (int64_t i = 0; p < end && i < index; i++) {
        p += (*p < 0x80) ? 1 : (*p < 0xE0) ? 2 : (*p < 0xF0) ? 3 : 4;
    }
    uint32_t c = 0;
    if (p < end) {
        int n = (*p < 0x80) ? 1 : (*p < 0xE0) ? 2 : (*p < 0xF0) ? 3 : 4;
        c = n == 1 ? *p : (uint32_t)(*p & (0x7F >> n));
        for (int k = 1; k < n && p + k < end; k++) {
            c = (c << 6) | (p[k] & 0x3F);
        }
    }
    vm_sb_printf(b, c <= 0xFF ? "'\\x%02x'" : c <= 0xFFFF ? "'\\u%04x'" : "'\\U%08x'",
                 (unsigned)c);
}

/*
 * str() of the exceptions whose text CPython builds from their arguments:
 * OSError(errno, strerror[, filename]), UnicodeDecodeError / UnicodeEncodeError with
 * their five arguments, exception groups. False: the generic rule applies.
 */
static bool
special_str(VmRun *run, VmExc *e, VmStrBuf *b, VmStatus *st)
{
    const VmType *t = e->hdr.type;
    VmTuple *a = e->args;
    *st = VM_OK;
    if (vm_type_is_subtype(t, &vm_exc_OSError) && a != NULL && (a->len == 2 || a->len == 3)) {
        vm_sb_adds(b, "[Errno ");
        if (vm_sb_add_str(b, a->items[0]) != VM_OK || !vm_sb_adds(b, "] ")
            || vm_sb_add_str(b, a->items[1]) != VM_OK) {
            *st = VM_ERR;
            return true;
        }
        if (a->len == 3) {
            vm_sb_adds(b, ": ");
            *st = vm_sb_add_repr(b, a->items[2]);
        }
        return true;
    }
    bool dec = t == &vm_exc_UnicodeDecodeError, enc = t == &vm_exc_UnicodeEncodeError;
    int64_t start, end;
    if ((dec || enc) && int_arg_of(e, 5, 2, &start) && int_arg_of(e, 5, 3, &end)
        && vm_is(a->items[0], &vm_type_str) && vm_is(a->items[4], &vm_type_str)
        && vm_is(a->items[1], dec ? &vm_type_bytes : &vm_type_str)) {
        vm_sb_printf(b, "'%s' codec can't %s ", VM_AS(VmStr, a->items[0])->data,
                     dec ? "decode" : "encode");
        if (start >= 0 && end == start + 1) {
            if (dec && (size_t)start < VM_AS(VmBytes, a->items[1])->len) {
                vm_sb_printf(b, "byte 0x%02x", VM_AS(VmBytes, a->items[1])->data[start]);
            } else {
                vm_sb_adds(b, "character ");
                add_char_escape(b, VM_AS(VmStr, a->items[1]), start);
            }
            vm_sb_printf(b, " in position %lld: ", (long long)start);
        } else {
            vm_sb_printf(b, "%s in position %lld-%lld: ", dec ? "bytes" : "characters",
                         (long long)start, (long long)end - 1);
        }
        vm_sb_adds(b, VM_AS(VmStr, a->items[4])->data);
        return true;
    }
    if (is_group(t) && vm_is(e->extra, &vm_type_tuple)
        && a != NULL && a->len == 2) {
        size_t n = VM_AS(VmTuple, e->extra)->len;
        *st = vm_sb_add_str(b, a->items[0]);
        vm_sb_printf(b, " (%zu sub-exception%s)", n, n == 1 ? "" : "s");
        return true;
    }
    (void)run;
    return false;
}

/* vm_exc_str: str(exc) as CPython (KeyError shows the repr of its key). */
VmStatus
vm_exc_str(VmRun *run, VmValue self, VmValue *out)
{
    VmExc *e = VM_AS(VmExc, self);
    {
        VmStrBuf b;
        VmStatus st;
        vm_sb_init(&b, run);
        if (special_str(run, e, &b, &st)) {
            if (st != VM_OK) {
                vm_sb_fini(&b);
                return VM_ERR;
            }
            return vm_sb_to_str(&b, out);
        }
        vm_sb_fini(&b);
    }
    if (e->args == NULL || e->args->len == 0) {
        *out = vm_str_val(run, "", 0);
        return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
    }
    if (e->args->len == 1) {
        if (vm_type_is_subtype(e->hdr.type, &vm_exc_KeyError)) {
            return vm_repr(run, e->args->items[0], out);
        }
        return vm_str(run, e->args->items[0], out);
    }
    return vm_str(run, vm_obj_val(e->args), out);
}

/* OSError(errno, ...) makes the subclass CPython maps errno to (Linux numbers). */
static const VmType *
oserror_subtype(int64_t err)
{
    switch (err) {
    case 1: case 13: return &vm_exc_PermissionError;            /* EPERM, EACCES */
    case 2: return &vm_exc_FileNotFoundError;                   /* ENOENT */
    case 3: return &vm_exc_ProcessLookupError;                  /* ESRCH */
    case 4: return &vm_exc_InterruptedError;                    /* EINTR */
    case 10: return &vm_exc_ChildProcessError;                  /* ECHILD */
    case 11: case 114: case 115: return &vm_exc_BlockingIOError; /* EAGAIN, EALREADY.. */
    case 17: return &vm_exc_FileExistsError;                    /* EEXIST */
    case 20: return &vm_exc_NotADirectoryError;                 /* ENOTDIR */
    case 21: return &vm_exc_IsADirectoryError;                  /* EISDIR */
    case 32: case 108: return &vm_exc_BrokenPipeError;          /* EPIPE, ESHUTDOWN */
    case 103: return &vm_exc_ConnectionAbortedError;            /* ECONNABORTED */
    case 104: return &vm_exc_ConnectionResetError;              /* ECONNRESET */
    case 110: return &vm_exc_TimeoutError;                      /* ETIMEDOUT */
    case 111: return &vm_exc_ConnectionRefusedError;            /* ECONNREFUSED */
    default: return &vm_exc_OSError;
    }
}

/*
 * BaseExceptionGroup(message, exceptions): CPython's checks; *group = the exceptions as
 * a tuple (kept in VmExc.extra). BaseExceptionGroup of Exceptions only is an
 * ExceptionGroup.
 */
static VmStatus
group_check(VmRun *run, const VmType **t, VmValue *args, size_t nargs, VmValue *group)
{
    if (nargs != 2) {
        return vm_raise(run, &vm_exc_TypeError,
                        "BaseExceptionGroup.__new__() takes exactly 2 arguments (%zu given)",
                        nargs);
    }
    if (!vm_is(args[0], &vm_type_str)) {
        return vm_raise(run, &vm_exc_TypeError,
                        "BaseExceptionGroup.__new__() argument 1 must be str, not %s",
                        vm_type_name(args[0]));
    }
    VmValue seq = args[1];
    if (!vm_is(seq, &vm_type_list) && !vm_is(seq, &vm_type_tuple)) {
        return vm_raise(run, &vm_exc_TypeError,
                        "second argument (exceptions) must be a sequence");
    }
    VmValue *items = vm_is(seq, &vm_type_list) ? VM_AS(VmList, seq)->items
                                               : VM_AS(VmTuple, seq)->items;
    size_t n = vm_is(seq, &vm_type_list) ? VM_AS(VmList, seq)->len : VM_AS(VmTuple, seq)->len;
    if (n == 0) {
        return vm_raise(run, &vm_exc_ValueError,
                        "second argument (exceptions) must be a non-empty sequence");
    }
    bool all_exc = true;
    for (size_t i = 0; i < n; i++) {
        if (!vm_val_is_obj(items[i]) || !(items[i].u.o->type->flags & VM_TYPE_EXC)) {
            return vm_raise(run, &vm_exc_ValueError,
                            "Item %zu of second argument (exceptions) is not an exception", i);
        }
        all_exc = all_exc && vm_type_is_subtype(items[i].u.o->type, &vm_exc_Exception);
    }
    if (*t == &vm_exc_BaseExceptionGroup && all_exc) {
        *t = &vm_exc_ExceptionGroup;
    } else if (vm_type_is_subtype(*t, &vm_exc_Exception) && !all_exc) {
        return vm_raise(run, &vm_exc_TypeError,
                        "Cannot nest BaseExceptions in an ExceptionGroup");
    }
    VmTuple *tup = vm_tuple_new(run, n);
    if (tup == NULL) {
        return VM_ERR;
    }
    for (size_t i = 0; i < n; i++) {
        tup->items[i] = items[i];
    }
    *group = vm_obj_val(tup);
    return VM_OK;
}

static VmStatus
exc_new(VmRun *run, const VmType *t, VmValue *args, size_t nargs, VmTuple *kwnames,
        VmValue *out)
{
    if (kwnames != NULL && kwnames->len > 0) {
        return vm_raise(run, &vm_exc_TypeError, "%s() takes no keyword arguments", t->name);
    }
    if (t == &vm_exc_OSError && nargs >= 2 && nargs <= 5 && args[0].tag == VM_TAG_INT) {
        t = oserror_subtype(args[0].u.i);
    }
    VmValue group = vm_val_empty();
    if (is_group(t) && group_check(run, &t, args, nargs, &group) != VM_OK) {
        return VM_ERR;
    }
    VmTuple *tup = vm_tuple_new(run, nargs);
    if (tup == NULL) {
        return VM_ERR;
    }
    for (size_t i = 0; i < nargs; i++) {
        tup->items[i] = args[i];
    }
    *out = vm_exc_new(run, t, tup);
    if (!vm_val_is_empty(*out)) {
        VM_AS(VmExc, *out)->extra = group;
    }
    return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
}

static VmStatus
exc_getattr(VmRun *run, VmValue self, VmStr *name, VmValue *out)
{
    VmExc *e = VM_AS(VmExc, self);
    if (vm_str_eq_cstr(name, "args")) {
        *out = e->args ? vm_obj_val(e->args) : vm_obj_val(&vm_empty_tuple);
    } else if (vm_str_eq_cstr(name, "__cause__")) {
        *out = vm_val_is_empty(e->cause) ? vm_val_none() : e->cause;
    } else if (vm_str_eq_cstr(name, "__context__")) {
        *out = vm_val_is_empty(e->context) ? vm_val_none() : e->context;
    } else if (vm_str_eq_cstr(name, "__suppress_context__")) {
        *out = vm_val_bool(e->suppress_context);
    } else if (vm_str_eq_cstr(name, "code")
               && vm_type_is_subtype(e->hdr.type, &vm_exc_SystemExit)) {
        *out = e->args && e->args->len == 1 ? e->args->items[0]
               : e->args && e->args->len > 1 ? vm_obj_val(e->args) : vm_val_none();
    } else if (vm_str_eq_cstr(name, "value")
               && vm_type_is_subtype(e->hdr.type, &vm_exc_StopIteration)) {
        *out = e->args && e->args->len > 0 ? e->args->items[0] : vm_val_none();
    } else if (vm_type_is_subtype(e->hdr.type, &vm_exc_OSError)
               && (vm_str_eq_cstr(name, "errno") || vm_str_eq_cstr(name, "strerror")
                   || vm_str_eq_cstr(name, "filename") || vm_str_eq_cstr(name, "filename2"))) {
        /* OSError(errno, strerror[, filename[, winerror[, filename2]]]) */
        size_t n = e->args ? e->args->len : 0;
        size_t i = vm_str_eq_cstr(name, "errno") ? 0 : vm_str_eq_cstr(name, "strerror") ? 1
                   : vm_str_eq_cstr(name, "filename") ? 2 : 4;
        *out = n >= 2 && n <= 5 && i < n ? e->args->items[i] : vm_val_none();
    } else if ((e->hdr.type == &vm_exc_UnicodeDecodeError
                || e->hdr.type == &vm_exc_UnicodeEncodeError)
               && e->args != NULL && e->args->len == 5) {
        static const char *const attrs[] = { "encoding", "object", "start", "end", "reason" };
        *out = vm_val_empty();
        for (size_t i = 0; i < 5; i++) {
            if (vm_str_eq_cstr(name, attrs[i])) {
                *out = e->args->items[i];
            }
        }
    } else if (is_group(e->hdr.type) && vm_is(e->extra, &vm_type_tuple)
               && (vm_str_eq_cstr(name, "exceptions") || vm_str_eq_cstr(name, "message"))) {
        *out = vm_str_eq_cstr(name, "exceptions") ? e->extra : e->args->items[0];
    } else if (e->hdr.type == &vm_exc_JSONDecodeError && vm_is(e->extra, &vm_type_tuple)
               && VM_AS(VmTuple, e->extra)->len == 5) {
        /* mod_json.c's dec_error stores (msg, doc, pos, lineno, colno) */
        static const char *const attrs[] = { "msg", "doc", "pos", "lineno", "colno" };
        *out = vm_val_empty();
        for (size_t i = 0; i < 5; i++) {
            if (vm_str_eq_cstr(name, attrs[i])) {
                *out = VM_AS(VmTuple, e->extra)->items[i];
            }
        }
    } else {
        *out = vm_val_empty();
    }
    return VM_OK;
}

#define EXC_SLOTS \
    .flags = VM_TYPE_EXC, .trace = exc_trace, .repr = exc_repr, .str = vm_exc_str, \
    .getattr = exc_getattr, .new_ = exc_new

const VmType vm_exc_BaseException = {
    VM_IMMORTAL_HDR(&vm_type_type), .name = "BaseException", .base = &vm_type_object,
    EXC_SLOTS,
};
#define X(name_, base_) \
    const VmType vm_exc_##name_ = { \
        VM_IMMORTAL_HDR(&vm_type_type), .name = #name_, .base = &vm_exc_##base_, EXC_SLOTS, \
    };
VM_EXC_TYPES(X)
#undef X

static const VmType *const all_exc[] = {
    &vm_exc_BaseException,
#define X(name_, base_) &vm_exc_##name_,
    VM_EXC_TYPES(X)
#undef X
};

/* vm_exc_type_by_name: the built-in exception class called `name`, or NULL. */
const VmType *
vm_exc_type_by_name(const char *name)
{
    for (size_t i = 0; i < sizeof all_exc / sizeof all_exc[0]; i++) {
        if (strcmp(all_exc[i]->name, name) == 0) {
            return all_exc[i];
        }
    }
    return NULL;
}

/* vm_exc_new: an exception instance (args may be NULL for none). EMPTY on failure. */
VmValue
vm_exc_new(VmRun *run, const VmType *type, VmTuple *args)
{
    VmExc *e = (VmExc *)vm_obj_new(run, type, sizeof(VmExc));
    if (e == NULL) {
        return vm_val_empty();
    }
    e->exc_type = type;
    e->args = args;
    e->cause = vm_val_empty();
    e->context = vm_val_empty();
    e->extra = vm_val_empty();
    return vm_obj_val(e);
}

/* vm_raise_value: sets `exc` (an exception instance) as the run's pending exception. */
VmStatus
vm_raise_value(VmRun *run, VmValue exc)
{
    run->exc = exc;
    return VM_ERR;
}

/* vm_raise_with_arg: raises type(arg). */
VmStatus
vm_raise_with_arg(VmRun *run, const VmType *type, VmValue arg)
{
    VmTuple *t = vm_tuple_new(run, 1);
    if (t == NULL) {
        return VM_ERR;
    }
    t->items[0] = arg;
    VmValue e = vm_exc_new(run, type, t);
    if (vm_val_is_empty(e)) {
        return VM_ERR;
    }
    return vm_raise_value(run, e);
}

/*
 * vm_raise: raises type(message) with a printf-formatted message ("" gives no args).
 * If even that cannot be allocated, the sticky memory limit ends the run.
 */
VmStatus
vm_raise(VmRun *run, const VmType *type, const char *fmt, ...)
{
    char small[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) {
        n = 0;
        small[0] = 0;
    }
    if ((size_t)n >= sizeof small) {
        n = sizeof small - 1;
    }
    if (run->heap.limit != VM_LIMIT_NONE) {
        return VM_ERR;
    }
    VmTuple *args = NULL;
    if (n > 0) {
        VmStr *s = vm_str_new(run, small, (size_t)n);
        args = s ? vm_tuple_new(run, 1) : NULL;
        if (args == NULL) {
            run->heap.limit = VM_LIMIT_MEMORY;
            return VM_ERR;
        }
        args->items[0] = vm_obj_val(s);
    }
    VmValue e = vm_exc_new(run, type, args);
    if (vm_val_is_empty(e)) {
        run->heap.limit = VM_LIMIT_MEMORY;
        return VM_ERR;
    }
    return vm_raise_value(run, e);
}

/* vm_raise_limit: records a hit resource limit; the run ends, uncatchably. */
VmStatus
vm_raise_limit(VmRun *run, VmLimitKind kind)
{
    if (run->heap.limit == VM_LIMIT_NONE) {
        run->heap.limit = kind;
    }
    run->exc = vm_val_empty();
    return VM_ERR;
}

/* vm_exc_matches: isinstance(exc, type) for except clauses. */
bool
vm_exc_matches(VmValue exc, const VmType *type)
{
    return vm_isinstance(exc, type);
}

/* vm_exc_add_traceback: records that `exc` passed through (code, line). */
void
vm_exc_add_traceback(VmRun *run, VmValue exc, uint32_t code_index, uint32_t lineno,
                     uint32_t pc)
{
    if (!vm_val_is_obj(exc) || !(exc.u.o->type->flags & VM_TYPE_EXC)
        || (code_index & VM_PRELUDE_BIT) != 0) {
        /* prelude frames are the builtins' own: CPython shows no frame for them */
        return;
    }
    VmExc *e = VM_AS(VmExc, exc);
    VmTraceback *tb = (VmTraceback *)vm_obj_new(run, &vm_type_traceback, sizeof *tb);
    if (tb == NULL) {
        return;
    }
    tb->next = e->traceback;
    tb->code_index = code_index;
    tb->lineno = lineno;
    tb->pc = pc;
    tb->name_index = code_index;
    e->traceback = tb;
}

static void
tb_trace(VmGc *gc, VmObj *o)
{
    vm_gc_mark_obj(gc, (VmObj *)((VmTraceback *)o)->next);
}

const VmType vm_type_traceback = {
    VM_IMMORTAL_HDR(&vm_type_type), .name = "traceback", .base = &vm_type_object,
    .trace = tb_trace,
};

/* Finds source line `lineno` (1-based): [*start, *end) without the newline. */
static bool
find_line(const CmpProgram *p, uint32_t lineno, const char **start, const char **end)
{
    if (p->source == NULL || lineno == 0) {
        return false;
    }
    const char *s = p->source, *e = p->source + p->source_len;
    for (uint32_t l = 1; l < lineno && s < e; s++) {
        if (*s == '\n') {
            l++;
        }
    }
    if (s >= e && lineno > 1) {
        return false;
    }
    const char *t = s;
    while (t < e && *t != '\n') {
        t++;
    }
    if (t > s && t[-1] == '\r') {
        t--;
    }
    *start = s;
    *end = t;
    return true;
}

static size_t
nchars(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++) {
        if (((unsigned char)s[i] & 0xC0) != 0x80) {
            c++;
        }
    }
    return c;
}

/* Precedence of a binary operator token (higher binds tighter), 0 if none. */
static int
binop_prec(const char *s, size_t n, size_t *len)
{
    static const struct { const char *op; int prec; } ops[] = {
        { "**", 7 }, { "//", 5 }, { "<<", 3 }, { ">>", 3 }, { "*", 5 }, { "/", 5 },
        { "%", 5 }, { "@", 5 }, { "+", 4 }, { "-", 4 }, { "&", 2 }, { "^", 1 }, { "|", 0 },
    };
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
        size_t l = strlen(ops[i].op);
        if (l <= n && memcmp(s, ops[i].op, l) == 0) {
            if (l == 1 && n > 1 && s[1] == '=') {
                return -1;      /* augmented assignment or comparison */
            }
            *len = l;
            return ops[i].prec + 1;
        }
    }
    return 0;
}

static bool binop_anchor(const char *seg, size_t n, size_t *a, size_t *b);

/*
 * Anchors of CPython 3.13's caret line inside segment seg[0..n): characters in
 * [a, b) get '^', the rest '~'. Returns false when there are none.
 */
static bool
find_anchors(CmpOpcode op, const char *seg, size_t n, size_t *a, size_t *b, bool *is_call)
{
    static const char *const stmts[] = { "raise", "assert", "return", "del", "import", "from",
                                         "yield", "await", "lambda", "not" };
    *is_call = false;
    (void)op;
    for (size_t k = 0; k < sizeof stmts / sizeof stmts[0]; k++) {
        size_t l = strlen(stmts[k]);
        if (n > l && memcmp(seg, stmts[k], l) == 0 && (seg[l] == ' ' || seg[l] == '(')) {
            return false;
        }
    }
    if (binop_anchor(seg, n, a, b)) {
        return true;
    }
    if (n == 0 || (seg[n - 1] != ')' && seg[n - 1] != ']')) {
        return false;
    }
    char close = seg[n - 1];
    char open = close == ']' ? '[' : '(';
    int depth = 0;
    for (size_t i = n; i-- > 0;) {
        char c = seg[i];
        if (c == ')' || c == ']' || c == '}') {
            depth++;
        } else if (c == '(' || c == '[' || c == '{') {
            depth--;
            if (depth == 0) {
                if (c != open || i == 0) {
                    return false;
                }
                /* the part before must be a primary (no top-level spaces) */
                int d2 = 0;
                for (size_t k = 0; k < i; k++) {
                    char q = seg[k];
                    d2 += (q == '(' || q == '[' || q == '{') - (q == ')' || q == ']' || q == '}');
                    if (d2 == 0 && (q == ' ' || q == ',')) {
                        return false;
                    }
                }
                *a = i;
                *b = n;
                *is_call = open == '(';
                return true;
            }
        } else if (c == '"' || c == '\'') {
            size_t j = i;
            while (j-- > 0 && seg[j] != c) {
            }
            if (j == (size_t)-1) {
                return false;
            }
            i = j;
        }
    }
    return false;
}

static bool
binop_anchor(const char *seg, size_t n, size_t *a, size_t *b)
{

    int depth = 0, best_prec = 100;
    size_t best = 0, best_len = 0;
    bool prev_operand = false;
    for (size_t i = 0; i < n; i++) {
        char c = seg[i];
        if (c == '(' || c == '[' || c == '{') {
            depth++;
            prev_operand = false;
            continue;
        }
        if (c == ')' || c == ']' || c == '}') {
            depth--;
            prev_operand = true;
            continue;
        }
        if (c == '"' || c == '\'') {
            size_t j = i + 1;
            while (j < n && seg[j] != c) {
                j += seg[j] == '\\' ? 2 : 1;
            }
            i = j;
            prev_operand = true;
            continue;
        }
        if (c == ' ' || c == '\t') {
            continue;
        }
        size_t len;
        int prec = depth == 0 ? binop_prec(seg + i, n - i, &len) : 0;
        if (prec > 0 && prev_operand) {
            /* left-associative: the root is the rightmost of the lowest precedence;
             * ** is right-associative: the leftmost */
            if (prec < best_prec || (prec == best_prec && prec != 8)) {
                best_prec = prec;
                best = i;
                best_len = len;
            }
            i += len - 1;
            prev_operand = false;
            continue;
        }
        if (prec < 0) {
            return false;
        }
        prev_operand = isalnum((unsigned char)c) || c == '_' || c == '.'
                       || (unsigned char)c >= 0x80;
    }
    if (best_len == 0) {
        return false;
    }
    *a = best;
    *b = best + best_len;
    return true;
}

/* Writes the source line and, where CPython does, the caret line. */
static void
add_source_lines(VmStrBuf *b, const CmpProgram *p, const VmTraceback *tb)
{
    const char *ls, *le;
    if (!find_line(p, tb->lineno, &ls, &le)) {
        return;
    }
    const char *s = ls, *e = le;
    while (s < e && (*s == ' ' || *s == '\t' || *s == '\f')) {
        s++;
    }
    while (e > s && (e[-1] == ' ' || e[-1] == '\t')) {
        e--;
    }
    if (e == s) {
        return;
    }
    vm_sb_adds(b, "    ");
    vm_sb_add(b, s, (size_t)(e - s));
    vm_sb_adds(b, "\n");
    if (tb->code_index >= p->ncodes) {
        return;
    }
    const CmpCode *code = &p->codes[tb->code_index];
    if (code->locs == NULL || tb->pc >= code->ncode) {
        return;
    }
    const CmpLoc *loc = &code->locs[tb->pc];
    if (loc->lineno != tb->lineno || loc->end_lineno != loc->lineno
        || loc->end_col <= loc->col || ls + loc->end_col > le) {
        return;
    }
    const char *seg = ls + loc->col, *segend = ls + loc->end_col;
    if (seg < s) {
        return;
    }
    size_t n = (size_t)(segend - seg);
    size_t a = 0, z = 0;
    CmpOpcode op = CMP_OP(code->code[tb->pc]);
    bool is_call;
    bool anchors = find_anchors(op, seg, n, &a, &z, &is_call);
    if (anchors && is_call) {
        /* `return name(...)` and `x = any.call(...)` spanning the statement: none
         * (traceback.py's _should_show_carets) */
        bool simple = a > 0;
        for (size_t i = 0; i < a && simple; i++) {
            simple = isalnum((unsigned char)seg[i]) || seg[i] == '_'
                     || (unsigned char)seg[i] >= 0x80;
        }
        const char *before = s;
        size_t blen = (size_t)(seg - s);
        bool stmt = simple && (blen == 7 && memcmp(before, "return ", 7) == 0);
        if (!stmt && blen >= 4 && memcmp(seg - 3, " = ", 3) == 0) {
            stmt = true;
            for (const char *q = s; q < seg - 3; q++) {
                /* a non-ASCII target shows carets: CPython compares a byte offset
                 * with a character offset there */
                if (!(isalnum((unsigned char)*q) || *q == '_')) {
                    stmt = false;
                }
            }
        }
        if (stmt && segend == e) {
            return;
        }
    }
    if (!anchors && seg == s && segend == e) {
        return;
    }
    vm_sb_adds(b, "    ");
    for (size_t i = nchars(s, (size_t)(seg - s)); i > 0; i--) {
        vm_sb_adds(b, " ");
    }
    for (size_t i = 0; i < n; i++) {
        if (((unsigned char)seg[i] & 0xC0) == 0x80) {
            continue;
        }
        vm_sb_adds(b, !anchors || (i >= a && i < z) ? "^" : "~");
    }
    vm_sb_adds(b, "\n");
}

/* CPython's suggestion distance (Python/suggestions.c): case changes cost 1, other
 * edits 2; NULL-free strings of at most 40 bytes. */
static size_t
edit_distance(const char *a, size_t na, const char *b, size_t nb, size_t max)
{
    size_t row[41];
    if (na > 40 || nb > 40) {
        return max + 1;
    }
    for (size_t j = 0; j <= nb; j++) {
        row[j] = j * 2;
    }
    for (size_t i = 1; i <= na; i++) {
        size_t diag = row[0], best = row[0] = i * 2;
        for (size_t j = 1; j <= nb; j++) {
            char x = a[i - 1], y = b[j - 1];
            size_t sub = x == y ? 0 : (tolower((unsigned char)x) == tolower((unsigned char)y)
                                       ? 1 : 2);
            size_t v = diag + sub;
            if (row[j] + 2 < v) {
                v = row[j] + 2;
            }
            if (row[j - 1] + 2 < v) {
                v = row[j - 1] + 2;
            }
            diag = row[j];
            row[j] = v;
            if (v < best) {
                best = v;
            }
        }
        if (best > max) {
            return max + 1;
        }
    }
    return row[nb];
}

static void
consider(const char *name, size_t n, const char *cand, size_t cn, const char **best,
         size_t *best_len, size_t *best_cost)
{
    if (cn == n && memcmp(cand, name, n) == 0) {
        return;
    }
    size_t max = (n + cn + 3) * 2 / 6;
    size_t d = edit_distance(name, n, cand, cn, max);
    if (d <= max && d < *best_cost) {
        *best = cand;
        *best_len = cn;
        *best_cost = d;
    }
}

/*
 * vm_raise_unexpected_kw: TypeError "f() got an unexpected keyword argument 'kw'" with
 * CPython 3.13's ". Did you mean 'x'?" when one of the n parameter names `cands` (NULL
 * or "" entries are skipped) is close to `kw`.
 */
VmStatus
vm_raise_unexpected_kw(VmRun *run, const char *fname, const VmStr *kw,
                       const char *const *cands, size_t n)
{
    const char *best = NULL;
    size_t best_len = 0, best_cost = (size_t)-1;
    for (size_t i = 0; i < n; i++) {
        if (cands[i] != NULL && cands[i][0] != 0) {
            consider(kw->data, kw->len, cands[i], strlen(cands[i]), &best, &best_len,
                     &best_cost);
        }
    }
    if (best != NULL) {
        return vm_raise(run, &vm_exc_TypeError,
                        "%s() got an unexpected keyword argument '%s'. Did you mean '%.*s'?",
                        fname, kw->data, (int)best_len, best);
    }
    return vm_raise(run, &vm_exc_TypeError, "%s() got an unexpected keyword argument '%s'",
                    fname, kw->data);
}

/* "Did you mean: 'x'?" for `name 'y' is not defined`, from globals and builtins. */
static void
add_name_suggestion(VmRun *run, VmStrBuf *b, VmExc *e)
{
    if (e->args == NULL || e->args->len != 1 || !vm_is(e->args->items[0], &vm_type_str)) {
        return;
    }
    const VmStr *msg = VM_AS(VmStr, e->args->items[0]);
    const char *pre = "name '", *post = "' is not defined";
    size_t lp = strlen(pre), lq = strlen(post);
    if (msg->len <= lp + lq || memcmp(msg->data, pre, lp) != 0
        || memcmp(msg->data + msg->len - lq, post, lq) != 0) {
        return;
    }
    const char *name = msg->data + lp;
    size_t n = msg->len - lp - lq;
    const char *best = NULL;
    size_t best_len = 0, best_cost = (size_t)-1;
    VmDict *g = run->globals;
    for (size_t i = 0; g != NULL && i < g->nentries && i < 750; i++) {
        VmValue k = g->entries[i].key;
        if (vm_is(k, &vm_type_str)) {
            consider(name, n, VM_AS(VmStr, k)->data, VM_AS(VmStr, k)->len, &best, &best_len,
                     &best_cost);
        }
    }
    if (best == NULL) {
        for (size_t i = 0; vm_builtins_name(i) != NULL; i++) {
            const char *c = vm_builtins_name(i);
            consider(name, n, c, strlen(c), &best, &best_len, &best_cost);
        }
    }
    if (best != NULL) {
        vm_sb_adds(b, ". Did you mean: '");
        vm_sb_add(b, best, best_len);
        vm_sb_adds(b, "'?");
    }
}

/* The text between the first two single quotes of msg after `pre`, or NULL. */
static const char *
quoted_after(const VmStr *msg, const char *pre, size_t *n)
{
    size_t lp = strlen(pre);
    if (msg->len <= lp || memcmp(msg->data, pre, lp) != 0) {
        return NULL;
    }
    const char *q = memchr(msg->data + lp, '\'', msg->len - lp);
    if (q == NULL) {
        return NULL;
    }
    *n = (size_t)(q - (msg->data + lp));
    return msg->data + lp;
}

/*
 * ". Did you mean: 'upper'?" after "'str' object has no attribute 'uper'" (methods of a
 * builtin type) or "module 'json' has no attribute 'dump'" (the module's members), as
 * CPython's traceback display adds it.
 */
static void
add_attr_suggestion(VmStrBuf *b, VmExc *e)
{
    if (e->args == NULL || e->args->len != 1 || !vm_is(e->args->items[0], &vm_type_str)) {
        return;
    }
    const VmStr *msg = VM_AS(VmStr, e->args->items[0]);
    static const char mid[] = " has no attribute '";
    const char *at = NULL;
    for (size_t i = 0; i + sizeof mid - 1 < msg->len; i++) {
        if (memcmp(msg->data + i, mid, sizeof mid - 1) == 0) {
            at = msg->data + i;
            break;
        }
    }
    if (at == NULL || msg->data[msg->len - 1] != '\'') {
        return;
    }
    const char *name = at + sizeof mid - 1;
    size_t n = (size_t)(msg->data + msg->len - 1 - name);
    const char *best = NULL;
    size_t best_len = 0, best_cost = (size_t)-1, tn;
    const char *owner;
    if ((owner = quoted_after(msg, "module '", &tn)) != NULL) {
        for (size_t i = 0;; i++) {
            const char *c = vm_module_member_name(owner, tn, i);
            if (c == NULL) {
                break;
            }
            consider(name, n, c, strlen(c), &best, &best_len, &best_cost);
        }
    } else if ((owner = quoted_after(msg, "'", &tn)) != NULL) {
        const VmBuiltin *bt = vm_builtins_lookup(owner, tn);
        if (bt == NULL || !vm_is(vm_obj_val(bt), &vm_type_type)) {
            return;
        }
        for (const VmType *t = (const VmType *)bt; t != NULL; t = t->base) {
            for (const VmBuiltin *const *m = t->methods; m && *m; m++) {
                consider(name, n, (*m)->name, strlen((*m)->name), &best, &best_len,
                         &best_cost);
            }
        }
    }
    if (best != NULL) {
        vm_sb_adds(b, ". Did you mean: '");
        vm_sb_add(b, best, best_len);
        vm_sb_adds(b, "'?");
    }
}

/* The module CPython shows before a stdlib exception's name in a traceback. */
static const char *
exc_module_prefix(const VmType *t)
{
    if (t == &vm_exc_JSONDecodeError) {
        return "json.decoder.";
    }
    if (t == &vm_exc_PatternError) {
        return "re.";
    }
    if (t == &vm_exc_StatisticsError) {
        return "statistics.";
    }
    return "";
}

static void
format_one(VmRun *run, VmStrBuf *b, VmValue exc)
{
    VmExc *e = VM_AS(VmExc, exc);
    const CmpProgram *p = run->program;
    if (e->traceback != NULL) {
        vm_sb_adds(b, "Traceback (most recent call last):\n");
        const VmTraceback *prev = NULL;
        size_t repeat = 0;
        for (VmTraceback *tb = e->traceback; tb != NULL; tb = tb->next) {
            if (prev != NULL && prev->code_index == tb->code_index
                && prev->lineno == tb->lineno) {
                repeat++;
            } else {
                if (repeat > 2) {
                    vm_sb_printf(b, "  [Previous line repeated %zu more time%s]\n", repeat - 2,
                                 repeat - 2 == 1 ? "" : "s");
                }
                repeat = 0;
            }
            prev = tb;
            if (repeat > 2) {
                continue;
            }
            const char *fn = (tb->name_index & VM_PRELUDE_BIT) == 0 && tb->name_index < p->ncodes
                             ? p->codes[tb->name_index].name : "?";
            vm_sb_printf(b, "  File \"%s\", line %u, in %s\n", p->filename ? p->filename : "",
                         tb->lineno, fn);
            add_source_lines(b, p, tb);
        }
        if (repeat > 2) {
            vm_sb_printf(b, "  [Previous line repeated %zu more time%s]\n", repeat - 2,
                         repeat - 2 == 1 ? "" : "s");
        }
    }
    vm_sb_adds(b, exc_module_prefix(e->hdr.type));
    vm_sb_adds(b, e->hdr.type->name);
    VmValue msg;
    if (vm_exc_str(run, exc, &msg) == VM_OK) {
        VmStr *s = VM_AS(VmStr, msg);
        if (s->len > 0) {
            vm_sb_adds(b, ": ");
            vm_sb_add(b, s->data, s->len);
        }
        if (e->hdr.type == &vm_exc_NameError) {
            add_name_suggestion(run, b, e);
        } else if (e->hdr.type == &vm_exc_AttributeError) {
            add_attr_suggestion(b, e);
        }
    } else {
        run->exc = vm_val_empty();
        vm_sb_adds(b, ": <exception str() failed>");
    }
    vm_sb_adds(b, "\n");
}

/*
 * vm_exc_format: the whole CPython-format report of `exc`, causes and contexts first
 * ("The above exception was the direct cause..."). malloc'd; NULL on OOM.
 */
char *
vm_exc_format(VmRun *run, VmValue exc)
{
    VmValue chain[64];
    int kinds[64];
    int n = 0;
    VmValue cur = exc;
    while (n < 64 && vm_val_is_obj(cur) && (cur.u.o->type->flags & VM_TYPE_EXC)) {
        bool seen = false;
        for (int i = 0; i < n; i++) {
            seen = seen || vm_val_same(chain[i], cur);
        }
        if (seen) {
            break;
        }
        chain[n] = cur;
        VmExc *e = VM_AS(VmExc, cur);
        if (vm_val_is_obj(e->cause)) {
            kinds[n++] = 1;
            cur = e->cause;
        } else if (vm_val_is_obj(e->context) && !e->suppress_context) {
            kinds[n++] = 2;
            cur = e->context;
        } else {
            kinds[n++] = 0;
            break;
        }
    }
    VmStrBuf b;
    vm_sb_init(&b, run);
    for (int i = n - 1; i >= 0; i--) {
        format_one(run, &b, chain[i]);
        if (i > 0) {
            vm_sb_adds(&b, kinds[i - 1] == 1
                        ? "\nThe above exception was the direct cause of the following "
                          "exception:\n\n"
                        : "\nDuring handling of the above exception, another exception "
                          "occurred:\n\n");
        }
    }
    char *out = malloc(b.len + 1);
    if (out != NULL) {
        vm_memcpy(out, b.data ? b.data : "", b.len);
        out[b.len] = 0;
    }
    vm_sb_fini(&b);
    return out;
}

/* Exception classes of stdlib modules (vm/modules.h; MOD engineer): defined here for
 * EXC_SLOTS, not builtins (vm_exc_type_by_name does not find them). */
const VmType vm_exc_JSONDecodeError = {
    VM_IMMORTAL_HDR(&vm_type_type), .name = "JSONDecodeError", .base = &vm_exc_ValueError,
    EXC_SLOTS,
};
const VmType vm_exc_PatternError = {
    VM_IMMORTAL_HDR(&vm_type_type), .name = "PatternError", .base = &vm_exc_Exception,
    EXC_SLOTS,
};
const VmType vm_exc_StatisticsError = {
    VM_IMMORTAL_HDR(&vm_type_type), .name = "StatisticsError", .base = &vm_exc_ValueError,
    EXC_SLOTS,
};
