/*
 * run.c — vm.h: creating, starting, resuming and freeing runs; events; and the
 * boundary value constructors and accessors.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/vm_int.h"

VmStatus vm_set_discard(VmRun *run, VmSet *s, VmValue key, bool *found);

static char *
dupstr(const char *s)
{
    size_t n = strlen(s);
    char *d = malloc(n + 1);
    if (d != NULL) {
        vm_memcpy(d, s, n + 1);
    }
    return d;
}

/* A malloc'd C string of a str's bytes (by len: a str grown in place has no NUL). */
static char *
dupvmstr(const VmStr *s)
{
    char *d = malloc(s->len + 1);
    if (d != NULL) {
        vm_memcpy(d, s->data, s->len);
        d[s->len] = 0;
    }
    return d;
}

/* vm_run_new: see vm.h. */
VmRun *
vm_run_new(const CmpProgram *program, const VmLimits *limits, const VmAllocator *alloc,
           VmPrintFn print, void *print_ud)
{
    VmRun *run = calloc(1, sizeof *run);
    if (run == NULL) {
        return NULL;
    }
    run->program = program;
    if (limits != NULL) {
        run->limits = *limits;
    }
    if (run->limits.max_recursion == 0) {
        run->limits.max_recursion = 1000;
    }
    if (alloc != NULL) {
        run->heap.alloc = *alloc;
    }
    run->heap.next_gc = 1u << 20;
    if (run->limits.max_memory != 0 && run->heap.next_gc > run->limits.max_memory / 2) {
        run->heap.next_gc = run->limits.max_memory / 2;
    }
    run->print = print;
    run->print_ud = print_ud;
    run->next_call_id = 1;
    run->state = VM_RUN_NEW;
    run->globals = vm_dict_new(run);
    if (run->globals == NULL || vm_prepare_codes(run, program, 0, &run->codes) != VM_OK) {
        run->state = VM_RUN_FAILED;
    }
    return run;
}

static void
clear_error(VmRun *run)
{
    free(run->err_type);
    free(run->err_message);
    free(run->err_traceback);
    for (size_t i = 0; i < run->err_nframes; i++) {
        free((char *)run->err_frames[i].source_line);
    }
    free(run->err_frames);
    run->err_type = run->err_message = run->err_traceback = NULL;
    run->err_frames = NULL;
    run->err_nframes = 0;
}

/* vm_run_free: see vm.h. */
void
vm_run_free(VmRun *run)
{
    if (run == NULL) {
        return;
    }
    clear_error(run);
    vm_frame_free_all(run);
    vm_gc_free_all(run);
    vm_free_codes(run, run->program, run->codes);
    if (run->prelude != NULL) {
        vm_free_codes(run, run->prelude, run->prelude_codes);
        cmp_program_free(run->prelude);
    }
    vm_heap_release_cache(run);
    free(run);
}

const CmpProgram *
vm_run_program(const VmRun *run)
{
    return run->program;
}

/* vm_run_bind_input: see vm.h. */
bool
vm_run_bind_input(VmRun *run, const char *name, VmValue value)
{
    if (run->state != VM_RUN_NEW) {
        return false;
    }
    VmStr *s = vm_str_new_cstr(run, name);
    if (s == NULL || vm_dict_set_str(run, run->globals, s, value) != VM_OK) {
        run->exc = vm_val_empty();
        return false;
    }
    return true;
}

static char *
source_line(const CmpProgram *p, uint32_t lineno)
{
    if (p->source == NULL || lineno == 0) {
        return dupstr("");
    }
    const char *s = p->source, *end = p->source + p->source_len;
    for (uint32_t l = 1; l < lineno && s < end; s++) {
        if (*s == '\n') {
            l++;
        }
    }
    const char *e = s;
    while (e < end && *e != '\n') {
        e++;
    }
    while (s < e && (*s == ' ' || *s == '\t')) {
        s++;
    }
    while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r')) {
        e--;
    }
    char *d = malloc((size_t)(e - s) + 1);
    if (d != NULL) {
        vm_memcpy(d, s, (size_t)(e - s));
        d[e - s] = 0;
    }
    return d;
}

/* Fills the error event from the pending exception or the hit limit. */
static void
record_error(VmRun *run)
{
    clear_error(run);
    run->state = VM_RUN_FAILED;
    if (run->heap.limit != VM_LIMIT_NONE || !vm_val_is_obj(run->exc)
        || (run->exc.u.o->type->flags & VM_TYPE_EXC) == 0) {
        const char *type = "MemoryError", *msg = "memory limit exceeded";
        switch (run->heap.limit) {
        case VM_LIMIT_ALLOCATIONS: msg = "allocation limit exceeded"; break;
        case VM_LIMIT_TIME: type = "TimeoutError"; msg = "time limit exceeded"; break;
        default: break;
        }
        run->err_is_limit = true;
        run->err_type = dupstr(type);
        run->err_message = dupstr(msg);
        size_t n = strlen(type) + strlen(msg) + 4;
        run->err_traceback = malloc(n);
        if (run->err_traceback != NULL) {
            snprintf(run->err_traceback, n, "%s: %s\n", type, msg);
        }
        return;
    }
    /* lift the memory limit for the report itself: the run is over anyway */
    run->limits.max_memory = 0;
    run->limits.max_allocations = 0;
    VmValue exc = run->exc;
    VmExc *e = VM_AS(VmExc, exc);
    run->err_type = dupstr(e->hdr.type->name);
    VmValue m;
    if (vm_exc_str(run, exc, &m) == VM_OK) {
        run->err_message = dupvmstr(VM_AS(VmStr, m));
    } else {
        run->err_message = dupstr("");
    }
    run->err_traceback = vm_exc_format(run, exc);
    size_t n = 0;
    for (VmTraceback *tb = e->traceback; tb; tb = tb->next) {
        n++;
    }
    run->err_frames = calloc(n ? n : 1, sizeof(VmTraceFrame));
    if (run->err_frames != NULL) {
        size_t i = 0;
        for (VmTraceback *tb = e->traceback; tb; tb = tb->next, i++) {
            VmTraceFrame *fr = &run->err_frames[i];
            fr->filename = run->program->filename ? run->program->filename : "";
            fr->lineno = tb->lineno;
            fr->funcname = (tb->name_index & VM_PRELUDE_BIT) == 0
                           && tb->name_index < run->program->ncodes
                           ? run->program->codes[tb->name_index].name : "?";
            fr->source_line = source_line(run->program, tb->lineno);
        }
        run->err_nframes = n;
    }
}

static VmEventKind
drive_loop(VmRun *run)
{
    if (run->frame == NULL) {
        /* start failed (limit or memory) before the module frame existed:
         * report it without entering the loop, which needs a frame. */
        run->state = VM_RUN_FAILED;
        record_error(run);
        run->last_event = VM_EVENT_ERROR;
        return VM_EVENT_ERROR;
    }
    run->state = VM_RUN_RUNNING;
    run->start_ns = vm_clock_ns();
    VmEventKind ev = vm_interp_run(run);
    run->used_ns += vm_clock_ns() - run->start_ns;
    run->last_event = ev;
    if (ev == VM_EVENT_COMPLETE) {
        run->state = VM_RUN_DONE;
        run->frame = NULL;
    } else if (ev == VM_EVENT_CALL) {
        run->state = VM_RUN_PAUSED;
    } else {
        record_error(run);
    }
    return ev;
}

/* drive: one step of the run; records where the host's C stack entered it
 * (vm_native_enter bounds native recursion below that point). */
static VmEventKind
drive(VmRun *run)
{
    run->stack_base = (uintptr_t)__builtin_frame_address(0);
    VmEventKind ev = drive_loop(run);
    run->stack_base = 0;
    return ev;
}

static VmEventKind
fail_now(VmRun *run, const char *msg)
{
    clear_error(run);
    run->state = VM_RUN_FAILED;
    run->last_event = VM_EVENT_ERROR;
    run->err_type = dupstr("RuntimeError");
    run->err_message = dupstr(msg);
    size_t n = strlen(msg) + 16;
    run->err_traceback = malloc(n);
    if (run->err_traceback != NULL) {
        snprintf(run->err_traceback, n, "RuntimeError: %s\n", msg);
    }
    return VM_EVENT_ERROR;
}

/* vm_run_start: see vm.h. */
VmEventKind
vm_run_start(VmRun *run)
{
    if (run->state != VM_RUN_NEW) {
        if (run->state == VM_RUN_FAILED && run->heap.limit != VM_LIMIT_NONE) {
            record_error(run);
            run->last_event = VM_EVENT_ERROR;
            return VM_EVENT_ERROR;
        }
        return fail_now(run, "the run was already started");
    }
    if (run->program->ncodes == 0) {
        return fail_now(run, "empty program");
    }
    const CmpProgram *p = run->program;
    for (uint32_t i = 0; i < p->nexternals; i++) {
        VmExternal *x = (VmExternal *)vm_obj_new(run, &vm_type_external, sizeof *x);
        VmStr *s = x ? vm_str_new_cstr(run, p->external_names[i]) : NULL;
        if (s == NULL) {
            return drive(run);
        }
        x->index = i;
        if (vm_dict_get_str(run->globals, s).tag == VM_TAG_EMPTY
            && vm_dict_set_str(run, run->globals, s, vm_obj_val(x)) != VM_OK) {
            return drive(run);
        }
    }
    VmStr *nm = vm_str_new_cstr(run, "__name__");
    VmValue mainv = vm_str_val(run, "__main__", 8);
    if (nm == NULL || vm_val_is_empty(mainv)
        || vm_dict_set_str(run, run->globals, nm, mainv) != VM_OK) {
        return drive(run);
    }
    VmFrame *f = vm_frame_new(run, 0, NULL, run->globals);
    if (f == NULL) {
        return drive(run);
    }
    f->is_module = true;
    f->is_entry = true;
    run->frame = f;
    run->depth = 1;
    return drive(run);
}

/* vm_run_resume_value: see vm.h. */
VmEventKind
vm_run_resume_value(VmRun *run, VmValue value)
{
    if (run->state != VM_RUN_PAUSED) {
        return fail_now(run, "the run is not paused at an external call");
    }
    VmFrame *f = run->frame;
    const CmpCode *code = vm_code(run, f->code_index);
    f->slots[code->nlocals + code->ncellvars + code->nfreevars + f->sp] = value;
    f->sp++;
    run->call_args = NULL;
    run->call_kwargs = NULL;
    return drive(run);
}

/* vm_run_resume_exception: see vm.h. */
VmEventKind
vm_run_resume_exception(VmRun *run, const char *type_name, const char *message)
{
    if (run->state != VM_RUN_PAUSED) {
        return fail_now(run, "the run is not paused at an external call");
    }
    run->call_args = NULL;
    run->call_kwargs = NULL;
    VmValue e = vm_value_exception(run, type_name, message);
    if (!vm_val_is_empty(e)) {
        run->exc = e;
    }
    return drive(run);
}

VmEventKind
vm_run_last_event(const VmRun *run)
{
    return run->last_event;
}

bool
vm_run_is_paused(const VmRun *run)
{
    return run->state == VM_RUN_PAUSED;
}

VmValue
vm_run_result(const VmRun *run)
{
    return vm_val_is_empty(run->result) ? vm_val_none() : run->result;
}

uint64_t
vm_run_call_id(const VmRun *run)
{
    return run->call_id;
}

const char *
vm_run_call_name(const VmRun *run)
{
    return run->call_ext < run->program->nexternals ? run->program->external_names[run->call_ext]
                                                    : "";
}

size_t
vm_run_call_nargs(const VmRun *run)
{
    return run->call_args ? run->call_args->len : 0;
}

VmValue
vm_run_call_arg(const VmRun *run, size_t i)
{
    return run->call_args && i < run->call_args->len ? run->call_args->items[i] : vm_val_none();
}

VmValue
vm_run_call_kwargs(const VmRun *run)
{
    return run->call_kwargs ? vm_obj_val(run->call_kwargs) : vm_val_none();
}

const char *
vm_run_error_type(const VmRun *run)
{
    return run->err_type ? run->err_type : "";
}

const char *
vm_run_error_message(const VmRun *run)
{
    return run->err_message ? run->err_message : "";
}

const char *
vm_run_error_traceback(const VmRun *run)
{
    return run->err_traceback ? run->err_traceback : "";
}

bool
vm_run_error_is_limit(const VmRun *run)
{
    return run->err_is_limit;
}

size_t
vm_run_error_nframes(const VmRun *run)
{
    return run->err_nframes;
}

const VmTraceFrame *
vm_run_error_frame(const VmRun *run, size_t i)
{
    return i < run->err_nframes ? &run->err_frames[i] : NULL;
}

VmValue
vm_run_error_value(const VmRun *run)
{
    return vm_val_is_obj(run->exc) ? run->exc : vm_val_none();
}

size_t
vm_run_live_bytes(const VmRun *run)
{
    return run->heap.live_bytes;
}

uint64_t
vm_run_allocations(const VmRun *run)
{
    return run->heap.nallocs;
}

/* ---- boundary values ------------------------------------------------------ */

VmKind
vm_value_kind(VmValue v)
{
    switch (v.tag) {
    case VM_TAG_NONE: return VM_KIND_NONE;
    case VM_TAG_BOOL: return VM_KIND_BOOL;
    case VM_TAG_INT: return VM_KIND_INT;
    case VM_TAG_FLOAT: return VM_KIND_FLOAT;
    case VM_TAG_OBJ: break;
    default: return VM_KIND_NONE;
    }
    const VmType *t = v.u.o->type;
    if (t == &vm_type_int) return VM_KIND_BIGINT;
    if (t == &vm_type_str) return VM_KIND_STR;
    if (t == &vm_type_bytes) return VM_KIND_BYTES;
    if (t == &vm_type_list) return VM_KIND_LIST;
    if (t == &vm_type_tuple) return VM_KIND_TUPLE;
    /* dict subtypes (Counter, defaultdict, OrderedDict) share VmDict's layout
     * and cross the boundary as plain dicts, as json.dumps treats them */
    if (t == &vm_type_dict || vm_type_is_subtype(t, &vm_type_dict)) return VM_KIND_DICT;
    if (t == &vm_type_set) return VM_KIND_SET;
    if (t == &vm_type_frozenset) return VM_KIND_FROZENSET;
    if (t->flags & VM_TYPE_EXC) return VM_KIND_EXCEPTION;
    return VM_KIND_OTHER;
}

VmValue
vm_value_str(VmRun *run, const char *utf8, size_t len)
{
    VmValue v = vm_str_val(run, utf8, len);
    run->exc = vm_val_empty();
    return v;
}

VmValue
vm_value_bigint(VmRun *run, const char *decimal)
{
    VmValue v = vm_int_from_str(run, decimal, 10);
    run->exc = vm_val_empty();
    return v;
}

VmValue
vm_value_list(VmRun *run)
{
    VmList *l = vm_list_new(run, 0);
    run->exc = vm_val_empty();
    return l ? vm_obj_val(l) : vm_val_empty();
}

VmValue
vm_value_tuple(VmRun *run, const VmValue *items, size_t n)
{
    VmTuple *t = vm_tuple_new(run, n);
    run->exc = vm_val_empty();
    if (t == NULL) {
        return vm_val_empty();
    }
    if (n > 0) {
        vm_memcpy(t->items, items, n * sizeof(VmValue));
    }
    return vm_obj_val(t);
}

VmValue
vm_value_dict(VmRun *run)
{
    VmDict *d = vm_dict_new(run);
    run->exc = vm_val_empty();
    return d ? vm_obj_val(d) : vm_val_empty();
}

VmValue
vm_value_set(VmRun *run)
{
    VmSet *s = vm_set_new(run, &vm_type_set);
    run->exc = vm_val_empty();
    return s ? vm_obj_val(s) : vm_val_empty();
}

VmValue
vm_value_frozenset(VmRun *run, const VmValue *items, size_t n)
{
    VmSet *s = vm_set_new(run, &vm_type_frozenset);
    for (size_t i = 0; s != NULL && i < n; i++) {
        if (vm_set_add(run, s, items[i]) != VM_OK) {
            s = NULL;
        }
    }
    run->exc = vm_val_empty();
    return s ? vm_obj_val(s) : vm_val_empty();
}

VmValue
vm_value_exception(VmRun *run, const char *type_name, const char *message)
{
    const VmType *t = vm_exc_type_by_name(type_name);
    VmValue msg;
    if (t == NULL) {
        t = &vm_exc_RuntimeError;
        size_t n = strlen(type_name) + strlen(message) + 3;
        char *buf = malloc(n);
        if (buf == NULL) {
            return vm_val_empty();
        }
        snprintf(buf, n, "%s: %s", type_name, message);
        msg = vm_str_val(run, buf, strlen(buf));
        free(buf);
    } else {
        msg = vm_str_val(run, message, strlen(message));
    }
    if (vm_val_is_empty(msg)) {
        run->exc = vm_val_empty();
        return msg;
    }
    VmTuple *args = vm_tuple_new(run, 1);
    if (args == NULL) {
        run->exc = vm_val_empty();
        return vm_val_empty();
    }
    args->items[0] = msg;
    VmValue e = vm_exc_new(run, t, args);
    return e;
}

bool
vm_value_list_append(VmRun *run, VmValue list, VmValue item)
{
    bool ok = vm_is(list, &vm_type_list)
              && vm_list_append(run, VM_AS(VmList, list), item) == VM_OK;
    run->exc = vm_val_empty();
    return ok;
}

bool
vm_value_set_add(VmRun *run, VmValue set, VmValue item)
{
    bool ok = (vm_is(set, &vm_type_set) || vm_is(set, &vm_type_frozenset))
              && vm_set_add(run, VM_AS(VmSet, set), item) == VM_OK;
    run->exc = vm_val_empty();
    return ok;
}

bool
vm_value_dict_set(VmRun *run, VmValue dict, VmValue key, VmValue value)
{
    bool ok = vm_is(dict, &vm_type_dict)
              && vm_dict_set(run, VM_AS(VmDict, dict), key, value) == VM_OK;
    run->exc = vm_val_empty();
    return ok;
}

const char *
vm_value_str_data(VmValue v, size_t *len)
{
    if (!vm_is(v, &vm_type_str)) {
        *len = 0;
        return "";
    }
    *len = VM_AS(VmStr, v)->len;
    return VM_AS(VmStr, v)->data;
}

const uint8_t *
vm_value_bytes_data(VmValue v, size_t *len)
{
    if (!vm_is(v, &vm_type_bytes)) {
        *len = 0;
        return (const uint8_t *)"";
    }
    *len = VM_AS(VmBytes, v)->len;
    return VM_AS(VmBytes, v)->data;
}

char *
vm_value_bigint_str(VmValue v)
{
    if (v.tag == VM_TAG_INT || v.tag == VM_TAG_BOOL) {
        char buf[32];
        snprintf(buf, sizeof buf, "%lld", (long long)v.u.i);
        return dupstr(buf);
    }
    if (!vm_is(v, &vm_type_int)) {
        return NULL;
    }
    mp_int *n = &VM_AS(VmBigInt, v)->n;
    size_t cap = (size_t)mp_count_bits(n) / 3 + 4;
    char *buf = malloc(cap);
    size_t written;
    if (buf != NULL && mp_to_radix(n, buf, cap, &written, 10) != MP_OKAY) {
        free(buf);
        return NULL;
    }
    return buf;
}

size_t
vm_value_len(VmValue v)
{
    switch (vm_value_kind(v)) {
    case VM_KIND_LIST: return VM_AS(VmList, v)->len;
    case VM_KIND_TUPLE: return VM_AS(VmTuple, v)->len;
    case VM_KIND_DICT: return VM_AS(VmDict, v)->used;
    case VM_KIND_SET:
    case VM_KIND_FROZENSET: return VM_AS(VmSet, v)->used;
    default: return 0;
    }
}

VmValue
vm_value_item(VmValue v, size_t i)
{
    switch (vm_value_kind(v)) {
    case VM_KIND_LIST:
        return i < VM_AS(VmList, v)->len ? VM_AS(VmList, v)->items[i] : vm_val_none();
    case VM_KIND_TUPLE:
        return i < VM_AS(VmTuple, v)->len ? VM_AS(VmTuple, v)->items[i] : vm_val_none();
    case VM_KIND_SET:
    case VM_KIND_FROZENSET: {
        VmSet *s = VM_AS(VmSet, v);
        for (size_t k = 0; k <= s->mask; k++) {
            if (!vm_val_is_empty(s->table[k].key) && i-- == 0) {
                return s->table[k].key;
            }
        }
        return vm_val_none();
    }
    default:
        return vm_val_none();
    }
}

void
vm_value_dict_entry(VmValue v, size_t i, VmValue *key, VmValue *value)
{
    *key = *value = vm_val_none();
    if (vm_value_kind(v) != VM_KIND_DICT) {
        return;
    }
    VmDict *d = VM_AS(VmDict, v);
    for (size_t k = 0; k < d->nentries; k++) {
        if (!vm_val_is_empty(d->entries[k].key) && i-- == 0) {
            *key = d->entries[k].key;
            *value = d->entries[k].value;
            return;
        }
    }
}

const char *
vm_value_exception_type(VmValue v)
{
    return vm_val_is_obj(v) ? v.u.o->type->name : "";
}

char *
vm_value_exception_message(VmRun *run, VmValue v)
{
    VmValue m;
    if (!vm_val_is_obj(v) || !(v.u.o->type->flags & VM_TYPE_EXC)
        || vm_exc_str(run, v, &m) != VM_OK) {
        run->exc = vm_val_empty();
        return dupstr("");
    }
    return dupvmstr(VM_AS(VmStr, m));
}

char *
vm_value_repr(VmRun *run, VmValue v)
{
    VmValue r;
    if (vm_repr(run, v, &r) != VM_OK) {
        run->exc = vm_val_empty();
        return NULL;
    }
    return dupvmstr(VM_AS(VmStr, r));
}
