/*
 * api.c — include/monty.h over the components: grammar/parse.h (source to
 * AST), compiler/compiler.h (AST to program), checker/checker.h (stubs and
 * diagnostics), vm/vm.h (runs and events) and vm/snapshot.h (durable runs).
 *
 * Events are converted from VM values into MontyValue trees on each step.
 * To keep the external-call round trip allocation-light, the tree borrows
 * string bytes straight from the run's heap (VmStr keeps a NUL after its
 * bytes) and takes every node array from a per-run scratch arena that is
 * reset, not freed, at the next step. Both stay valid exactly as long as the
 * header promises: until the next call that advances or frees the run.
 */
#include <time.h>

#include "checker/checker.h"
#include "compiler/compiler.h"
#include "grammar/parse.h"
#include "vm/api_int.h"
#include "vm/snapshot.h"
#include "vm/vm.h"
#include "vm/vm_int.h"      /* a loaded run's limits (VmRun.limits) */

/* Depth beyond which a returned value is summarised instead of converted:
 * the conversion recurses on the C stack, and a script can build a list
 * nested a million deep (or containing itself). */
#define API_MAX_DEPTH 200

struct MontyProgram {
    CmpProgram *prog;
};

struct MontyStubs {
    ChkStubs *stubs;
};

struct MontyDiagnostics {
    ChkResult *res;
};

struct MontyEvent {
    MontyEventKind kind;
    MontyValue value;
    uint64_t call_id;
    const char *function;
    MontyValue *args;
    size_t nargs;
    const char **kwnames;
    MontyValue *kwvalues;
    size_t nkw;
    MontyFrame *frames;
    size_t nframes;
};

/* Scratch arena: a list of chunks; reset keeps the first. */
typedef struct ApiChunk {
    struct ApiChunk *next;
    size_t used, cap;
    max_align_t data[];
} ApiChunk;

struct MontyRun {
    VmRun *vm;
    const MontyProgram *program;
    MontyProgram owned;         /* the program of a loaded run */
    MontyConfig config;
    uint8_t *key;
    bool started;
    bool has_event;
    MontyEvent event;
    ApiChunk *scratch;
    bool scratch_failed;
    VmLimits limits;            /* as configured (snapshots record them) */
    char dump_error[200];       /* why the last dump failed (monty_run_dump_error) */
    uint8_t *prog_bytes;        /* the program serialized, kept for every later dump */
    size_t prog_len;
};

/* ---- scratch arena -------------------------------------------------------- */

static void *
scratch_alloc(MontyRun *run, size_t size)
{
    size = (size + 15) & ~(size_t)15;
    ApiChunk *c = run->scratch;
    if (c == NULL || c->cap - c->used < size) {
        size_t cap = size > 4096 ? size : 4096;
        ApiChunk *n = malloc(sizeof(ApiChunk) + cap);
        if (n == NULL) {
            run->scratch_failed = true;
            return NULL;
        }
        n->cap = cap;
        n->used = 0;
        n->next = c;
        run->scratch = n;
        c = n;
    }
    void *p = (char *)c->data + c->used;
    c->used += size;
    return p;
}

static void
scratch_reset(MontyRun *run)
{
    ApiChunk *c = run->scratch;
    while (c != NULL && c->next != NULL) {
        ApiChunk *next = c->next;
        free(c);
        c = next;
    }
    if (c != NULL) {
        c->used = 0;
    }
    run->scratch = c;
    run->scratch_failed = false;
}

static char *
scratch_strdup(MontyRun *run, const char *s, size_t len)
{
    char *p = scratch_alloc(run, len + 1);
    if (p != NULL) {
        memcpy(p, s, len);
        p[len] = '\0';
    }
    return p;
}

/* ---- VM value -> MontyValue ----------------------------------------------- */

static void
other_value(MontyRun *run, const char *text, MontyValue *out)
{
    char *p = scratch_strdup(run, text, strlen(text));
    if (p == NULL) {
        *out = monty_none();
        return;
    }
    out->kind = MONTY_OTHER;
    out->u.str.data = p;
    out->u.str.len = strlen(p);
}

static void
to_api(MontyRun *run, VmValue v, MontyValue *out, int depth)
{
    *out = monty_none();
    VmKind kind = vm_value_kind(v);
    if (depth > API_MAX_DEPTH
        && (kind == VM_KIND_LIST || kind == VM_KIND_TUPLE || kind == VM_KIND_DICT
            || kind == VM_KIND_SET || kind == VM_KIND_FROZENSET)) {
        other_value(run, "<nested too deeply>", out);
        return;
    }
    switch (kind) {
    case VM_KIND_NONE:
        return;
    case VM_KIND_BOOL:
        *out = monty_bool(vm_val_get_bool(v));
        return;
    case VM_KIND_INT:
        *out = monty_int(vm_val_get_int(v));
        return;
    case VM_KIND_FLOAT:
        *out = monty_float(vm_val_get_float(v));
        return;
    case VM_KIND_BIGINT: {
        char *digits = vm_value_bigint_str(v);
        if (digits != NULL) {
            out->u.str.data = scratch_strdup(run, digits, strlen(digits));
            if (out->u.str.data != NULL) {
                out->kind = MONTY_BIGINT;
                out->u.str.len = strlen(digits);
            }
            free(digits);
        }
        return;
    }
    case VM_KIND_STR:
    case VM_KIND_BYTES: {
        size_t len;
        const char *data = kind == VM_KIND_STR
                               ? vm_value_str_data(v, &len)
                               : (const char *)vm_value_bytes_data(v, &len);
        /* Borrowed from the heap (a VmStr keeps a NUL after its bytes, except one
         * that a later `+` grew in place: that one is copied to the event's scratch;
         * bytes values are read by length only, as monty.h says). */
        if (kind == VM_KIND_STR && data[len] != 0) {
            char *copy = scratch_strdup(run, data, len);
            data = copy != NULL ? copy : "";
            len = copy != NULL ? len : 0;
        }
        out->kind = kind == VM_KIND_STR ? MONTY_STR : MONTY_BYTES;
        out->u.str.data = (char *)data;
        out->u.str.len = len;
        return;
    }
    case VM_KIND_LIST:
    case VM_KIND_TUPLE:
    case VM_KIND_SET:
    case VM_KIND_FROZENSET: {
        size_t n = vm_value_len(v);
        MontyValue *items = scratch_alloc(run, (n ? n : 1) * sizeof(MontyValue));
        if (items == NULL) {
            return;
        }
        for (size_t i = 0; i < n; i++) {
            to_api(run, vm_value_item(v, i), &items[i], depth + 1);
        }
        out->kind = kind == VM_KIND_LIST    ? MONTY_LIST
                    : kind == VM_KIND_TUPLE ? MONTY_TUPLE
                    : kind == VM_KIND_SET   ? MONTY_SET
                                            : MONTY_FROZENSET;
        out->u.seq.items = items;
        out->u.seq.len = n;
        return;
    }
    case VM_KIND_DICT: {
        size_t n = vm_value_len(v);
        MontyValue *keys = scratch_alloc(run, (n ? n : 1) * sizeof(MontyValue));
        MontyValue *values = scratch_alloc(run, (n ? n : 1) * sizeof(MontyValue));
        if (keys == NULL || values == NULL) {
            return;
        }
        for (size_t i = 0; i < n; i++) {
            VmValue k, val;
            vm_value_dict_entry(v, i, &k, &val);
            to_api(run, k, &keys[i], depth + 1);
            to_api(run, val, &values[i], depth + 1);
        }
        out->kind = MONTY_DICT;
        out->u.dict.keys = keys;
        out->u.dict.values = values;
        out->u.dict.len = n;
        return;
    }
    case VM_KIND_EXCEPTION: {
        const char *type = vm_value_exception_type(v);
        char *msg = vm_value_exception_message(run->vm, v);
        out->u.exc.type = scratch_strdup(run, type, strlen(type));
        out->u.exc.message = scratch_strdup(run, msg ? msg : "", msg ? strlen(msg) : 0);
        free(msg);
        if (out->u.exc.type != NULL && out->u.exc.message != NULL) {
            out->kind = MONTY_EXCEPTION;
        }
        return;
    }
    case VM_KIND_OTHER:
    default: {
        char *r = vm_value_repr(run->vm, v);
        other_value(run, r ? r : "<object>", out);
        free(r);
        return;
    }
    }
}

/* ---- MontyValue -> VM value ----------------------------------------------- */

static bool
from_api(MontyRun *run, const MontyValue *v, VmValue *out, int depth)
{
    VmRun *vm = run->vm;
    *out = vm_val_empty();
    if (depth > API_MAX_DEPTH * 4) {
        return false;
    }
    switch (v->kind) {
    case MONTY_NONE:
        *out = vm_val_none();
        return true;
    case MONTY_BOOL:
        *out = vm_val_bool(v->u.b);
        return true;
    case MONTY_INT:
        *out = vm_val_int(v->u.i);
        return true;
    case MONTY_FLOAT:
        *out = vm_val_float(v->u.f);
        return true;
    case MONTY_BIGINT:
        *out = vm_value_bigint(vm, v->u.str.data);
        break;
    case MONTY_STR:
        *out = vm_value_str(vm, v->u.str.data, v->u.str.len);
        break;
    case MONTY_BYTES:
        *out = vm_value_bytes(vm, (const uint8_t *)v->u.str.data, v->u.str.len);
        break;
    case MONTY_EXCEPTION:
        *out = vm_value_exception(vm, v->u.exc.type, v->u.exc.message);
        break;
    case MONTY_LIST:
    case MONTY_SET: {
        VmValue c = v->kind == MONTY_LIST ? vm_value_list(vm) : vm_value_set(vm);
        if (vm_val_is_empty(c)) {
            return false;
        }
        for (size_t i = 0; i < v->u.seq.len; i++) {
            VmValue item;
            if (!from_api(run, &v->u.seq.items[i], &item, depth + 1)) {
                return false;
            }
            bool ok = v->kind == MONTY_LIST ? vm_value_list_append(vm, c, item)
                                            : vm_value_set_add(vm, c, item);
            if (!ok) {
                return false;
            }
        }
        *out = c;
        return true;
    }
    case MONTY_TUPLE:
    case MONTY_FROZENSET: {
        size_t n = v->u.seq.len;
        VmValue *items = malloc((n ? n : 1) * sizeof(VmValue));
        if (items == NULL) {
            return false;
        }
        for (size_t i = 0; i < n; i++) {
            if (!from_api(run, &v->u.seq.items[i], &items[i], depth + 1)) {
                free(items);
                return false;
            }
        }
        *out = v->kind == MONTY_TUPLE ? vm_value_tuple(vm, items, n)
                                      : vm_value_frozenset(vm, items, n);
        free(items);
        break;
    }
    case MONTY_DICT: {
        VmValue d = vm_value_dict(vm);
        if (vm_val_is_empty(d)) {
            return false;
        }
        for (size_t i = 0; i < v->u.dict.len; i++) {
            VmValue k, val;
            if (!from_api(run, &v->u.dict.keys[i], &k, depth + 1)
                || !from_api(run, &v->u.dict.values[i], &val, depth + 1)
                || !vm_value_dict_set(vm, d, k, val)) {
                return false;
            }
        }
        *out = d;
        return true;
    }
    default:
        return false;
    }
    return !vm_val_is_empty(*out);
}

/* A host value may enter a run: no MONTY_OTHER, str is UTF-8 (the VM's
 * precondition), nesting bounded (conversion recurses). */
static bool
value_ok(const MontyValue *v, int depth)
{
    if (depth > API_MAX_DEPTH * 4) {
        return false;
    }
    switch (v->kind) {
    case MONTY_NONE:
    case MONTY_BOOL:
    case MONTY_INT:
    case MONTY_FLOAT:
    case MONTY_BYTES:
        return true;
    case MONTY_BIGINT:
        return v->u.str.data != NULL;
    case MONTY_STR:
        return v->u.str.data != NULL && vm_api_utf8_valid(v->u.str.data, v->u.str.len);
    case MONTY_EXCEPTION:
        return v->u.exc.type != NULL && v->u.exc.message != NULL;
    case MONTY_LIST:
    case MONTY_TUPLE:
    case MONTY_SET:
    case MONTY_FROZENSET:
        for (size_t i = 0; i < v->u.seq.len; i++) {
            if (!value_ok(&v->u.seq.items[i], depth + 1)) {
                return false;
            }
        }
        return true;
    case MONTY_DICT:
        for (size_t i = 0; i < v->u.dict.len; i++) {
            if (!value_ok(&v->u.dict.keys[i], depth + 1)
                || !value_ok(&v->u.dict.values[i], depth + 1)) {
                return false;
            }
        }
        return true;
    default:
        return false;
    }
}

/* ---- programs --------------------------------------------------------------- */

static void
render_syntax_error_lines(MontyError *err, const char *src, size_t len, bool show_source);

/* Renders a compile-time error as CPython prints it; when the source line
 * is too long for MontyError.text, the line and its carets are left out so
 * that the final "Type: message" line always survives. */
static void
render_syntax_error(MontyError *err, const char *src, size_t len)
{
    render_syntax_error_lines(err, src, len, true);
    size_t n = strlen(err->text);
    if (n + 1 >= sizeof err->text || n == 0 || err->text[n - 1] != '\n') {
        render_syntax_error_lines(err, src, len, false);
    }
}

/* The CPython layout: File line, source line, carets, "Type: message". */
static void
render_syntax_error_lines(MontyError *err, const char *src, size_t len, bool show_source)
{
    ApiBuf b = {0};
    char line[64];
    snprintf(line, sizeof line, "%d", err->line);
    api_buf_puts(&b, "  File \"");
    api_buf_puts(&b, err->filename);
    api_buf_puts(&b, "\", line ");
    api_buf_puts(&b, line);
    api_buf_putc(&b, '\n');
    /* Find the source line. */
    const char *p = src, *end = src + len;
    for (int l = 1; l < err->line && p < end; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        p = nl ? nl + 1 : end;
    }
    if (show_source && err->line > 0 && p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        const char *ls = p;
        while (ls < le && (*ls == ' ' || *ls == '\t' || *ls == '\f')) {
            ls++;
        }
        while (le > ls && (le[-1] == ' ' || le[-1] == '\r' || le[-1] == '\t')) {
            le--;
        }
        if (le > ls) {
            api_buf_puts(&b, "    ");
            api_buf_put(&b, ls, (size_t)(le - ls));
            api_buf_putc(&b, '\n');
            int col = err->column - 1 - (int)(ls - p);
            if (col >= 0 && col <= (int)(le - ls)) {
                int endc = err->end_line == err->line ? err->end_column - 1 - (int)(ls - p)
                                                      : col + 1;
                if (endc <= col) {
                    endc = col + 1;
                }
                api_buf_puts(&b, "    ");
                for (int i = 0; i < col; i++) {
                    api_buf_putc(&b, ' ');
                }
                for (int i = col; i < endc; i++) {
                    api_buf_putc(&b, '^');
                }
                api_buf_putc(&b, '\n');
            }
        }
    }
    api_buf_puts(&b, err->type);
    if (err->message[0] != '\0') {
        api_buf_puts(&b, ": ");
        api_buf_puts(&b, err->message);
    }
    api_buf_putc(&b, '\n');
    if (!b.failed) {
        snprintf(err->text, sizeof err->text, "%s", b.data);
    } else {
        snprintf(err->text, sizeof err->text, "%s: %s\n", err->type, err->message);
    }
    free(b.data);
}

static MontyStatus
compile_error(MontyError *err, MontyStatus st, const char *type, const char *msg,
              const char *filename, int line, int col, int end_line, int end_col,
              const char *src, size_t len)
{
    if (err == NULL) {
        return st;
    }
    memset(err, 0, sizeof *err);
    err->status = st;
    snprintf(err->type, sizeof err->type, "%s", type ? type : "SyntaxError");
    snprintf(err->message, sizeof err->message, "%s", msg);
    snprintf(err->filename, sizeof err->filename, "%s", filename);
    err->line = line;
    err->column = col;
    err->end_line = end_line;
    err->end_column = end_col;
    /* An unsupported construct is shown where it stands, like a syntax error,
     * so the model sees which line to rewrite. */
    if (st == MONTY_ERR_SYNTAX || (st == MONTY_ERR_UNSUPPORTED && line > 0)) {
        render_syntax_error(err, src, len);
    } else {
        snprintf(err->text, sizeof err->text, "%s: %s\n", err->type, err->message);
    }
    return st;
}

MontyStatus
monty_compile(const char *source, size_t len, const MontyCompileOptions *opts,
              MontyProgram **out, MontyError *err)
{
    MontyCompileOptions none = {0};
    if (opts == NULL) {
        opts = &none;
    }
    *out = NULL;
    if (source == NULL && len > 0) {
        return vm_api_error(err, MONTY_ERR_ARG, "no source");
    }
    const char *filename = opts->script_name ? opts->script_name : "<string>";
    AstArena *arena = ast_arena_new(opts->max_memory);
    if (arena == NULL) {
        return vm_api_error(err, MONTY_ERR_NOMEM, "out of memory");
    }
    ParseError perr;
    memset(&perr, 0, sizeof perr);
    AstModule *mod = parse_module(arena, source ? source : "", len, &perr);
    if (mod == NULL) {
        bool oom = perr.type != NULL && strcmp(perr.type, "MemoryError") == 0;
        MontyStatus st = compile_error(err, oom ? MONTY_ERR_NOMEM : MONTY_ERR_SYNTAX,
                                       perr.type ? perr.type : "SyntaxError", perr.msg,
                                       filename, perr.lineno, perr.col_offset,
                                       perr.end_lineno, perr.end_col_offset, source, len);
        ast_arena_free(arena);
        return st;
    }
    CmpOptions copts = {filename, source, len, opts->input_names, opts->ninputs,
                        opts->external_names, opts->nexternals, opts->external_async};
    CmpError cerr;
    memset(&cerr, 0, sizeof cerr);
    CmpProgram *prog = cmp_compile(mod, &copts, &cerr);
    ast_arena_free(arena);
    if (prog == NULL) {
        const char *type = cerr.type ? cerr.type : "SyntaxError";
        MontyStatus st = strcmp(type, "SyntaxError") == 0       ? MONTY_ERR_SYNTAX
                         : strcmp(type, "MemoryError") == 0     ? MONTY_ERR_NOMEM
                                                                : MONTY_ERR_UNSUPPORTED;
        return compile_error(err, st, type, cerr.msg, filename, cerr.lineno, cerr.col_offset,
                             cerr.end_lineno, cerr.end_col_offset, source, len);
    }
    MontyProgram *p = malloc(sizeof *p);
    if (p == NULL) {
        cmp_program_free(prog);
        return vm_api_error(err, MONTY_ERR_NOMEM, "out of memory");
    }
    p->prog = prog;
    *out = p;
    return MONTY_OK;
}

void
monty_program_free(MontyProgram *program)
{
    if (program != NULL) {
        cmp_program_free(program->prog);
        free(program);
    }
}

const char *
monty_program_script_name(const MontyProgram *program)
{
    return program->prog->filename;
}

size_t
monty_program_input_names(const MontyProgram *program, const char *const **names)
{
    *names = program->prog->input_names;
    return program->prog->ninputs;
}

size_t
monty_program_external_names(const MontyProgram *program, const char *const **names)
{
    *names = program->prog->external_names;
    return program->prog->nexternals;
}

MontyStatus
monty_program_dump(const MontyProgram *program, const uint8_t *key, size_t key_len,
                   uint8_t **data, size_t *len)
{
    *data = vm_snapshot_program_dump(program->prog, key, key_len, len);
    return *data != NULL ? MONTY_OK : MONTY_ERR_NOMEM;
}

MontyStatus
monty_program_load(const uint8_t *data, size_t len, const uint8_t *key, size_t key_len,
                   MontyProgram **out, MontyError *err)
{
    MontyStatus st = MONTY_OK;
    char msg[256] = "";
    *out = NULL;
    CmpProgram *prog = vm_snapshot_program_load(data, len, key, key_len, &st, msg, sizeof msg);
    if (prog == NULL) {
        return vm_api_error(err, st, "%s", msg);
    }
    MontyProgram *p = malloc(sizeof *p);
    if (p == NULL) {
        cmp_program_free(prog);
        return vm_api_error(err, MONTY_ERR_NOMEM, "out of memory");
    }
    p->prog = prog;
    *out = p;
    return MONTY_OK;
}

char *
monty_program_disasm(const MontyProgram *program)
{
    return cmp_program_disasm(program->prog);
}

/* ---- checking --------------------------------------------------------------- */

MontyStatus
monty_stubs_load(const char *text, size_t len, const char *filename, MontyStubs **out,
                 MontyError *err)
{
    char msg[512] = "";
    *out = NULL;
    ChkStubs *s = chk_stubs_load(text, len, filename ? filename : "<stubs>", msg, sizeof msg);
    if (s == NULL) {
        return vm_api_error(err, msg[0] ? MONTY_ERR_SYNTAX : MONTY_ERR_NOMEM, "%s",
                            msg[0] ? msg : "out of memory");
    }
    MontyStubs *m = malloc(sizeof *m);
    if (m == NULL) {
        chk_stubs_free(s);
        return vm_api_error(err, MONTY_ERR_NOMEM, "out of memory");
    }
    m->stubs = s;
    *out = m;
    return MONTY_OK;
}

void
monty_stubs_free(MontyStubs *stubs)
{
    if (stubs != NULL) {
        chk_stubs_free(stubs->stubs);
        free(stubs);
    }
}

size_t
monty_stubs_function_names(const MontyStubs *stubs, const char *const **names)
{
    return chk_stubs_function_names(stubs->stubs, names);
}

/* monty_stubs_function_async: see monty.h. */
size_t
monty_stubs_function_async(const MontyStubs *stubs, const unsigned char **flags)
{
    return chk_stubs_function_async(stubs->stubs, flags);
}

MontyStatus
monty_check_source(const char *source, size_t len, const MontyCompileOptions *opts,
                   const MontyStubs *stubs, MontyDiagnostics **out)
{
    MontyCompileOptions none = {0};
    if (opts == NULL) {
        opts = &none;
    }
    *out = NULL;
    ChkResult *res = chk_check_source(source ? source : "", source ? len : 0,
                                      opts->script_name ? opts->script_name : "<string>",
                                      stubs ? stubs->stubs : NULL, opts->input_names,
                                      opts->ninputs);
    if (res == NULL) {
        return MONTY_ERR_NOMEM;
    }
    MontyDiagnostics *d = malloc(sizeof *d);
    if (d == NULL) {
        chk_result_free(res);
        return MONTY_ERR_NOMEM;
    }
    d->res = res;
    *out = d;
    return chk_result_errors(res) > 0 ? MONTY_ERR_CHECK : MONTY_OK;
}

MontyStatus
monty_check(const MontyProgram *program, const MontyStubs *stubs, MontyDiagnostics **out)
{
    const CmpProgram *p = program->prog;
    MontyCompileOptions opts = {0};
    opts.script_name = p->filename;
    opts.input_names = p->input_names;
    opts.ninputs = p->ninputs;
    return monty_check_source(p->source, p->source_len, &opts, stubs, out);
}

size_t
monty_diagnostics_count(const MontyDiagnostics *diags)
{
    return chk_result_count(diags->res);
}

bool
monty_diagnostics_get(const MontyDiagnostics *diags, size_t i, MontyDiagnostic *out)
{
    if (i >= chk_result_count(diags->res)) {
        return false;
    }
    const ChkDiag *d = chk_result_get(diags->res, i);
    out->file = d->file;
    out->line = d->line;
    out->column = d->column;
    out->end_line = d->end_line;
    out->end_column = d->end_column;
    out->severity = d->severity == CHK_SEV_ERROR ? MONTY_SEV_ERROR : MONTY_SEV_WARNING;
    out->code = d->code;
    out->message = d->message;
    out->hint = d->hint;
    return true;
}

char *
monty_diagnostics_render(const MontyDiagnostics *diags, const char *format)
{
    ChkFormat f;
    if (!chk_format_parse(format, &f)) {
        return NULL;
    }
    return chk_result_render(diags->res, f);
}

void
monty_diagnostics_free(MontyDiagnostics *diags)
{
    if (diags != NULL) {
        chk_result_free(diags->res);
        free(diags);
    }
}

/* ---- runs ------------------------------------------------------------------- */

MontyConfig
monty_config_default(void)
{
    MontyConfig c;
    memset(&c, 0, sizeof c);
    return c;
}

static void
stdout_print(void *ud, const char *text, size_t len)
{
    (void)ud;
    fwrite(text, 1, len, stdout);
}

/* The VM's print sink: forwards to the host's. */
static void
run_print(void *ud, const char *text, size_t len)
{
    MontyRun *run = ud;
    run->config.print(run->config.print_ud, text, len);
}

static void
vm_limits_from(const MontyLimits *l, VmLimits *out)
{
    out->max_memory = l->max_memory;
    out->max_allocations = l->max_allocations;
    out->max_duration_ns = l->max_duration > 0 ? (uint64_t)(l->max_duration * 1e9) : 0;
    out->max_recursion = l->max_recursion;
}

/* Copies the config into the run (the key bytes too). */
static bool
set_config(MontyRun *r, const MontyConfig *config)
{
    r->config = config ? *config : monty_config_default();
    if (r->config.print == NULL) {
        r->config.print = stdout_print;
    }
    if (r->config.key != NULL && r->config.key_len > 0) {
        r->key = malloc(r->config.key_len);
        if (r->key == NULL) {
            return false;
        }
        memcpy(r->key, r->config.key, r->config.key_len);
        r->config.key = r->key;
    } else {
        r->config.key = NULL;
        r->config.key_len = 0;
    }
    return true;
}

MontyStatus
monty_run_new(const MontyProgram *program, const MontyConfig *config, MontyRun **out)
{
    *out = NULL;
    if (program == NULL) {
        return MONTY_ERR_ARG;
    }
    MontyRun *r = calloc(1, sizeof *r);
    if (r == NULL) {
        return MONTY_ERR_NOMEM;
    }
    if (!set_config(r, config)) {
        free(r);
        return MONTY_ERR_NOMEM;
    }
    vm_limits_from(&r->config.limits, &r->limits);
    VmAllocator alloc = {r->config.alloc, r->config.alloc_ud};
    r->vm = vm_run_new(program->prog, &r->limits, r->config.alloc ? &alloc : NULL, run_print,
                       r);
    if (r->vm == NULL) {
        free(r->key);
        free(r);
        return MONTY_ERR_NOMEM;
    }
    r->program = program;
    *out = r;
    return MONTY_OK;
}

void
monty_run_free(MontyRun *run)
{
    if (run == NULL) {
        return;
    }
    vm_run_free(run->vm);
    if (run->owned.prog != NULL) {
        cmp_program_free(run->owned.prog);
    }
    scratch_reset(run);
    free(run->scratch);
    free(run->key);
    free(run->prog_bytes);
    free(run);
}

/* Builds run->event from the VM's last event. */
static void
fill_event(MontyRun *run, VmEventKind kind)
{
    MontyEvent *ev = &run->event;
    scratch_reset(run);
    memset(ev, 0, sizeof *ev);
    run->has_event = true;
    VmRun *vm = run->vm;
    switch (kind) {
    case VM_EVENT_COMPLETE:
        ev->kind = MONTY_EVENT_COMPLETE;
        to_api(run, vm_run_result(vm), &ev->value, 0);
        break;
    case VM_EVENT_CALL: {
        ev->kind = MONTY_EVENT_CALL;
        ev->call_id = vm_run_call_id(vm);
        ev->function = vm_run_call_name(vm);
        ev->nargs = vm_run_call_nargs(vm);
        ev->args = scratch_alloc(run, (ev->nargs ? ev->nargs : 1) * sizeof(MontyValue));
        for (size_t i = 0; ev->args != NULL && i < ev->nargs; i++) {
            to_api(run, vm_run_call_arg(vm, i), &ev->args[i], 1);
        }
        VmValue kw = vm_run_call_kwargs(vm);
        size_t nkw = vm_val_is_empty(kw) || vm_val_is_none(kw) ? 0 : vm_value_len(kw);
        ev->kwnames = scratch_alloc(run, (nkw ? nkw : 1) * sizeof(char *));
        ev->kwvalues = scratch_alloc(run, (nkw ? nkw : 1) * sizeof(MontyValue));
        if (ev->kwnames != NULL && ev->kwvalues != NULL) {
            for (size_t i = 0; i < nkw; i++) {
                VmValue k, v;
                size_t klen;
                vm_value_dict_entry(kw, i, &k, &v);
                ev->kwnames[i] = vm_value_str_data(k, &klen);
                if (ev->kwnames[i][klen] != 0) {
                    char *copy = scratch_strdup(run, ev->kwnames[i], klen);
                    ev->kwnames[i] = copy != NULL ? copy : "";
                }
                to_api(run, v, &ev->kwvalues[i], 1);
            }
            ev->nkw = nkw;
        }
        break;
    }
    case VM_EVENT_ERROR:
    default: {
        ev->kind = MONTY_EVENT_ERROR;
        size_t n = vm_run_error_nframes(vm);
        ev->frames = scratch_alloc(run, (n ? n : 1) * sizeof(MontyFrame));
        if (ev->frames != NULL) {
            for (size_t i = 0; i < n; i++) {
                const VmTraceFrame *f = vm_run_error_frame(vm, i);
                ev->frames[i].filename = f->filename;
                ev->frames[i].line = (int)f->lineno;
                ev->frames[i].function = f->funcname;
                ev->frames[i].source_line = f->source_line ? f->source_line : "";
            }
            ev->nframes = n;
        }
        break;
    }
    }
}

MontyStatus
monty_run_start(MontyRun *run, const MontyValue *inputs, size_t n, const MontyEvent **event)
{
    *event = NULL;
    if (run == NULL || run->started) {
        return run == NULL ? MONTY_ERR_ARG : MONTY_ERR_STATE;
    }
    const CmpProgram *p = vm_run_program(run->vm);
    if (n != p->ninputs || (n > 0 && inputs == NULL)) {
        return MONTY_ERR_ARG;
    }
    for (size_t i = 0; i < n; i++) {
        if (!value_ok(&inputs[i], 0)) {
            return MONTY_ERR_ARG;
        }
    }
    for (size_t i = 0; i < n; i++) {
        VmValue v;
        /* An input that does not fit the run's limits ends the run like any
         * other limit: starting reports the error event. */
        if (!from_api(run, &inputs[i], &v, 0)
            || !vm_run_bind_input(run->vm, p->input_names[i], v)) {
            break;
        }
    }
    run->started = true;
    fill_event(run, vm_run_start(run->vm));
    *event = &run->event;
    return run->scratch_failed ? MONTY_ERR_NOMEM : MONTY_OK;
}

MontyStatus
monty_run_resume(MontyRun *run, const MontyValue *value, const MontyEvent **event)
{
    *event = NULL;
    if (run == NULL || value == NULL) {
        return MONTY_ERR_ARG;
    }
    if (!vm_run_is_paused(run->vm)) {
        return MONTY_ERR_STATE;
    }
    VmValue v;
    if (!value_ok(value, 0)) {
        return MONTY_ERR_ARG;
    }
    if (!from_api(run, value, &v, 0)) {
        /* The value could not be built (memory limit or a bad value):
         * tell the script, which sees the call fail. */
        fill_event(run, vm_run_resume_exception(run->vm, "MemoryError",
                                                "host value could not be converted"));
    } else {
        fill_event(run, vm_run_resume_value(run->vm, v));
    }
    *event = &run->event;
    return run->scratch_failed ? MONTY_ERR_NOMEM : MONTY_OK;
}

MontyStatus
monty_run_resume_raise(MontyRun *run, const char *type, const char *message,
                       const MontyEvent **event)
{
    *event = NULL;
    if (run == NULL || type == NULL) {
        return MONTY_ERR_ARG;
    }
    if (!vm_run_is_paused(run->vm)) {
        return MONTY_ERR_STATE;
    }
    fill_event(run, vm_run_resume_exception(run->vm, type, message ? message : ""));
    *event = &run->event;
    return run->scratch_failed ? MONTY_ERR_NOMEM : MONTY_OK;
}

size_t
monty_run_memory(const MontyRun *run)
{
    return vm_run_live_bytes(run->vm);
}

const MontyEvent *
monty_run_event(const MontyRun *run)
{
    return run->has_event ? &run->event : NULL;
}

MontyEventKind
monty_event_kind(const MontyEvent *event)
{
    return event->kind;
}

const MontyValue *
monty_event_value(const MontyEvent *event)
{
    return &event->value;
}

uint64_t
monty_event_call_id(const MontyEvent *event)
{
    return event->call_id;
}

const char *
monty_event_function(const MontyEvent *event)
{
    return event->function;
}

size_t
monty_event_args(const MontyEvent *event, const MontyValue **args)
{
    *args = event->args;
    return event->nargs;
}

size_t
monty_event_kwargs(const MontyEvent *event, const char *const **names,
                   const MontyValue **values)
{
    *names = event->kwnames;
    *values = event->kwvalues;
    return event->nkw;
}

/* The error accessors go back to the run through the event's position in
 * it: MontyEvent is embedded in MontyRun. */
static const MontyRun *
event_run(const MontyEvent *event)
{
    return (const MontyRun *)((const char *)event - offsetof(MontyRun, event));
}

const char *
monty_event_exc_type(const MontyEvent *event)
{
    return event->kind == MONTY_EVENT_ERROR ? vm_run_error_type(event_run(event)->vm) : NULL;
}

const char *
monty_event_message(const MontyEvent *event)
{
    return event->kind == MONTY_EVENT_ERROR ? vm_run_error_message(event_run(event)->vm)
                                            : NULL;
}

const char *
monty_event_traceback(const MontyEvent *event)
{
    return event->kind == MONTY_EVENT_ERROR ? vm_run_error_traceback(event_run(event)->vm)
                                            : NULL;
}

bool
monty_event_is_limit(const MontyEvent *event)
{
    return event->kind == MONTY_EVENT_ERROR && vm_run_error_is_limit(event_run(event)->vm);
}

size_t
monty_event_frames(const MontyEvent *event, const MontyFrame **frames)
{
    *frames = event->frames;
    return event->nframes;
}

/* ---- durable runs ----------------------------------------------------------- */

MontyStatus
monty_run_dump(const MontyRun *run, uint8_t **data, size_t *len)
{
    *data = NULL;
    *len = 0;
    if (run == NULL) {
        return MONTY_ERR_ARG;
    }
    MontyRun *mr = (MontyRun *)run;
    mr->dump_error[0] = '\0';
    if (!vm_run_is_paused(run->vm)) {
        snprintf(mr->dump_error, sizeof mr->dump_error, "the run is not paused at a call");
        return MONTY_ERR_STATE;
    }
    VmSnapLimits lim = {run->limits.max_memory, run->limits.max_allocations,
                        run->limits.max_duration_ns, run->limits.max_recursion};
    MontyStatus st = MONTY_OK;
    if (mr->prog_bytes == NULL) {
        mr->prog_bytes = vm_snapshot_program_bytes(vm_run_program(run->vm), &mr->prog_len);
        if (mr->prog_bytes == NULL) {
            return MONTY_ERR_NOMEM;
        }
    }
    *data = vm_snapshot_dump_with(run->vm, mr->prog_bytes, mr->prog_len, &lim, run->config.key,
                                  run->config.key_len, len, &st, mr->dump_error,
                                  sizeof mr->dump_error);
    return *data != NULL ? MONTY_OK : st;
}

const char *
monty_run_dump_error(const MontyRun *run)
{
    return run != NULL ? run->dump_error : "";
}

/*
 * Format 2 snapshots hold the run itself (snap_heap.c): load builds a new run
 * of the snapshot's program and restores its objects and frames into it, under
 * the configured limits (the recorded ones when the host gives none), then
 * reports the pending call again.
 */
MontyStatus
monty_run_load(const uint8_t *data, size_t len, const MontyConfig *config, MontyRun **out,
               const MontyEvent **event, MontyError *err)
{
    *out = NULL;
    if (event != NULL) {
        *event = NULL;
    }
    MontyConfig cfg = config ? *config : monty_config_default();
    VmSnapHeader h;
    MontyStatus status = MONTY_OK;
    char msg[256] = "";
    if (!vm_snapshot_open(data, len, cfg.key, cfg.key_len, &h, &status, msg, sizeof msg)) {
        return vm_api_error(err, status, "%s", msg);
    }
    MontyLimits *l = &cfg.limits;
    if (!(l->max_memory || l->max_allocations || l->max_duration > 0 || l->max_recursion)) {
        l->max_memory = (size_t)h.limits.max_memory;
        l->max_allocations = h.limits.max_allocations;
        l->max_duration = (double)h.limits.max_duration_ns / 1e9;
        l->max_recursion = (uint32_t)h.limits.max_recursion;
    }
    MontyRun *r = NULL;
    MontyProgram holder = {h.program};
    status = monty_run_new(&holder, &cfg, &r);
    if (status != MONTY_OK) {
        cmp_program_free(h.program);
        return vm_api_error(err, status, "out of memory");
    }
    r->owned.prog = h.program;
    r->program = &r->owned;
    r->prog_bytes = malloc(h.program_len ? h.program_len : 1);
    if (r->prog_bytes != NULL) {
        memcpy(r->prog_bytes, h.program_bytes, h.program_len);
        r->prog_len = h.program_len;
    }
    if (!vm_snap_state_read(r->vm, h.state, h.state_len, &status, msg, sizeof msg)) {
        monty_run_free(r);
        return vm_api_error(err, status, "%s", msg);
    }
    r->started = true;
    fill_event(r, VM_EVENT_CALL);
    if (r->scratch_failed) {
        monty_run_free(r);
        return vm_api_error(err, MONTY_ERR_NOMEM, "out of memory");
    }
    *out = r;
    if (event != NULL) {
        *event = &r->event;
    }
    return MONTY_OK;
}
