/*
 * snap_heap.c — snapshot format 2: the heap, the frames and the pending call of a
 * paused run, written as numbered objects and read back in phases (vm/SNAPSHOT.md).
 *
 * Writing walks everything reachable from the run's roots (the frame chain, the
 * globals, the exception being handled, the pending call) breadth-first, numbering
 * each object the first time it is met, so sharing and cycles come back exactly.
 * Objects that belong to the program (constants, names) or to the binary (types,
 * builtins, modules: immortal objects) are written as references by position or by
 * name, never by address. Frames are written by code index, pc and stack depth.
 *
 * Reading treats every byte as hostile: phase 1 allocates a shell for every object
 * (scalars complete, containers empty), phase 2 fills references by number and checks
 * each field's kind, then immutable containers are checked for cycles (and the depth
 * that hashing them would recurse), frozensets, sets and dicts are rebuilt by
 * re-inserting their items (hashes recomputed, never trusted), iterators' positions
 * are mapped onto the rebuilt tables, and last the frame chain is checked against
 * the bytecode: each pc must be a resume point of its code (after a call, a yield,
 * FOR_ITER or SEND) with the stack depth the verifier computed there.
 */
#include "vm/snapshot.h"

#include "compiler/cmp_int.h"
#include "vm/modules.h"
#include "vm/vm_int.h"

extern const VmType vm_type_defaultdict, vm_type_counter, vm_type_ordereddict, vm_type_deque,
    vm_type_ntclass, vm_type_ntobj, vm_type_date, vm_type_datetime, vm_type_timedelta,
    vm_type_time,
    vm_type_re_pattern, vm_type_re_match, vm_type_re_iter;
const VmType *vm_iter_kind_type(int kind, bool ascii);
VmValue vm_value_bytes(VmRun *run, const uint8_t *data, size_t len);
/* mod_datetime.c's and mod_collections.c's snapshot accessors */
void vm_datetime_snap_get(const VmObj *o, int64_t f[7]);
VmValue vm_datetime_snap_make(VmRun *run, const VmType *t, const int64_t f[7]);
void vm_collections_snap_deque(VmObj *o, VmList ***items, int64_t **maxlen);
void vm_collections_snap_nt(VmObj *o, VmStr ***name, VmTuple ***fields, VmTuple ***defaults,
                            VmObj ***cls);
size_t vm_collections_snap_size(const VmType *t);
/* mod_re.c's snapshot accessors */
void vm_re_snap_pattern(const VmObj *o, VmValue *pattern, int64_t *flags, uint32_t *ngroups,
                        bool *is_bytes);
VmObj *vm_re_snap_pattern_shell(VmRun *run);
VmStatus vm_re_snap_pattern_compile(VmRun *run, VmObj *o, VmValue pattern, int64_t flags);
void vm_re_snap_match(const VmObj *o, VmObj **pat, VmValue *string, int64_t *pos,
                      int64_t *endpos, uint32_t *n, const int64_t **off);
VmObj *vm_re_snap_match_shell(VmRun *run, uint32_t n);
void vm_re_snap_match_set(VmObj *o, VmObj *pat, VmValue string, int64_t pos, int64_t endpos,
                          const int64_t *off);
void vm_re_snap_iter(const VmObj *o, VmObj **pat, VmValue *string, size_t *bpos, size_t *blen,
                     int64_t *pos, int64_t *endpos, bool *must_advance, bool *done);
VmObj *vm_re_snap_iter_shell(VmRun *run);
void vm_re_snap_iter_set(VmObj *o, VmObj *pat, VmValue string, size_t bpos, size_t blen,
                         int64_t pos, int64_t endpos, bool must_advance, bool done);

/* Iterator kinds (obj_iter.c's enum). */
enum {
    IT_STR = 0, IT_TUPLE = 1, IT_LIST = 2, IT_RANGE = 3, IT_DICT_KEYS = 4,
    IT_DICT_VALUES = 5, IT_DICT_ITEMS = 6, IT_SET = 7, IT_ENUMERATE = 8, IT_ZIP = 9,
    IT_REVERSED = 10, IT_ZIP_STRICT = 11, IT_MAP = 12, IT_FILTER = 13, IT_NKINDS
};

/* Value tags. */
enum { V_EMPTY, V_NONE, V_FALSE, V_TRUE, V_INT, V_FLOAT, V_OBJ };

/* Object record tags. */
enum {
    T_IMM = 1, T_CONST, T_NAME, T_PGLOBALS, T_STR, T_BYTES, T_BIGINT, T_TUPLE, T_LIST,
    T_DICT, T_SET, T_FROZENSET, T_RANGE, T_SLICE, T_CELL, T_FUNC, T_METHOD, T_EXTERNAL,
    T_TRACEBACK, T_EXC, T_ITER, T_GEN, T_UNION, T_REPAT, T_REMATCH, T_REITER,
    T_DATETIME, T_DEQUE, T_NTCLASS, T_NTOBJ, T_LIMIT
};

/* Immortal object paths. */
enum { K_BUILTIN = 1, K_TYPE, K_METHOD, K_MODULE, K_MEMBER, K_SINGLE, K_PGLOBAL };

/* Dict layouts by subtype. */
static const VmType *const dict_types[] = {
    &vm_type_dict, &vm_type_defaultdict, &vm_type_counter, &vm_type_ordereddict,
};

/* Types a script can hold that the builtins namespace does not name, written by their
 * index here: append only (reordering changes what old snapshots mean; a change that
 * must reorder bumps VM_SNAPSHOT_VERSION). */
static const VmType *const core_types[] = {
    &vm_type_object, &vm_type_type, &vm_type_none, &vm_type_bool, &vm_type_int,
    &vm_type_float, &vm_type_str, &vm_type_bytes, &vm_type_list, &vm_type_tuple,
    &vm_type_dict, &vm_type_set, &vm_type_frozenset, &vm_type_range, &vm_type_slice,
    &vm_type_function, &vm_type_builtin, &vm_type_method, &vm_type_cell, &vm_type_external,
    &vm_type_traceback, &vm_type_iter, &vm_type_ellipsis, &vm_type_notimpl,
    &vm_type_dict_keys, &vm_type_dict_values, &vm_type_dict_items, &vm_type_enumerate,
    &vm_type_zip, &vm_type_reversed, &vm_type_generator, &vm_type_map, &vm_type_filter,
    &vm_type_range_iter, &vm_type_union, &vm_type_module, &vm_type_modclass,
    &vm_type_coroutine, &vm_exc_BaseException,
#define X(name_, base_) &vm_exc_##name_,
    VM_EXC_TYPES(X)
#undef X
    &vm_exc_JSONDecodeError, &vm_exc_PatternError, &vm_exc_StatisticsError,
};

/* Hashing recurses through nested tuples and frozensets: keys nested deeper than
 * this are refused (a legitimate run cannot build them as keys: hashing them would
 * already recurse this deep in the original run). */
#define MAX_KEY_HEIGHT 2000

/* ======================================================================== */
/* writer                                                                   */
/* ======================================================================== */

enum { A_OBJ, A_CONST, A_NAME };

typedef struct WEnt {
    const void *key;
    uint32_t num;           /* UINT32_MAX: not numbered yet (an alias never referenced) */
    uint32_t ci, j;
    uint8_t kind;
} WEnt;

/* Small snapshots (the common case) never touch malloc for the writer's tables. */
#define W_INLINE 64

typedef struct SnapW {
    VmRun *run;
    ApiBuf *out;
    WEnt *map;
    size_t mask, count;
    VmObj **queue;
    size_t nq, capq;
    bool failed;
    char *err;
    size_t errlen;
    /* last: vm_snap_heap_write zeroes the fields above only */
    WEnt map0[W_INLINE];
    VmObj *queue0[W_INLINE];
} SnapW;

static void
w_fail(SnapW *w, const char *fmt, const char *arg)
{
    if (!w->failed && w->err != NULL) {
        snprintf(w->err, w->errlen, fmt, arg);
    }
    w->failed = true;
}

/* LEB128 into dst (at least 10 bytes): the bytes written. */
static inline size_t
leb128(uint8_t *dst, uint64_t v)
{
    size_t n = 0;
    while (v >= 0x80) {
        dst[n++] = (uint8_t)(v | 0x80);
        v >>= 7;
    }
    dst[n++] = (uint8_t)v;
    return n;
}

static void
w_varint(ApiBuf *b, uint64_t v)
{
    if (api_buf_reserve(b, 10)) {
        b->len += leb128((uint8_t *)b->data + b->len, v);
    }
}

/* A tag byte and a varint (the common value encodings). */
static inline void
w_tag_varint(ApiBuf *b, uint8_t tag, uint64_t v)
{
    if (api_buf_reserve(b, 11)) {
        uint8_t *d = (uint8_t *)b->data + b->len;
        d[0] = tag;
        b->len += 1 + leb128(d + 1, v);
    }
}

static void
w_zz(ApiBuf *b, int64_t i)
{
    w_varint(b, ((uint64_t)i << 1) ^ (uint64_t)(i < 0 ? UINT64_MAX : 0));
}

static void
w_text(ApiBuf *b, const char *s, size_t n)
{
    w_varint(b, n);
    api_buf_put(b, s, n);
}

static size_t
map_slot(const SnapW *w, const void *key)
{
    uintptr_t h = (uintptr_t)key;
    h ^= h >> 17;
    h *= (uintptr_t)0x9E3779B97F4A7C15ull;
    return (size_t)(h >> 7) & w->mask;
}

static WEnt *
map_find(SnapW *w, const void *key)
{
    for (size_t i = map_slot(w, key);; i = (i + 1) & w->mask) {
        if (w->map[i].key == key || w->map[i].key == NULL) {
            return &w->map[i];
        }
    }
}

static bool
map_grow(SnapW *w)
{
    size_t ncap = (w->mask + 1) * 2;
    WEnt *old = w->map;
    size_t oldcap = w->mask + 1;
    w->map = calloc(ncap, sizeof(WEnt));
    if (w->map == NULL) {
        w->map = old;
        return false;
    }
    w->mask = ncap - 1;
    for (size_t i = 0; i < oldcap; i++) {
        if (old[i].key != NULL) {
            *map_find(w, old[i].key) = old[i];
        }
    }
    if (old != w->map0) {
        free(old);
    }
    return true;
}

/* The entry for key, inserted (kind A_OBJ, unnumbered) if new; NULL on OOM. */
static WEnt *
map_get(SnapW *w, const void *key, bool *fresh)
{
    if ((w->count + 1) * 2 > w->mask + 1 && !map_grow(w)) {
        w->failed = true;
        return NULL;
    }
    WEnt *e = map_find(w, key);
    *fresh = e->key == NULL;
    if (*fresh) {
        e->key = key;
        e->num = UINT32_MAX;
        e->kind = A_OBJ;
        w->count++;
    }
    return e;
}

/* The number of object o, queuing it for writing when first met. */
static uint32_t
w_ref(SnapW *w, VmObj *o)
{
    bool fresh;
    WEnt *e = map_get(w, o, &fresh);
    if (e == NULL) {
        return 0;
    }
    if (e->num != UINT32_MAX) {
        return e->num;
    }
    if (w->nq == w->capq) {
        size_t ncap = w->capq * 2;
        VmObj **nqueue = malloc(ncap * sizeof *nqueue);
        if (nqueue == NULL || ncap > UINT32_MAX - 1) {
            free(nqueue);
            w->failed = true;
            return 0;
        }
        memcpy(nqueue, w->queue, w->nq * sizeof *nqueue);
        if (w->queue != w->queue0) {
            free(w->queue);
        }
        w->queue = nqueue;
        w->capq = ncap;
    }
    e->num = (uint32_t)w->nq;
    w->queue[w->nq++] = o;
    return e->num;
}

static void
w_val(SnapW *w, ApiBuf *b, VmValue v)
{
    switch (v.tag) {
    case VM_TAG_EMPTY:
        api_buf_putc(b, V_EMPTY);
        return;
    case VM_TAG_NONE:
        api_buf_putc(b, V_NONE);
        return;
    case VM_TAG_BOOL:
        api_buf_putc(b, v.u.i ? V_TRUE : V_FALSE);
        return;
    case VM_TAG_INT:
        w_tag_varint(b, V_INT,
                     ((uint64_t)v.u.i << 1) ^ (uint64_t)(v.u.i < 0 ? UINT64_MAX : 0));
        return;
    case VM_TAG_FLOAT: {
        uint8_t le[9];
        uint64_t bits;
        memcpy(&bits, &v.u.f, 8);
        le[0] = V_FLOAT;
        for (int i = 0; i < 8; i++) {
            le[1 + i] = (uint8_t)(bits >> (8 * i));
        }
        api_buf_put(b, le, 9);
        return;
    }
    case VM_TAG_OBJ:
        w_tag_varint(b, V_OBJ, w_ref(w, v.u.o));
        return;
    default:
        w_fail(w, "%s", "snapshot: a value with an unknown tag");
        return;
    }
}

static void
w_objval(SnapW *w, ApiBuf *b, const void *o)
{
    w_val(w, b, o != NULL ? vm_obj_val(o) : vm_val_none());
}

/* Registers the run's constant and name objects of one program as aliases. */
static void
w_aliases(SnapW *w, const CmpProgram *p, VmCodeData *codes, uint32_t bit)
{
    for (uint32_t ci = 0; p != NULL && codes != NULL && ci < p->ncodes; ci++) {
        VmCodeData *cd = &codes[ci];
        for (uint32_t j = 0; j < p->codes[ci].nconsts; j++) {
            VmValue v = cd->consts[j];
            if (v.tag != VM_TAG_OBJ || (v.u.o->gc_flags & VM_GC_IMMORTAL)) {
                continue;
            }
            bool fresh;
            WEnt *e = map_get(w, v.u.o, &fresh);
            if (e != NULL && fresh) {
                e->kind = A_CONST;
                e->ci = ci | bit;
                e->j = j;
            }
        }
        for (uint32_t j = 0; j < p->codes[ci].nnames; j++) {
            bool fresh;
            WEnt *e = map_get(w, cd->names[j], &fresh);
            if (e != NULL && fresh) {
                e->kind = A_NAME;
                e->ci = ci | bit;
                e->j = j;
            }
        }
    }
}

static const VmType *
method_owner_lookup(const VmType *t, const char *name)
{
    for (size_t i = 0; t->methods != NULL && t->methods[i] != NULL; i++) {
        if (strcmp(t->methods[i]->name, name) == 0) {
            return t;
        }
    }
    return NULL;
}

static bool w_imm_path(SnapW *w, ApiBuf *b, const VmObj *o, int depth);

/* Module member path of an immortal object, if a module exports it. */
static bool
w_member_path(ApiBuf *b, const VmObj *o)
{
    for (size_t m = 0; vm_module_at(m) != NULL; m++) {
        const VmModule *mod = vm_module_at(m);
        for (size_t k = 0; k < mod->nmembers; k++) {
            const VmModuleMember *mb = &mod->members[k];
            if ((mb->kind == VM_MEMBER_BUILTIN || mb->kind == VM_MEMBER_TYPE
                 || mb->kind == VM_MEMBER_OBJ) && mb->ptr == o) {
                api_buf_putc(b, K_MEMBER);
                w_text(b, mod->name, strlen(mod->name));
                w_text(b, mb->name, strlen(mb->name));
                return true;
            }
        }
    }
    return false;
}

/* Writes the path by which load finds immortal object o again. */
static bool
w_imm_path(SnapW *w, ApiBuf *b, const VmObj *o, int depth)
{
    const VmRun *run = w->run;
    if (o == &vm_empty_tuple.hdr || o == &vm_ellipsis_obj || o == &vm_notimpl_obj) {
        api_buf_putc(b, K_SINGLE);
        api_buf_putc(b, o == &vm_empty_tuple.hdr ? 0 : o == &vm_ellipsis_obj ? 1 : 2);
        return true;
    }
    if (o->type == &vm_type_str && ((const VmStr *)o)->nchars == 1) {
        /* the immortal one-character strs (vm_str_char), by code point */
        const VmStr *st = (const VmStr *)o;
        const unsigned char *d = (const unsigned char *)st->data;
        uint32_t c = st->len == 1 ? d[0] : st->len == 2 ? ((d[0] & 0x1Fu) << 6) | (d[1] & 0x3Fu)
                                                         : 256;
        if (c < 256 && vm_str_char(c) == st) {
            api_buf_putc(b, K_SINGLE);
            api_buf_putc(b, 3);
            w_varint(b, c);
            return true;
        }
    }
    if (o->type == &vm_type_module) {
        const char *name = ((const VmModule *)o)->name;
        api_buf_putc(b, K_MODULE);
        w_text(b, name, strlen(name));
        return true;
    }
    if (o->type == &vm_type_type || o->type == &vm_type_builtin) {
        const char *name = o->type == &vm_type_type ? ((const VmType *)o)->name
                                                     : ((const VmBuiltin *)o)->name;
        if ((const VmObj *)vm_builtins_lookup(name, strlen(name)) == o) {
            api_buf_putc(b, K_BUILTIN);
            w_text(b, name, strlen(name));
            return true;
        }
    }
    if (o->type == &vm_type_type) {
        for (size_t i = 0; i < sizeof core_types / sizeof core_types[0]; i++) {
            if (&core_types[i]->hdr == o) {
                api_buf_putc(b, K_TYPE);
                w_varint(b, i);
                return true;
            }
        }
    }
    if (o->type == &vm_type_builtin && ((const VmBuiltin *)o)->owner != NULL && depth == 0) {
        const VmBuiltin *bf = (const VmBuiltin *)o;
        if (method_owner_lookup(bf->owner, bf->name) != NULL) {
            api_buf_putc(b, K_METHOD);
            if (!w_imm_path(w, b, &bf->owner->hdr, depth + 1)) {
                return false;
            }
            w_text(b, bf->name, strlen(bf->name));
            return true;
        }
    }
    if (w_member_path(b, o)) {
        return true;
    }
    if (run->prelude_globals != NULL) {
        VmDict *d = run->prelude_globals;
        for (size_t i = 0; i < d->nentries; i++) {
            VmDictEntry *e = &d->entries[i];
            if (vm_is(e->key, &vm_type_str) && e->value.tag == VM_TAG_OBJ && e->value.u.o == o) {
                VmStr *k = VM_AS(VmStr, e->key);
                api_buf_putc(b, K_PGLOBAL);
                w_text(b, k->data, k->len);
                return true;
            }
        }
    }
    if (o->type == &vm_type_type) {
        w_fail(w, "snapshot: a paused run holding the type '%s' cannot be saved yet",
               ((const VmType *)o)->name);
    } else {
        w_fail(w, "snapshot: a paused run holding the built-in '%s' object cannot be saved yet",
               o->type->name);
    }
    return false;
}

static bool
is_dict_type(const VmType *t, uint8_t *sub)
{
    for (uint8_t i = 0; i < sizeof dict_types / sizeof dict_types[0]; i++) {
        if (dict_types[i] == t) {
            *sub = i;
            return true;
        }
    }
    return false;
}

/* Writes a frame: code, function, globals, position and the live slots. */
static void
w_frame(SnapW *w, ApiBuf *b, const VmFrame *f, bool dead)
{
    const CmpCode *code = vm_code(w->run, f->code_index);
    uint32_t nfix = code->nlocals + code->ncellvars + code->nfreevars;
    w_varint(b, f->code_index);
    w_objval(w, b, f->func);
    w_objval(w, b, f->globals);
    w_varint(b, dead ? 0 : f->pc);
    w_varint(b, dead ? 0 : f->sp);
    /* a suspended generator's frame keeps the mode of its last resume: stale */
    bool running = f->gen == NULL || f->gen->state == VM_GEN_RUNNING;
    api_buf_putc(b, running ? (char)f->gen_mode : 0);
    w_varint(b, running ? f->gen_target : 0);
    if (dead) {
        return;
    }
    for (uint32_t i = 0; i < nfix + f->sp && i < f->nslots; i++) {
        w_val(w, b, f->slots[i]);
    }
}

/* A dict or set iterator's position as the number of live entries before it. */
static int64_t
iter_ordinal(const VmIter *it)
{
    if (it->kind >= IT_DICT_KEYS && it->kind <= IT_DICT_ITEMS && vm_val_is_obj(it->seq)) {
        VmDict *d = VM_AS(VmDict, it->seq);
        int64_t n = 0;
        for (int64_t i = 0; i < it->index && (size_t)i < d->nentries; i++) {
            n += !vm_val_is_empty(d->entries[i].key);
        }
        return it->index < 0 ? it->index : n;
    }
    if (it->kind == IT_SET && vm_val_is_obj(it->seq)) {
        VmSet *s = VM_AS(VmSet, it->seq);
        int64_t n = 0;
        for (int64_t i = 0; i < it->index && (size_t)i <= s->mask; i++) {
            n += !vm_val_is_empty(s->table[i].key);
        }
        return it->index < 0 ? it->index : n;
    }
    return it->index;
}

static void
w_obj(SnapW *w, ApiBuf *b, VmObj *o)
{
    const VmType *t = o->type;
    uint8_t sub;
    bool fresh;
    WEnt *e = map_get(w, o, &fresh);
    if (e == NULL) {
        return;
    }
    if (e->kind == A_CONST || e->kind == A_NAME) {
        api_buf_putc(b, e->kind == A_CONST ? T_CONST : T_NAME);
        w_varint(b, e->ci);
        w_varint(b, e->j);
        return;
    }
    if (w->run->prelude_globals != NULL && o == &w->run->prelude_globals->hdr) {
        api_buf_putc(b, T_PGLOBALS);
        return;
    }
    if (o->gc_flags & VM_GC_IMMORTAL) {
        api_buf_putc(b, T_IMM);
        w_imm_path(w, b, o, 0);
        return;
    }
    if (t == &vm_type_str) {
        VmStr *s = (VmStr *)o;
        api_buf_putc(b, T_STR);
        w_text(b, s->data, s->len);
    } else if (t == &vm_type_bytes) {
        VmBytes *s = (VmBytes *)o;
        api_buf_putc(b, T_BYTES);
        w_text(b, (const char *)s->data, s->len);
    } else if (t == &vm_type_int) {
        mp_int *n = &((VmBigInt *)o)->n;
        size_t nb = mp_ubin_size(n);
        uint8_t *tmp = malloc(nb ? nb : 1);
        size_t written = 0;
        if (tmp == NULL || mp_to_ubin(n, tmp, nb, &written) != MP_OKAY) {
            free(tmp);
            w->failed = true;
            return;
        }
        api_buf_putc(b, T_BIGINT);
        api_buf_putc(b, mp_isneg(n) ? 1 : 0);
        w_text(b, (const char *)tmp, written);
        free(tmp);
    } else if (t == &vm_type_tuple) {
        VmTuple *tu = (VmTuple *)o;
        api_buf_putc(b, T_TUPLE);
        w_varint(b, tu->len);
        for (size_t i = 0; i < tu->len; i++) {
            w_val(w, b, tu->items[i]);
        }
    } else if (t == &vm_type_list) {
        VmList *l = (VmList *)o;
        api_buf_putc(b, T_LIST);
        w_varint(b, l->len);
        for (size_t i = 0; i < l->len; i++) {
            w_val(w, b, l->items[i]);
        }
    } else if (is_dict_type(t, &sub)) {
        VmDict *d = (VmDict *)o;
        api_buf_putc(b, T_DICT);
        api_buf_putc(b, (char)sub);
        if (t == &vm_type_defaultdict) {
            w_val(w, b, *(VmValue *)(d + 1));
        }
        w_varint(b, d->used);
        for (size_t i = 0; i < d->nentries; i++) {
            if (!vm_val_is_empty(d->entries[i].key)) {
                w_val(w, b, d->entries[i].key);
                w_val(w, b, d->entries[i].value);
            }
        }
    } else if (t == &vm_type_set || t == &vm_type_frozenset) {
        VmSet *s = (VmSet *)o;
        api_buf_putc(b, t == &vm_type_set ? T_SET : T_FROZENSET);
        /* the exact table (slots of keys and dummies) keeps CPython's iteration
         * order; a table sparser than growth ever makes is written as its keys */
        size_t size = s->mask + 1;
        bool exact = size <= 8 * (s->fill + 1);
        w_varint(b, exact ? size : 0);
        w_varint(b, exact ? s->fill : s->used);
        for (size_t i = 0; i < size; i++) {
            VmSetEntry *e = &s->table[i];
            if (!vm_val_is_empty(e->key) || (exact && e->hash == -1)) {
                if (exact) {
                    w_varint(b, i);
                }
                w_val(w, b, e->key);
            }
        }
    } else if (t == &vm_type_range) {
        VmRange *r = (VmRange *)o;
        api_buf_putc(b, T_RANGE);
        w_zz(b, r->start);
        w_zz(b, r->stop);
        w_zz(b, r->step);
    } else if (t == &vm_type_slice) {
        VmSlice *s = (VmSlice *)o;
        api_buf_putc(b, T_SLICE);
        w_val(w, b, s->start);
        w_val(w, b, s->stop);
        w_val(w, b, s->step);
    } else if (t == &vm_type_cell) {
        api_buf_putc(b, T_CELL);
        w_val(w, b, ((VmCell *)o)->value);
    } else if (t == &vm_type_function) {
        VmFunction *f = (VmFunction *)o;
        api_buf_putc(b, T_FUNC);
        w_varint(b, f->code_index);
        w_objval(w, b, f->globals);
        w_objval(w, b, f->defaults);
        w_objval(w, b, f->kwdefaults);
        w_objval(w, b, f->closure);
        w_objval(w, b, f->name);
        w_objval(w, b, f->qualname);
        w_objval(w, b, f->attrs);
    } else if (t == &vm_type_method) {
        VmBoundMethod *m = (VmBoundMethod *)o;
        api_buf_putc(b, T_METHOD);
        w_val(w, b, m->func);
        w_val(w, b, m->self);
    } else if (t == &vm_type_external) {
        api_buf_putc(b, T_EXTERNAL);
        w_varint(b, ((VmExternal *)o)->index);
    } else if (t == &vm_type_traceback) {
        VmTraceback *tb = (VmTraceback *)o;
        api_buf_putc(b, T_TRACEBACK);
        w_objval(w, b, tb->next);
        w_varint(b, tb->code_index);
        w_varint(b, tb->lineno);
        w_varint(b, tb->pc);
        w_varint(b, tb->name_index);
    } else if (t->flags & VM_TYPE_EXC) {
        VmExc *x = (VmExc *)o;
        api_buf_putc(b, T_EXC);
        w_imm_path(w, b, &t->hdr, 0);
        w_objval(w, b, x->args);
        w_val(w, b, x->cause);
        w_val(w, b, x->context);
        api_buf_putc(b, x->suppress_context ? 1 : 0);
        w_objval(w, b, x->traceback);
        w_val(w, b, x->extra);
    } else if (t->trace != NULL && t->next != NULL && t->repr == vm_type_iter.repr) {
        VmIter *it = (VmIter *)o;
        api_buf_putc(b, T_ITER);
        api_buf_putc(b, 0);
        api_buf_putc(b, (char)it->kind);
        w_zz(b, iter_ordinal(it));
        w_zz(b, it->aux);
        w_zz(b, it->aux2);
        w_val(w, b, it->seq);
    } else if (t == &vm_type_dict_keys || t == &vm_type_dict_values
               || t == &vm_type_dict_items) {
        VmIter *it = (VmIter *)o;
        api_buf_putc(b, T_ITER);
        api_buf_putc(b, 1);
        api_buf_putc(b, (char)it->kind);
        w_zz(b, 0);
        w_zz(b, 0);
        w_zz(b, 0);
        w_val(w, b, it->seq);
    } else if (t == &vm_type_generator || t == &vm_type_coroutine) {
        VmGenerator *g = (VmGenerator *)o;
        api_buf_putc(b, T_GEN);
        api_buf_putc(b, t == &vm_type_coroutine ? 1 : 0);
        api_buf_putc(b, (char)g->state);
        w_objval(w, b, g->name);
        w_objval(w, b, g->qualname);
        w_frame(w, b, g->frame, g->state == VM_GEN_DONE);
    } else if (t == &vm_type_re_pattern) {
        VmValue src;
        int64_t flags;
        uint32_t ngroups;
        bool is_bytes;
        vm_re_snap_pattern(o, &src, &flags, &ngroups, &is_bytes);
        api_buf_putc(b, T_REPAT);
        w_val(w, b, src);
        w_zz(b, flags);
    } else if (t == &vm_type_re_match) {
        VmObj *pat;
        VmValue string;
        int64_t pos, endpos;
        uint32_t n;
        const int64_t *off;
        vm_re_snap_match(o, &pat, &string, &pos, &endpos, &n, &off);
        api_buf_putc(b, T_REMATCH);
        w_objval(w, b, pat);
        w_val(w, b, string);
        w_zz(b, pos);
        w_zz(b, endpos);
        w_varint(b, n);
        for (size_t k = 0; k < (size_t)n * 4; k++) {
            w_zz(b, off[k]);
        }
    } else if (t == &vm_type_re_iter) {
        VmObj *pat;
        VmValue string;
        size_t bpos, blen;
        int64_t pos, endpos;
        bool adv, done;
        vm_re_snap_iter(o, &pat, &string, &bpos, &blen, &pos, &endpos, &adv, &done);
        api_buf_putc(b, T_REITER);
        w_objval(w, b, pat);
        w_val(w, b, string);
        w_varint(b, bpos);
        w_varint(b, blen);
        w_zz(b, pos);
        w_zz(b, endpos);
        api_buf_putc(b, (char)((adv ? 1 : 0) | (done ? 2 : 0)));
    } else if (t == &vm_type_date || t == &vm_type_datetime || t == &vm_type_timedelta
               || t == &vm_type_time) {
        int64_t fld[7];
        vm_datetime_snap_get(o, fld);
        api_buf_putc(b, T_DATETIME);
        api_buf_putc(b, t == &vm_type_date ? 0 : t == &vm_type_datetime ? 1
                        : t == &vm_type_timedelta ? 2 : 3);
        for (int k = 0; k < 7; k++) {
            w_zz(b, fld[k]);
        }
    } else if (t == &vm_type_deque) {
        VmList **items;
        int64_t *maxlen;
        vm_collections_snap_deque(o, &items, &maxlen);
        api_buf_putc(b, T_DEQUE);
        w_objval(w, b, *items);
        w_zz(b, *maxlen);
    } else if (t == &vm_type_ntclass || t == &vm_type_ntobj) {
        VmStr **name;
        VmTuple **fields, **defaults;
        VmObj **cls;
        vm_collections_snap_nt(o, &name, &fields, &defaults, &cls);
        if (t == &vm_type_ntclass) {
            api_buf_putc(b, T_NTCLASS);
            w_objval(w, b, *name);
            w_objval(w, b, *fields);
            w_objval(w, b, *defaults);
        } else {
            api_buf_putc(b, T_NTOBJ);
            w_objval(w, b, *cls);
            w_objval(w, b, *fields);
        }
    } else if (t == &vm_type_union) {
        api_buf_putc(b, T_UNION);
        w_objval(w, b, ((VmUnion *)o)->args);
    } else {
        w_fail(w, "snapshot: a paused run holding a '%s' object cannot be saved yet",
               t->name);
    }
}

/*
 * vm_snap_heap_write: appends the paused run's state (objects, roots, frames) to out.
 * false with a message in err when the run holds an object kind format 2 cannot
 * save (or on OOM: err empty).
 */
static bool
vm_snap_heap_write(VmRun *run, ApiBuf *out, char *err, size_t errlen)
{
    SnapW w;
    memset(&w, 0, offsetof(SnapW, map0));
    memset(w.map0, 0, sizeof w.map0);
    w.map = w.map0;
    w.mask = W_INLINE - 1;
    w.queue = w.queue0;
    w.capq = W_INLINE;
    w.run = run;
    w.err = err;
    w.errlen = errlen;
    if (err != NULL && errlen > 0) {
        err[0] = '\0';
    }
    ApiBuf tail = {0}, body = {0};
    w_aliases(&w, run->program, run->codes, 0);
    w_aliases(&w, run->prelude, run->prelude_codes, VM_PRELUDE_BIT);
    /* roots */
    w_objval(&w, &tail, run->globals);
    w_val(&w, &tail, run->handled);
    w_objval(&w, &tail, run->call_args);
    w_objval(&w, &tail, run->call_kwargs);
    size_t nframes = 0;
    for (VmFrame *f = run->frame; f != NULL; f = f->back) {
        nframes++;
    }
    w_varint(&tail, nframes);
    /* outermost first: collect the chain, then write it backwards */
    VmFrame **chain = malloc((nframes ? nframes : 1) * sizeof *chain);
    if (chain == NULL) {
        w.failed = true;
    } else {
        size_t i = nframes;
        for (VmFrame *f = run->frame; f != NULL; f = f->back) {
            chain[--i] = f;
        }
        for (i = 0; i < nframes && !w.failed; i++) {
            VmFrame *f = chain[i];
            if (f->gen != NULL) {
                api_buf_putc(&tail, 1);
                w_varint(&tail, w_ref(&w, &f->gen->hdr));
            } else {
                api_buf_putc(&tail, 0);
                w_frame(&w, &tail, f, false);
            }
        }
        free(chain);
    }
    for (size_t i = 0; i < w.nq && !w.failed; i++) {
        w_obj(&w, &body, w.queue[i]);
    }
    w_varint(out, w.nq);
    api_buf_put(out, body.data, body.len);
    api_buf_put(out, tail.data, tail.len);
    bool ok = !w.failed && !body.failed && !tail.failed && !out->failed;
    free(body.data);
    free(tail.data);
    if (w.map != w.map0) {
        free(w.map);
    }
    if (w.queue != w.queue0) {
        free(w.queue);
    }
    return ok;
}

/* ======================================================================== */
/* reader                                                                   */
/* ======================================================================== */

typedef struct SnapR {
    VmRun *run;
    const uint8_t *p;
    size_t len, pos;
    MontyStatus status;
    char *err;
    size_t errlen;
    size_t n;               /* objects */
    VmObj **objs;
    size_t *offs;           /* record offsets */
    uint8_t *tags;
    int phase;              /* 1 shells, 2 fill */
    VmFrame **inline_frames;/* chain frames not owned by a generator */
    size_t ninline;
    uint32_t *height;       /* immutable-structure DFS */
    uint8_t *color;
    int32_t *depths;        /* stack depth per instruction of one code */
    uint32_t depths_ci;
    bool have_depths;
} SnapR;

static bool
r_fail(SnapR *r, MontyStatus st, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static bool
r_fail(SnapR *r, MontyStatus st, const char *fmt, ...)
{
    if (r->status == MONTY_OK) {
        r->status = st;
        if (r->err != NULL && r->errlen > 0) {
            va_list ap;
            va_start(ap, fmt);
            int k = vsnprintf(r->err, r->errlen, fmt, ap);
            va_end(ap);
            if (k >= 0 && (size_t)k < r->errlen) {
                snprintf(r->err + k, r->errlen - (size_t)k, " (snapshot byte %zu)", r->pos);
            }
        }
    }
    return false;
}

#define BAD(...) r_fail(r, MONTY_ERR_FORMAT, __VA_ARGS__)

/* A run limit or OOM hit while loading: report it as such. */
static bool
r_oom(SnapR *r)
{
    r->run->exc = vm_val_empty();
    if (r->run->heap.limit != VM_LIMIT_NONE) {
        return r_fail(r, MONTY_ERR_FORMAT, "snapshot does not fit the run's %s limit",
                      r->run->heap.limit == VM_LIMIT_ALLOCATIONS ? "allocation" : "memory");
    }
    return r_fail(r, MONTY_ERR_NOMEM, "out of memory loading the snapshot");
}

static bool
r_varint(SnapR *r, uint64_t *out)
{
    if (r->pos < r->len && r->p[r->pos] < 0x80) {
        *out = r->p[r->pos++];
        return true;
    }
    uint64_t v = 0;
    *out = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (r->pos >= r->len) {
            return BAD("truncated snapshot");
        }
        uint8_t c = r->p[r->pos++];
        if (shift == 63 && (c & 0x7E) != 0) {
            return BAD("number out of range");
        }
        v |= (uint64_t)(c & 0x7F) << shift;
        if ((c & 0x80) == 0) {
            *out = v;
            return true;
        }
    }
    return BAD("number too long");
}

static bool
r_u32(SnapR *r, uint32_t *out)
{
    uint64_t v;
    *out = 0;
    if (!r_varint(r, &v)) {
        return false;
    }
    if (v > UINT32_MAX) {
        return BAD("number out of range");
    }
    *out = (uint32_t)v;
    return true;
}

static bool
r_zz(SnapR *r, int64_t *out)
{
    uint64_t z;
    *out = 0;
    if (!r_varint(r, &z)) {
        return false;
    }
    *out = (int64_t)((z >> 1) ^ (0 - (z & 1)));
    return true;
}

static bool
r_byte(SnapR *r, uint8_t *out)
{
    *out = 0;
    if (r->pos >= r->len) {
        return BAD("truncated snapshot");
    }
    *out = r->p[r->pos++];
    return true;
}

/* A count of items of at least `unit` bytes each: bounded by the bytes left. */
static bool
r_count(SnapR *r, size_t unit, size_t *out)
{
    uint64_t n;
    *out = 0;
    if (!r_varint(r, &n)) {
        return false;
    }
    if (n > (r->len - r->pos) / unit) {
        return BAD("count larger than the data left");
    }
    *out = (size_t)n;
    return true;
}

static bool
r_text(SnapR *r, const char **s, size_t *n)
{
    *s = "";
    if (!r_count(r, 1, n)) {
        return false;
    }
    *s = (const char *)r->p + r->pos;
    r->pos += *n;
    return true;
}

/* A value; object references resolve to the object shell of that number. */
static bool
r_val(SnapR *r, VmValue *out)
{
    uint8_t tag;
    if (!r_byte(r, &tag)) {
        return false;
    }
    switch (tag) {
    case V_EMPTY: *out = vm_val_empty(); return true;
    case V_NONE: *out = vm_val_none(); return true;
    case V_FALSE: *out = vm_val_bool(false); return true;
    case V_TRUE: *out = vm_val_bool(true); return true;
    case V_INT: {
        int64_t i;
        if (!r_zz(r, &i)) {
            return false;
        }
        *out = vm_val_int(i);
        return true;
    }
    case V_FLOAT: {
        if (r->len - r->pos < 8) {
            return BAD("truncated float");
        }
        uint64_t bits = 0;
        for (int i = 0; i < 8; i++) {
            bits |= (uint64_t)r->p[r->pos + (size_t)i] << (8 * i);
        }
        r->pos += 8;
        double d;
        memcpy(&d, &bits, 8);
        *out = vm_val_float(d);
        return true;
    }
    case V_OBJ: {
        uint64_t num;
        if (!r_varint(r, &num)) {
            return false;
        }
        if (num >= r->n) {
            return BAD("reference to object %llu of %zu", (unsigned long long)num, r->n);
        }
        *out = vm_val_obj(r->objs[num]);
        return true;
    }
    default:
        return BAD("unknown value tag %u", tag);
    }
}

/* Skips n values (phase 1 of a container: its items are read in phase 2). */
static bool
r_skip_values(SnapR *r, size_t n)
{
    const uint8_t *p = r->p;
    size_t pos = r->pos, len = r->len;
    for (size_t k = 0; k < n; k++) {
        if (pos >= len) {
            r->pos = pos;
            return BAD("truncated snapshot");
        }
        uint8_t tag = p[pos++];
        if (tag == V_INT || tag == V_OBJ) {
            size_t start = pos;
            while (pos < len && (p[pos] & 0x80) != 0 && pos - start < 10) {
                pos++;
            }
            if (pos >= len || pos - start >= 10) {
                r->pos = pos;
                return BAD("truncated or overlong number");
            }
            pos++;
        } else if (tag == V_FLOAT) {
            if (len - pos < 8) {
                r->pos = pos;
                return BAD("truncated float");
            }
            pos += 8;
        } else if (tag > V_OBJ) {
            r->pos = pos;
            return BAD("unknown value tag %u", tag);
        }
    }
    r->pos = pos;
    return true;
}

/* A value that may not be EMPTY (EMPTY is an internal marker, never a Python value). */
static bool
r_pyval(SnapR *r, VmValue *out)
{
    /* fast path: an int or object number of up to 28 bits */
    if (r->len - r->pos >= 5) {
        const uint8_t *q = r->p + r->pos;
        uint64_t v = 0;
        size_t k = 1;
        if (q[0] == V_INT || q[0] == V_OBJ) {
            for (int shift = 0; k < 5; k++, shift += 7) {
                v |= (uint64_t)(q[k] & 0x7F) << shift;
                if ((q[k] & 0x80) == 0) {
                    break;
                }
            }
        }
        if (k < 5 && q[0] == V_INT) {
            *out = vm_val_int((int64_t)((v >> 1) ^ (0 - (v & 1))));
            r->pos += k + 1;
            return true;
        }
        if (k < 5 && q[0] == V_OBJ && v < r->n) {
            *out = vm_val_obj(r->objs[v]);
            r->pos += k + 1;
            return true;
        }
    }
    if (!r_val(r, out)) {
        return false;
    }
    if (r->phase == 2 && vm_val_is_empty(*out)) {
        return BAD("an empty marker where a value is needed");
    }
    return true;
}

/* An object of exactly `type` (phase 2 checks it), or NULL for None when nullable. */
static bool
r_objof(SnapR *r, const VmType *type, bool nullable, void **out)
{
    VmValue v;
    if (!r_val(r, &v)) {
        return false;
    }
    *out = NULL;
    if (r->phase != 2) {
        return true;
    }
    if (nullable && vm_val_is_none(v)) {
        return true;
    }
    if (!vm_is(v, type)) {
        return BAD("a %s field holds a %s", type->name,
                   v.tag == VM_TAG_OBJ ? v.u.o->type->name : "scalar");
    }
    *out = v.u.o;
    return true;
}

/* A code index of this run (main program or, with the bit, the loaded prelude). */
static bool
r_code(SnapR *r, uint32_t *ci)
{
    if (!r_u32(r, ci)) {
        return false;
    }
    if (*ci & VM_PRELUDE_BIT) {
        if (r->run->prelude == NULL || (*ci & ~VM_PRELUDE_BIT) >= r->run->prelude->ncodes) {
            return BAD("code index out of range");
        }
    } else if (*ci >= r->run->program->ncodes) {
        return BAD("code index out of range");
    }
    return true;
}

static const VmType *
find_type_index(uint64_t i)
{
    return i < sizeof core_types / sizeof core_types[0] ? core_types[i] : NULL;
}

/* Resolves an immortal path; NULL (error set) when this monty has no such object. */
static const VmObj *
r_imm(SnapR *r, int depth)
{
    uint8_t k;
    const char *s, *s2;
    size_t n, n2;
    if (!r_byte(r, &k)) {
        return NULL;
    }
    switch (k) {
    case K_SINGLE: {
        uint8_t which;
        if (!r_byte(r, &which)) {
            return NULL;
        }
        if (which == 3) {
            uint64_t c;
            if (!r_varint(r, &c)) {
                return NULL;
            }
            if (c >= 256) {
                BAD("unknown singleton");
                return NULL;
            }
            return &vm_str_char((uint32_t)c)->hdr;
        }
        if (which > 2) {
            BAD("unknown singleton");
            return NULL;
        }
        return which == 0 ? &vm_empty_tuple.hdr : which == 1 ? &vm_ellipsis_obj
                                                             : &vm_notimpl_obj;
    }
    case K_MODULE:
        if (!r_text(r, &s, &n)) {
            return NULL;
        }
        for (size_t m = 0; vm_module_at(m) != NULL; m++) {
            const VmModule *mod = vm_module_at(m);
            if (strlen(mod->name) == n && memcmp(mod->name, s, n) == 0) {
                return &mod->hdr;
            }
        }
        BAD("unknown module");
        return NULL;
    case K_BUILTIN: {
        if (!r_text(r, &s, &n)) {
            return NULL;
        }
        if (memchr(s, 0, n) != NULL) {
            BAD("NUL in a name");
            return NULL;
        }
        const VmBuiltin *b = vm_builtins_lookup(s, n);
        if (b == NULL) {
            BAD("unknown builtin");
            return NULL;
        }
        return &b->hdr;
    }
    case K_TYPE: {
        uint64_t i;
        if (!r_varint(r, &i)) {
            return NULL;
        }
        const VmType *t = find_type_index(i);
        if (t == NULL) {
            BAD("unknown type");
            return NULL;
        }
        return &t->hdr;
    }
    case K_METHOD: {
        if (depth > 0) {
            BAD("nested method path");
            return NULL;
        }
        const VmObj *owner = r_imm(r, depth + 1);
        if (owner == NULL || !r_text(r, &s, &n)) {
            return NULL;
        }
        if (owner->type != &vm_type_type) {
            BAD("method of a non-type");
            return NULL;
        }
        const VmType *t = (const VmType *)owner;
        for (size_t i = 0; t->methods != NULL && t->methods[i] != NULL; i++) {
            const char *mn = t->methods[i]->name;
            if (strlen(mn) == n && memcmp(mn, s, n) == 0) {
                return &t->methods[i]->hdr;
            }
        }
        BAD("unknown method");
        return NULL;
    }
    case K_MEMBER:
        if (!r_text(r, &s, &n) || !r_text(r, &s2, &n2)) {
            return NULL;
        }
        for (size_t m = 0; vm_module_at(m) != NULL; m++) {
            const VmModule *mod = vm_module_at(m);
            if (strlen(mod->name) != n || memcmp(mod->name, s, n) != 0) {
                continue;
            }
            for (size_t j = 0; j < mod->nmembers; j++) {
                const VmModuleMember *mb = &mod->members[j];
                if (strlen(mb->name) == n2 && memcmp(mb->name, s2, n2) == 0
                    && (mb->kind == VM_MEMBER_BUILTIN || mb->kind == VM_MEMBER_TYPE
                        || mb->kind == VM_MEMBER_OBJ)) {
                    return mb->ptr;
                }
            }
        }
        BAD("unknown module member");
        return NULL;
    case K_PGLOBAL: {
        if (!r_text(r, &s, &n)) {
            return NULL;
        }
        VmDict *d = r->run->prelude_globals;
        for (size_t i = 0; d != NULL && i < d->nentries; i++) {
            VmDictEntry *e = &d->entries[i];
            if (vm_is(e->key, &vm_type_str) && VM_AS(VmStr, e->key)->len == n
                && memcmp(VM_AS(VmStr, e->key)->data, s, n) == 0 && e->value.tag == VM_TAG_OBJ
                && (e->value.u.o->gc_flags & VM_GC_IMMORTAL)) {
                return e->value.u.o;
            }
        }
        BAD("unknown prelude object");
        return NULL;
    }
    default:
        BAD("unknown built-in object path");
        return NULL;
    }
}

/* Checks and reads a frame record into f (allocated in phase 1 from its code). */
static bool
r_frame(SnapR *r, VmFrame **fp, VmGenerator *gen)
{
    uint32_t ci, pc, sp, target;
    uint8_t mode;
    VmValue func, globals;
    if (!r_code(r, &ci) || !r_val(r, &func) || !r_val(r, &globals) || !r_u32(r, &pc)
        || !r_u32(r, &sp) || !r_byte(r, &mode) || !r_u32(r, &target)) {
        return false;
    }
    const CmpCode *code = vm_code(r->run, ci);
    uint32_t nfix = code->nlocals + code->ncellvars + code->nfreevars;
    if (sp > code->stacksize || pc > code->ncode || mode > VM_GEN_MODE_NEXT) {
        return BAD("frame position out of range");
    }
    bool dead = gen != NULL && gen->state == VM_GEN_DONE;
    if (dead && (pc != 0 || sp != 0)) {
        return BAD("finished generator with a position");
    }
    size_t nslots = dead ? 0 : (size_t)nfix + sp;
    if (nslots > r->len - r->pos) {
        return BAD("frame larger than the data left");
    }
    VmFrame *f = *fp;
    if (r->phase == 1) {
        f = vm_frame_new(r->run, ci, NULL, NULL);
        if (f == NULL) {
            return r_oom(r);
        }
        *fp = f;
        f->gen = gen;
    }
    for (size_t i = 0; i < nslots; i++) {
        VmValue v;
        if (!r_val(r, &v)) {
            return false;
        }
        if (r->phase == 2) {
            if (i >= code->nlocals && i < nfix && !vm_is(v, &vm_type_cell)) {
                return BAD("a frame's cell slot holds no cell");
            }
            f->slots[i] = v;
        }
    }
    if (r->phase == 2) {
        if (!vm_val_is_none(func) && !vm_is(func, &vm_type_function)) {
            return BAD("a frame's function is not a function");
        }
        if (!vm_is(globals, &vm_type_dict)) {
            return BAD("a frame's globals are not a dict");
        }
        f->func = vm_val_is_none(func) ? NULL : VM_AS(VmFunction, func);
        f->globals = VM_AS(VmDict, globals);
        /* f->func's own fields may not be filled yet: check_links compares them */
        f->pc = pc;
        f->sp = dead ? 0 : sp;
        f->gen_mode = mode;
        f->gen_target = target;
    }
    return true;
}

/* Reads one object record (phase 1: shell, phase 2: fields). */
static bool
r_record(SnapR *r, size_t i)
{
    VmRun *run = r->run;
    uint8_t tag;
    if (!r_byte(r, &tag)) {
        return false;
    }
    if (r->phase == 1) {
        r->tags[i] = tag;
        r->offs[i] = r->pos;
    }
    VmObj *o = r->objs[i];
    bool fill = r->phase == 2;
    switch (tag) {
    case T_IMM: {
        const VmObj *im = r_imm(r, 0);
        if (im == NULL) {
            return false;
        }
        r->objs[i] = (VmObj *)im;
        return true;
    }
    case T_CONST:
    case T_NAME: {
        uint32_t ci, j;
        if (!r_code(r, &ci) || !r_u32(r, &j)) {
            return false;
        }
        const CmpCode *code = vm_code(run, ci);
        VmCodeData *cd = vm_code_data(run, ci);
        if (tag == T_CONST) {
            if (j >= code->nconsts || cd->consts[j].tag != VM_TAG_OBJ) {
                return BAD("constant reference out of range");
            }
            r->objs[i] = cd->consts[j].u.o;
        } else {
            if (j >= code->nnames) {
                return BAD("name reference out of range");
            }
            r->objs[i] = &cd->names[j]->hdr;
        }
        return true;
    }
    case T_PGLOBALS:
        if (run->prelude_globals == NULL) {
            return BAD("prelude globals without the prelude");
        }
        r->objs[i] = &run->prelude_globals->hdr;
        return true;
    case T_STR:
    case T_BYTES: {
        const char *s;
        size_t n;
        if (!r_text(r, &s, &n)) {
            return false;
        }
        if (fill) {
            return true;
        }
        if (tag == T_STR && !vm_api_utf8_valid(s, n)) {
            return BAD("invalid UTF-8 in a str");
        }
        VmValue v = tag == T_STR ? vm_str_val(run, s, n)
                                 : vm_value_bytes(run, (const uint8_t *)s, n);
        if (vm_val_is_empty(v)) {
            return r_oom(r);
        }
        r->objs[i] = v.u.o;
        return true;
    }
    case T_BIGINT: {
        uint8_t neg;
        const char *s;
        size_t n;
        if (!r_byte(r, &neg) || !r_text(r, &s, &n)) {
            return false;
        }
        if (fill) {
            return true;
        }
        if (neg > 1 || n == 0 || (uint8_t)s[0] == 0) {
            return BAD("invalid big integer");
        }
        if (vm_heap_check(run, n * 2 + 64) != VM_OK) {
            return r_oom(r);
        }
        mp_int m;
        if (mp_init(&m) != MP_OKAY) {
            return r_oom(r);
        }
        if (mp_from_ubin(&m, (const uint8_t *)s, n) != MP_OKAY
            || (neg && mp_neg(&m, &m) != MP_OKAY)) {
            mp_clear(&m);
            return r_oom(r);
        }
        if (mp_count_bits(&m) <= 63) {
            mp_clear(&m);
            return BAD("big integer that fits a small one");
        }
        VmValue v = vm_int_from_mp(run, &m);
        if (vm_val_is_empty(v)) {
            return r_oom(r);
        }
        r->objs[i] = v.u.o;
        return true;
    }
    case T_SET:
    case T_FROZENSET: {
        size_t size, n;
        if (!r_varint(r, (uint64_t *)&size) || !r_count(r, 1, &n)) {
            return false;
        }
        if (size != 0 && (size < 8 || (size & (size - 1)) != 0 || size / 8 > n + 1)) {
            return BAD("invalid set table size");
        }
        if (!fill) {
            VmSet *st = vm_set_new(run, tag == T_SET ? &vm_type_set : &vm_type_frozenset);
            if (st == NULL) {
                return r_oom(r);
            }
            r->objs[i] = &st->hdr;
        }
        uint64_t prev = 0;
        for (size_t k = 0; k < n; k++) {
            VmValue v;
            if (size != 0) {
                uint64_t slot;
                if (!r_varint(r, &slot)) {
                    return false;
                }
                if (slot >= size || (k > 0 && slot <= prev)) {
                    return BAD("invalid set slot");
                }
                prev = slot;
                if (!r_val(r, &v)) {
                    return false;
                }
            } else if (!r_pyval(r, &v)) {
                return false;
            }
        }
        return true;
    }
    case T_TUPLE:
    case T_LIST: {
        size_t n;
        if (!r_count(r, 1, &n)) {
            return false;
        }
        if (!fill) {
            if (tag == T_TUPLE) {
                VmTuple *t = vm_tuple_new(run, n);
                if (t == NULL) {
                    return r_oom(r);
                }
                r->objs[i] = o = &t->hdr;
            } else {
                VmList *l = vm_list_new(run, n);
                if (l == NULL) {
                    return r_oom(r);
                }
                r->objs[i] = o = &l->hdr;
            }
        }
        if (!fill) {
            return r_skip_values(r, n);
        }
        VmValue *items = tag == T_TUPLE ? ((VmTuple *)o)->items : ((VmList *)o)->items;
        for (size_t k = 0; k < n; k++) {
            if (!r_pyval(r, &items[k])) {
                items[k] = vm_val_none();
                return false;
            }
            if (tag == T_LIST) {
                ((VmList *)o)->len = k + 1;
            }
        }
        return true;
    }
    case T_DICT: {
        uint8_t sub;
        size_t n;
        VmValue factory = vm_val_none();
        if (!r_byte(r, &sub)) {
            return false;
        }
        if (sub >= sizeof dict_types / sizeof dict_types[0]) {
            return BAD("unknown dict type");
        }
        if (dict_types[sub] == &vm_type_defaultdict && !r_pyval(r, &factory)) {
            return false;
        }
        if (!r_count(r, 2, &n)) {
            return false;
        }
        if (!fill) {
            size_t size = sizeof(VmDict) + (sub == 1 ? sizeof(VmValue) : 0);
            o = vm_obj_new(run, dict_types[sub], size);
            if (o == NULL) {
                return r_oom(r);
            }
            r->objs[i] = o;
        } else if (sub == 1) {
            *(VmValue *)((VmDict *)o + 1) = factory;
        }
        for (size_t k = 0; k < 2 * n; k++) {
            VmValue v;
            if (!r_pyval(r, &v)) {
                return false;
            }
        }
        return true;
    }
    case T_RANGE: {
        int64_t start, stop, step;
        if (!r_zz(r, &start) || !r_zz(r, &stop) || !r_zz(r, &step)) {
            return false;
        }
        if (fill) {
            return true;
        }
        if (step == 0 || step == INT64_MIN) {
            return BAD("invalid range step");
        }
        VmValue v = vm_range_new(run, start, stop, step);
        if (vm_val_is_empty(v)) {
            return r_oom(r);
        }
        r->objs[i] = v.u.o;
        return true;
    }
    case T_SLICE: {
        VmValue a, b, c;
        if (!r_pyval(r, &a) || !r_pyval(r, &b) || !r_pyval(r, &c)) {
            return false;
        }
        if (!fill) {
            VmValue v = vm_slice_new(run, vm_val_none(), vm_val_none(), vm_val_none());
            if (vm_val_is_empty(v)) {
                return r_oom(r);
            }
            r->objs[i] = v.u.o;
        } else {
            VmSlice *s = (VmSlice *)o;
            s->start = a;
            s->stop = b;
            s->step = c;
        }
        return true;
    }
    case T_CELL: {
        VmValue v;
        if (!r_val(r, &v)) {
            return false;
        }
        if (!fill) {
            r->objs[i] = vm_obj_new(run, &vm_type_cell, sizeof(VmCell));
            return r->objs[i] != NULL || r_oom(r);
        }
        ((VmCell *)o)->value = v;
        return true;
    }
    case T_FUNC: {
        uint32_t ci;
        VmDict *globals, *kwdefaults, *attrs;
        VmTuple *defaults, *closure;
        VmStr *name, *qualname;
        if (!r_code(r, &ci)) {
            return false;
        }
        if (!fill) {
            r->objs[i] = o = vm_obj_new(run, &vm_type_function, sizeof(VmFunction));
            if (o == NULL) {
                return r_oom(r);
            }
            ((VmFunction *)o)->code_index = ci;
        }
        if (!r_objof(r, &vm_type_dict, false, (void **)&globals)
            || !r_objof(r, &vm_type_tuple, true, (void **)&defaults)
            || !r_objof(r, &vm_type_dict, true, (void **)&kwdefaults)
            || !r_objof(r, &vm_type_tuple, true, (void **)&closure)
            || !r_objof(r, &vm_type_str, false, (void **)&name)
            || !r_objof(r, &vm_type_str, false, (void **)&qualname)
            || !r_objof(r, &vm_type_dict, true, (void **)&attrs)) {
            return false;
        }
        if (fill) {
            if (globals != run->globals && globals != run->prelude_globals) {
                /* run->globals is set from the roots before phase 2 */
                return BAD("a function's globals are not the run's");
            }
            if ((ci & VM_PRELUDE_BIT) != (globals == run->prelude_globals ? VM_PRELUDE_BIT : 0)) {
                return BAD("a function's globals do not match its code");
            }
            VmFunction *f = (VmFunction *)o;
            f->globals = globals;
            f->defaults = defaults;
            f->kwdefaults = kwdefaults;
            f->closure = closure;
            f->name = name;
            f->qualname = qualname;
            f->attrs = attrs;
        }
        return true;
    }
    case T_METHOD: {
        VmValue fn, self;
        if (!r_pyval(r, &fn) || !r_pyval(r, &self)) {
            return false;
        }
        if (!fill) {
            r->objs[i] = vm_obj_new(run, &vm_type_method, sizeof(VmBoundMethod));
            return r->objs[i] != NULL || r_oom(r);
        }
        ((VmBoundMethod *)o)->func = fn;
        ((VmBoundMethod *)o)->self = self;
        return true;
    }
    case T_EXTERNAL: {
        uint32_t ix;
        if (!r_u32(r, &ix)) {
            return false;
        }
        if ((ix & ~VM_EXTERNAL_SYNC) >= run->program->nexternals) {
            return BAD("external function out of range");
        }
        if (!fill) {
            r->objs[i] = o = vm_obj_new(run, &vm_type_external, sizeof(VmExternal));
            if (o == NULL) {
                return r_oom(r);
            }
            ((VmExternal *)o)->index = ix;
        }
        return true;
    }
    case T_TRACEBACK: {
        VmTraceback *next;
        uint32_t ci, lineno, pc, name_index;
        if (!r_objof(r, &vm_type_traceback, true, (void **)&next) || !r_code(r, &ci)
            || !r_u32(r, &lineno) || !r_u32(r, &pc) || !r_code(r, &name_index)) {
            return false;
        }
        if (pc >= vm_code(run, ci)->ncode) {
            return BAD("traceback position out of range");
        }
        if (!fill) {
            r->objs[i] = o = vm_obj_new(run, &vm_type_traceback, sizeof(VmTraceback));
            if (o == NULL) {
                return r_oom(r);
            }
        } else {
            VmTraceback *tb = (VmTraceback *)o;
            tb->next = next;
            tb->code_index = ci;
            tb->lineno = lineno;
            tb->pc = pc;
            tb->name_index = name_index;
        }
        return true;
    }
    case T_EXC: {
        const VmObj *tp = r_imm(r, 0);
        VmTuple *args;
        VmTraceback *tb;
        VmValue cause, context, extra;
        uint8_t suppress;
        if (tp == NULL) {
            return false;
        }
        if (tp->type != &vm_type_type || !(((const VmType *)tp)->flags & VM_TYPE_EXC)) {
            return BAD("exception of a non-exception type");
        }
        if (!r_objof(r, &vm_type_tuple, false, (void **)&args) || !r_val(r, &cause)
            || !r_val(r, &context) || !r_byte(r, &suppress)
            || !r_objof(r, &vm_type_traceback, true, (void **)&tb) || !r_val(r, &extra)) {
            return false;
        }
        if (suppress > 1) {
            return BAD("invalid flag");
        }
        if (!fill) {
            r->objs[i] = o = vm_obj_new(run, (const VmType *)tp, sizeof(VmExc));
            if (o == NULL) {
                return r_oom(r);
            }
            ((VmExc *)o)->exc_type = (const VmType *)tp;
            ((VmExc *)o)->args = (VmTuple *)&vm_empty_tuple;
            return true;
        }
        VmValue chain[2] = {cause, context};
        for (int k = 0; k < 2; k++) {
            if (!vm_val_is_empty(chain[k]) && !vm_val_is_none(chain[k])
                && !(vm_val_is_obj(chain[k]) && (chain[k].u.o->type->flags & VM_TYPE_EXC))) {
                return BAD("an exception's cause or context is not an exception");
            }
        }
        /* exc.c reads an exception group's message as args[0] once its sub-exceptions
         * (extra) are a tuple */
        if (vm_is(extra, &vm_type_tuple) && args->len == 0
            && (vm_type_is_subtype((const VmType *)tp, &vm_exc_BaseExceptionGroup)
                || vm_type_is_subtype((const VmType *)tp, &vm_exc_ExceptionGroup))) {
            return BAD("an exception group without its message");
        }
        VmExc *x = (VmExc *)o;
        x->args = args;
        x->cause = cause;
        x->context = context;
        x->suppress_context = suppress != 0;
        x->traceback = tb;
        x->extra = extra;
        return true;
    }
    case T_ITER: {
        uint8_t view, kind;
        int64_t index, aux, aux2;
        VmValue seq;
        if (!r_byte(r, &view) || !r_byte(r, &kind) || !r_zz(r, &index) || !r_zz(r, &aux)
            || !r_zz(r, &aux2) || !r_pyval(r, &seq)) {
            return false;
        }
        if (view > 1 || kind >= IT_NKINDS
            || (view && (kind < IT_DICT_KEYS || kind > IT_DICT_ITEMS))) {
            return BAD("invalid iterator kind");
        }
        if (!fill) {
            /* the type of a str iterator depends on the str: set in phase 2 */
            const VmType *t = view ? (kind == IT_DICT_KEYS ? &vm_type_dict_keys
                                      : kind == IT_DICT_VALUES ? &vm_type_dict_values
                                                                : &vm_type_dict_items)
                                   : vm_iter_kind_type(kind, true);
            r->objs[i] = o = vm_obj_new(run, t, sizeof(VmIter));
            if (o == NULL) {
                return r_oom(r);
            }
            ((VmIter *)o)->kind = kind;
            ((VmIter *)o)->seq = vm_val_none();
            return true;
        }
        VmIter *it = (VmIter *)o;
        const VmType *st = vm_val_is_obj(seq) ? seq.u.o->type : NULL;
        uint8_t dsub;
        bool ok = true;
        switch (kind) {
        case IT_STR:
            ok = st == &vm_type_str && aux >= 0 && (size_t)aux <= VM_AS(VmStr, seq)->len
                 && ((size_t)aux == VM_AS(VmStr, seq)->len
                     || ((unsigned char)VM_AS(VmStr, seq)->data[aux] & 0xC0) != 0x80);
            if (ok) {
                o->type = vm_iter_kind_type(IT_STR, VM_AS(VmStr, seq)->ascii);
            }
            break;
        case IT_TUPLE: ok = st == &vm_type_tuple; break;
        case IT_LIST: ok = st == &vm_type_list; break;
        case IT_RANGE: {
            ok = st == &vm_type_range;
            if (ok) {
                VmRange *rg = VM_AS(VmRange, seq);
                /* aux is the next value: start + index * step, which fits int64
                 * while index <= len (one step past the end at most) */
                __int128 next = (__int128)rg->start + (__int128)index * rg->step;
                ok = index >= 0 && index <= rg->len && next >= INT64_MIN && next <= INT64_MAX
                     && (int64_t)next == aux;
            }
            break;
        }
        case IT_DICT_KEYS:
        case IT_DICT_VALUES:
        case IT_DICT_ITEMS:
            ok = st != NULL && is_dict_type(st, &dsub);
            break;
        case IT_SET: ok = st == &vm_type_set || st == &vm_type_frozenset; break;
        case IT_ENUMERATE: ok = aux < INT64_MAX; break;     /* the count goes up by 1 */
        case IT_ZIP:
        case IT_ZIP_STRICT: ok = st == &vm_type_tuple; break;
        case IT_MAP: ok = st == &vm_type_tuple && VM_AS(VmTuple, seq)->len >= 2; break;
        case IT_FILTER: ok = st == &vm_type_tuple && VM_AS(VmTuple, seq)->len == 2; break;
        default: break;
        }
        if (!ok) {
            return BAD("an iterator does not match what it iterates");
        }
        it->seq = seq;
        it->index = index;
        it->aux = aux;
        it->aux2 = aux2;
        return true;
    }
    case T_GEN: {
        uint8_t coro, state;
        VmStr *name, *qualname;
        if (!r_byte(r, &coro) || !r_byte(r, &state)
            || !r_objof(r, &vm_type_str, false, (void **)&name)
            || !r_objof(r, &vm_type_str, false, (void **)&qualname)) {
            return false;
        }
        if (state > VM_GEN_DONE || coro > 1) {
            return BAD("invalid generator state");
        }
        VmGenerator *g = (VmGenerator *)o;
        if (!fill) {
            r->objs[i] = o = vm_obj_new(run, coro ? &vm_type_coroutine : &vm_type_generator,
                                        sizeof(VmGenerator));
            if (o == NULL) {
                return r_oom(r);
            }
            g = (VmGenerator *)o;
            g->state = state;
        } else {
            g->name = name;
            g->qualname = qualname;
        }
        if (!r_frame(r, &g->frame, g)) {
            return false;
        }
        if (fill) {
            const CmpCode *code = vm_code(run, g->frame->code_index);
            uint32_t want = coro ? CMP_CO_COROUTINE : CMP_CO_GENERATOR;
            if (!(code->flags & want) || g->frame->func == NULL) {
                return BAD("a generator's frame is not a generator function's");
            }
        }
        return true;
    }
    case T_UNION: {
        VmTuple *args;
        if (!r_objof(r, &vm_type_tuple, false, (void **)&args)) {
            return false;
        }
        if (!fill) {
            r->objs[i] = vm_obj_new(run, &vm_type_union, sizeof(VmUnion));
            if (r->objs[i] == NULL) {
                return r_oom(r);
            }
            ((VmUnion *)r->objs[i])->args = (VmTuple *)&vm_empty_tuple;
            return true;
        }
        ((VmUnion *)o)->args = args;
        return true;
    }
    case T_REPAT: {
        VmValue src;
        int64_t flags;
        if (!r_pyval(r, &src) || !r_zz(r, &flags)) {
            return false;
        }
        if (!fill) {
            r->objs[i] = vm_re_snap_pattern_shell(run);
            return r->objs[i] != NULL || r_oom(r);
        }
        return true;    /* compiled by compile_patterns, once every str exists */
    }
    case T_REMATCH: {
        VmValue pat, string;
        int64_t pos, endpos, off;
        uint32_t n;
        if (!r_pyval(r, &pat) || !r_pyval(r, &string) || !r_zz(r, &pos) || !r_zz(r, &endpos)
            || !r_u32(r, &n)) {
            return false;
        }
        if (n == 0 || n > (r->len - r->pos) / 4) {
            return BAD("invalid match group count");
        }
        for (size_t k = 0; k < (size_t)n * 4; k++) {
            if (!r_zz(r, &off)) {
                return false;
            }
        }
        if (!fill) {
            r->objs[i] = vm_re_snap_match_shell(run, n);
            return r->objs[i] != NULL || r_oom(r);
        }
        return true;    /* checked and set by check_links */
    }
    case T_REITER: {
        VmValue pat, string;
        uint64_t bpos, blen;
        int64_t pos, endpos;
        uint8_t fl;
        if (!r_pyval(r, &pat) || !r_pyval(r, &string) || !r_varint(r, &bpos)
            || !r_varint(r, &blen) || !r_zz(r, &pos) || !r_zz(r, &endpos) || !r_byte(r, &fl)) {
            return false;
        }
        if (fl > 3) {
            return BAD("invalid flags");
        }
        if (!fill) {
            r->objs[i] = vm_re_snap_iter_shell(run);
            return r->objs[i] != NULL || r_oom(r);
        }
        return true;
    }
    case T_DATETIME: {
        uint8_t which;
        int64_t fld[7];
        if (!r_byte(r, &which)) {
            return false;
        }
        for (int k = 0; k < 7; k++) {
            if (!r_zz(r, &fld[k])) {
                return false;
            }
        }
        if (which > 3) {
            return BAD("unknown date type");
        }
        if (fill) {
            return true;
        }
        const VmType *dt = which == 0 ? &vm_type_date : which == 1 ? &vm_type_datetime
                           : which == 2 ? &vm_type_timedelta : &vm_type_time;
        VmValue v = vm_datetime_snap_make(run, dt, fld);
        if (vm_val_is_empty(v)) {
            if (run->heap.limit != VM_LIMIT_NONE) {
                return r_oom(r);
            }
            run->exc = vm_val_empty();
            return BAD("a date or time out of range");
        }
        r->objs[i] = v.u.o;
        return true;
    }
    case T_DEQUE: {
        VmValue items;
        int64_t maxlen;
        if (!r_pyval(r, &items) || !r_zz(r, &maxlen)) {
            return false;
        }
        if (!fill) {
            r->objs[i] = vm_obj_new(run, &vm_type_deque, vm_collections_snap_size(&vm_type_deque));
            return r->objs[i] != NULL || r_oom(r);
        }
        VmList **dq_items;
        int64_t *dq_max;
        vm_collections_snap_deque(o, &dq_items, &dq_max);
        if (!vm_is(items, &vm_type_list) || maxlen < -1) {
            return BAD("a deque of the wrong shape");
        }
        *dq_items = VM_AS(VmList, items);
        *dq_max = maxlen;
        return true;
    }
    case T_NTCLASS:
    case T_NTOBJ: {
        VmValue a, b, c = vm_val_none();
        if (!r_pyval(r, &a) || !r_pyval(r, &b)) {
            return false;
        }
        if (tag == T_NTCLASS && !r_pyval(r, &c)) {
            return false;
        }
        const VmType *ct = tag == T_NTCLASS ? &vm_type_ntclass : &vm_type_ntobj;
        if (!fill) {
            r->objs[i] = vm_obj_new(run, ct, vm_collections_snap_size(ct));
            return r->objs[i] != NULL || r_oom(r);
        }
        VmStr **name;
        VmTuple **fields, **defaults;
        VmObj **cls;
        vm_collections_snap_nt(o, &name, &fields, &defaults, &cls);
        if (tag == T_NTCLASS) {
            if (!vm_is(a, &vm_type_str) || !vm_is(b, &vm_type_tuple)
                || !(vm_val_is_none(c) || vm_is(c, &vm_type_tuple))) {
                return BAD("a namedtuple class of the wrong shape");
            }
            *name = VM_AS(VmStr, a);
            *fields = VM_AS(VmTuple, b);
            *defaults = vm_val_is_none(c) ? NULL : VM_AS(VmTuple, c);
        } else {
            if (!vm_is(a, &vm_type_ntclass) || !vm_is(b, &vm_type_tuple)) {
                return BAD("a namedtuple of the wrong shape");
            }
            *cls = a.u.o;
            *fields = VM_AS(VmTuple, b);
        }
        return true;
    }
    default:
        return BAD("unknown object tag %u", tag);
    }
}

/* Patterns compile again from their source (PCRE2's code is not data we keep). */
static bool
compile_patterns(SnapR *r)
{
    for (size_t i = 0; i < r->n; i++) {
        if (r->tags[i] != T_REPAT) {
            continue;
        }
        VmValue src;
        int64_t flags;
        r->pos = r->offs[i];
        if (!r_pyval(r, &src) || !r_zz(r, &flags)) {
            return false;
        }
        if (!vm_is(src, &vm_type_str) && !vm_is(src, &vm_type_bytes)) {
            return BAD("a pattern's source is not a str or bytes");
        }
        if (vm_re_snap_pattern_compile(r->run, r->objs[i], src, flags) != VM_OK) {
            if (r->run->heap.limit != VM_LIMIT_NONE) {
                return r_oom(r);
            }
            r->run->exc = vm_val_empty();
            return BAD("a pattern that does not compile");
        }
    }
    return true;
}

/* Whether byte offset b of subject v is a character boundary within it. */
static bool
subject_offset_ok(VmValue v, int64_t b)
{
    if (vm_is(v, &vm_type_bytes)) {
        return b >= 0 && (size_t)b <= VM_AS(VmBytes, v)->len;
    }
    VmStr *s = VM_AS(VmStr, v);
    return b >= 0 && (size_t)b <= s->len
           && ((size_t)b == s->len || ((unsigned char)s->data[b] & 0xC0) != 0x80);
}

static int64_t
subject_chars(VmValue v)
{
    return vm_is(v, &vm_type_bytes) ? (int64_t)VM_AS(VmBytes, v)->len
                                     : (int64_t)VM_AS(VmStr, v)->nchars;
}

/* A match or finditer's pattern and subject: compiled pattern, subject of its kind. */
static bool
re_parts_ok(SnapR *r, VmValue pat, VmValue string, uint32_t *ngroups)
{
    VmValue src;
    int64_t flags;
    bool is_bytes;
    if (!vm_is(pat, &vm_type_re_pattern)) {
        return BAD("a match without a pattern");
    }
    vm_re_snap_pattern(pat.u.o, &src, &flags, ngroups, &is_bytes);
    if (!(is_bytes ? vm_is(string, &vm_type_bytes) : vm_is(string, &vm_type_str))) {
        return BAD("a match subject of the wrong kind");
    }
    return true;
}

static bool
fill_re(SnapR *r, size_t i)
{
    VmValue pat, string;
    int64_t pos, endpos;
    uint32_t ngroups;
    r->pos = r->offs[i];
    if (!r_pyval(r, &pat) || !r_pyval(r, &string) || !re_parts_ok(r, pat, string, &ngroups)) {
        return false;
    }
    int64_t nchars = subject_chars(string);
    if (r->tags[i] == T_REITER) {
        uint64_t bpos, blen;
        uint8_t fl;
        if (!r_varint(r, &bpos) || !r_varint(r, &blen) || !r_zz(r, &pos) || !r_zz(r, &endpos)
            || !r_byte(r, &fl)) {
            return false;
        }
        if (blen > INT64_MAX || bpos > blen || !subject_offset_ok(string, (int64_t)blen)
            || !subject_offset_ok(string, (int64_t)bpos) || pos < 0 || endpos < 0
            || pos > nchars || endpos > nchars) {
            return BAD("a finditer position out of range");
        }
        vm_re_snap_iter_set(r->objs[i], pat.u.o, string, (size_t)bpos, (size_t)blen, pos,
                            endpos, (fl & 1) != 0, (fl & 2) != 0);
        return true;
    }
    uint32_t n;
    if (!r_zz(r, &pos) || !r_zz(r, &endpos) || !r_u32(r, &n)) {
        return false;
    }
    if (n != ngroups + 1 || pos < 0 || endpos < 0 || pos > nchars || endpos > nchars) {
        return BAD("a match does not fit its pattern or subject");
    }
    int64_t *off = malloc((size_t)n * 4 * sizeof *off);
    if (off == NULL) {
        return r_fail(r, MONTY_ERR_NOMEM, "out of memory loading the snapshot");
    }
    bool ok = true;
    for (size_t k = 0; ok && k < (size_t)n * 4; k++) {
        ok = r_zz(r, &off[k]);
    }
    for (size_t g = 0; ok && g < n; g++) {
        int64_t *q = &off[g * 4];
        bool unset = q[0] == -1 && q[1] == -1 && q[2] == -1 && q[3] == -1;
        if (!unset && !(q[0] <= q[1] && subject_offset_ok(string, q[0])
                        && subject_offset_ok(string, q[1]) && q[2] >= 0 && q[2] <= q[3]
                        && q[3] <= nchars)) {
            ok = BAD("a match group out of range");
        }
        if (g == 0 && unset) {
            ok = BAD("a match without group 0");
        }
    }
    if (ok) {
        vm_re_snap_match_set(r->objs[i], pat.u.o, string, pos, endpos, off);
    }
    free(off);
    return ok;
}

/* A frame's function must be the one whose code it runs, with the same globals. */
static bool
frame_matches(const VmFrame *f)
{
    return f->func == NULL
           || (f->func->code_index == f->code_index && f->func->globals == f->globals);
}

/* Checks between objects, once every object is filled (phase 2 fills them in
 * number order, so a field may refer to an object not filled when it is read). */
static bool
check_links(SnapR *r)
{
    for (size_t i = 0; i < r->n; i++) {
        VmObj *o = r->objs[i];
        switch (r->tags[i]) {
        case T_FUNC: {
            VmTuple *closure = ((VmFunction *)o)->closure;
            for (size_t k = 0; closure != NULL && k < closure->len; k++) {
                if (!vm_is(closure->items[k], &vm_type_cell)) {
                    return BAD("a closure holds a non-cell");
                }
            }
            break;
        }
        case T_GEN:
            if (!frame_matches(((VmGenerator *)o)->frame)) {
                return BAD("a frame does not match its function");
            }
            break;
        case T_REMATCH:
        case T_REITER:
            if (!fill_re(r, i)) {
                return false;
            }
            break;
        case T_DEQUE: {
            VmList **items;
            int64_t *maxlen;
            vm_collections_snap_deque(o, &items, &maxlen);
            if (*maxlen >= 0 && (*items)->len > (uint64_t)*maxlen) {
                return BAD("a deque longer than its maxlen");
            }
            break;
        }
        case T_NTCLASS:
        case T_NTOBJ: {
            VmStr **name;
            VmTuple **fields, **defaults;
            VmObj **cls;
            vm_collections_snap_nt(o, &name, &fields, &defaults, &cls);
            if (r->tags[i] == T_NTCLASS) {
                for (size_t k = 0; k < (*fields)->len; k++) {
                    if (!vm_is((*fields)->items[k], &vm_type_str)) {
                        return BAD("a namedtuple field name is not a str");
                    }
                }
                if (*defaults != NULL && (*defaults)->len > (*fields)->len) {
                    return BAD("a namedtuple with more defaults than fields");
                }
            } else {
                VmStr **cn;
                VmTuple **cf, **cd;
                VmObj **cc;
                vm_collections_snap_nt(*cls, &cn, &cf, &cd, &cc);
                if ((*fields)->len != (*cf)->len) {
                    return BAD("a namedtuple that does not match its class");
                }
            }
            break;
        }
        case T_UNION: {
            VmTuple *args = ((VmUnion *)o)->args;
            for (size_t k = 0; k < args->len; k++) {
                VmValue a = args->items[k];
                if (!vm_val_is_none(a) && !vm_is(a, &vm_type_type)) {
                    return BAD("a union of non-types");
                }
            }
            break;
        }
        default:
            break;
        }
    }
    return true;
}

/* ---- immutable structures: no cycles, bounded height ----------------------- */

static bool
is_node_tag(uint8_t tag)
{
    return tag == T_TUPLE || tag == T_FROZENSET || tag == T_SLICE || tag == T_METHOD
           || tag == T_UNION || tag == T_NTOBJ || tag == T_TRACEBACK;
}

/* Positions the reader at the first value of a node record; *nvals values follow. */
static bool
node_values(SnapR *r, size_t i, size_t *nvals)
{
    r->pos = r->offs[i];
    switch (r->tags[i]) {
    case T_TUPLE: return r_count(r, 1, nvals);
    case T_FROZENSET: {
        uint64_t size;
        return r_varint(r, &size) && r_count(r, 1, nvals);
    }
    case T_SLICE: *nvals = 3; return true;
    case T_METHOD:
    case T_NTOBJ: *nvals = 2; return true;
    case T_UNION:
    case T_TRACEBACK: *nvals = 1; return true;     /* a traceback's `next` comes first */
    default: *nvals = 0; return true;
    }
}

static bool fill_set(SnapR *r, size_t i);

/* Next child reference of the record at the cursor (num SIZE_MAX for a scalar). */
static bool
next_child(SnapR *r, size_t *num)
{
    uint8_t tag;
    size_t save = r->pos;
    if (!r_byte(r, &tag)) {
        return false;
    }
    if (tag != V_OBJ) {
        r->pos = save;
        VmValue v;
        *num = SIZE_MAX;
        return r_val(r, &v);
    }
    uint64_t n;
    if (!r_varint(r, &n)) {
        return false;
    }
    *num = (size_t)n;
    return true;
}

typedef struct DfsFrame {
    size_t num, pos, left;
    uint32_t h;
} DfsFrame;

/*
 * Depth-first over tuples, frozensets, slices, bound methods, unions, namedtuples and
 * traceback chains (what a legitimate run can never make cyclic): refuses cycles, computes each one's height
 * (how deep hashing or comparing it recurses) and fills frozensets in post-order, so
 * the frozensets a frozenset's members contain are complete before it hashes them.
 */
static bool
check_immutables(SnapR *r)
{
    DfsFrame *stack = malloc((r->n ? r->n : 1) * sizeof *stack);
    if (stack == NULL) {
        return r_fail(r, MONTY_ERR_NOMEM, "out of memory loading the snapshot");
    }
    bool ok = true;
    for (size_t root = 0; ok && root < r->n; root++) {
        if (!is_node_tag(r->tags[root]) || r->color[root] != 0) {
            continue;
        }
        size_t sp = 0, nv;
        ok = node_values(r, root, &nv);
        stack[sp++] = (DfsFrame){root, r->pos, nv, 0};
        r->color[root] = 1;
        while (ok && sp > 0) {
            DfsFrame *top = &stack[sp - 1];
            if (top->left == 0) {
                r->height[top->num] = top->h;
                r->color[top->num] = 2;
                if (r->tags[top->num] == T_FROZENSET) {
                    if (top->h > MAX_KEY_HEIGHT) {
                        ok = BAD("frozenset nested too deeply");
                        break;
                    }
                    ok = fill_set(r, top->num);
                }
                uint32_t h = top->h + 1;
                sp--;
                if (sp > 0 && stack[sp - 1].h < h) {
                    stack[sp - 1].h = h;
                }
                continue;
            }
            size_t child;
            r->pos = top->pos;
            if (r->tags[top->num] == T_FROZENSET && r->p[r->offs[top->num]] != 0) {
                uint64_t slot;
                ok = r_varint(r, &slot);   /* exact table: a slot before each value */
            }
            ok = ok && next_child(r, &child);
            top->pos = r->pos;
            top->left--;
            if (!ok || child == SIZE_MAX || child >= r->n || !is_node_tag(r->tags[child])) {
                continue;
            }
            if (r->color[child] == 1) {
                ok = BAD("a cycle of immutable objects");
                break;
            }
            if (r->color[child] == 2) {
                if (top->h < r->height[child] + 1) {
                    top->h = r->height[child] + 1;
                }
                continue;
            }
            size_t cnv;
            ok = node_values(r, child, &cnv);
            r->color[child] = 1;
            stack[sp++] = (DfsFrame){child, r->pos, cnv, 0};
        }
    }
    free(stack);
    return ok;
}

/* A key's height (0 for what is not a node). */
static bool
key_ok(SnapR *r, size_t num)
{
    if (num != SIZE_MAX && num < r->n && is_node_tag(r->tags[num])
        && r->height[num] > MAX_KEY_HEIGHT) {
        return BAD("a key nested too deeply");
    }
    return true;
}

static bool
insert_failed(SnapR *r)
{
    if (r->run->heap.limit != VM_LIMIT_NONE) {
        return r_oom(r);
    }
    r->run->exc = vm_val_empty();
    return BAD("a set or dict key that cannot be hashed");
}

/*
 * Rebuilds set or frozenset i from its record: every key is inserted afresh (hash
 * recomputed, duplicates and unhashable keys refused); an exact table then places
 * keys and dummies at their recorded slots, and each key must be found again by a
 * lookup, so the table keeps both CPython's iteration order and its invariants.
 */
static bool
fill_set(SnapR *r, size_t i)
{
    VmRun *run = r->run;
    uint64_t size;
    size_t n;
    r->pos = r->offs[i];
    if (!r_varint(r, &size) || !r_count(r, 1, &n)) {
        return false;
    }
    size_t start = r->pos, live = 0, dummies = 0;
    VmSet *s = (VmSet *)r->objs[i];
    for (size_t k = 0; k < n; k++) {
        uint64_t slot;
        size_t save, num;
        VmValue v;
        if (size != 0 && !r_varint(r, &slot)) {
            return false;
        }
        save = r->pos;
        if (!next_child(r, &num) || !key_ok(r, num)) {
            return false;
        }
        r->pos = save;
        if (!r_val(r, &v)) {
            return false;
        }
        if (vm_val_is_empty(v)) {
            dummies++;
            continue;
        }
        live++;
        if (vm_set_add(run, s, v) != VM_OK) {
            return insert_failed(r);
        }
    }
    s->hash = -1;
    if (size == 0) {
        return true;
    }
    if (s->used != live) {
        return BAD("a set holds equal keys");
    }
    if ((live + dummies) * 5 >= (size - 1) * 3) {
        return BAD("a set table too full");
    }
    VmSetEntry *table = vm_heap_alloc(run, (size_t)size * sizeof(VmSetEntry));
    if (table == NULL) {
        return r_oom(r);
    }
    memset(table, 0, (size_t)size * sizeof(VmSetEntry));
    r->pos = start;
    for (size_t k = 0; k < n; k++) {
        uint64_t slot;
        VmValue v;
        int64_t h = -1;
        if (!r_varint(r, &slot) || !r_val(r, &v)
            || (!vm_val_is_empty(v) && vm_hash(run, v, &h) != VM_OK)) {
            vm_heap_free(run, table);
            return r->status != MONTY_OK ? false : insert_failed(r);
        }
        table[slot].key = v;
        table[slot].hash = h;
    }
    vm_heap_free(run, s->table);
    s->table = table;
    s->mask = (size_t)size - 1;
    s->fill = live + dummies;
    s->used = live;
    s->finger = 0;
    for (size_t k = 0; k < size; k++) {
        bool found = false;
        if (!vm_val_is_empty(table[k].key)
            && (vm_set_contains(run, s, table[k].key, &found) != VM_OK || !found)) {
            run->exc = vm_val_empty();
            return BAD("a set key is not where lookups find it");
        }
    }
    return true;
}

/* Phase 3: sets and dicts re-insert their items (hashes recomputed). */
static bool
fill_tables(SnapR *r)
{
    for (size_t i = 0; i < r->n; i++) {
        uint8_t tag = r->tags[i];
        if (tag != T_SET && tag != T_DICT) {
            continue;
        }
        size_t n;
        r->pos = r->offs[i];
        if (tag == T_SET) {
            if (!fill_set(r, i)) {
                return false;
            }
            continue;
        } else {
            uint8_t sub;
            VmValue factory;
            if (!r_byte(r, &sub) || (sub == 1 && !r_val(r, &factory)) || !r_count(r, 2, &n)) {
                return false;
            }
        }
        for (size_t k = 0; k < n; k++) {
            size_t save = r->pos, num;
            VmValue key, value;
            if (!next_child(r, &num) || !key_ok(r, num)) {
                return false;
            }
            r->pos = save;
            if (!r_pyval(r, &key) || (tag == T_DICT && !r_pyval(r, &value))) {
                return false;
            }
            VmStatus st = tag == T_SET ? vm_set_add(r->run, (VmSet *)r->objs[i], key)
                                       : vm_dict_set(r->run, (VmDict *)r->objs[i], key, value);
            if (st != VM_OK) {
                return insert_failed(r);
            }
        }
    }
    return true;
}

/* Phase 4: dict and set iterators move from ordinals to table positions. */
static void
fix_iterators(SnapR *r)
{
    for (size_t i = 0; i < r->n; i++) {
        if (r->tags[i] != T_ITER) {
            continue;
        }
        VmIter *it = (VmIter *)r->objs[i];
        if (it->index < 0) {
            continue;
        }
        if (it->kind >= IT_DICT_KEYS && it->kind <= IT_DICT_ITEMS) {
            VmDict *d = VM_AS(VmDict, it->seq);
            if ((size_t)it->index > d->nentries) {
                it->index = (int64_t)d->nentries;
            }
        } else if (it->kind == IT_SET) {
            VmSet *s = VM_AS(VmSet, it->seq);
            int64_t left = it->index;
            size_t k = 0;
            for (; k <= s->mask; k++) {
                if (!vm_val_is_empty(s->table[k].key) && left-- == 0) {
                    break;
                }
            }
            it->index = (int64_t)k;
        }
    }
}

/* ---- frames --------------------------------------------------------------- */

/* Stack depth before every instruction of code ci (-1: unreachable), as the
 * verifier computes it; cached for the last code asked. */
static bool
code_depths(SnapR *r, uint32_t ci)
{
    if (r->have_depths && r->depths_ci == ci) {
        return true;
    }
    const CmpCode *c = vm_code(r->run, ci);
    free(r->depths);
    r->have_depths = false;
    size_t ncode = c->ncode ? c->ncode : 1;
    /* depths then the work list, in one block */
    r->depths = malloc(ncode * (sizeof *r->depths + sizeof(uint32_t)));
    if (r->depths == NULL) {
        return r_fail(r, MONTY_ERR_NOMEM, "out of memory loading the snapshot");
    }
    uint32_t *work = (uint32_t *)(r->depths + ncode);
    for (uint32_t i = 0; i < c->ncode; i++) {
        r->depths[i] = -1;
    }
    size_t nw = 0;
    r->depths[0] = 0;
    work[nw++] = 0;
    /* the program was verified at load: depths are consistent and in range */
    while (nw > 0) {
        uint32_t pc = work[--nw];
        int32_t d = r->depths[pc];
        uint32_t insn = c->code[pc];
        unsigned op = CMP_OP(insn);
        uint32_t arg = CMP_ARG(insn);
        int64_t pops, pushes;
        for (uint32_t e = 0; e < c->nexc; e++) {
            const CmpExcEntry *x = &c->exctable[e];
            if (pc >= x->start && pc < x->end && r->depths[x->handler] < 0) {
                r->depths[x->handler] = (int32_t)(x->depth + (x->lasti ? 1 : 0) + 1);
                work[nw++] = x->handler;
            }
        }
        cmp_op_effect(op, arg, &pops, &pushes);
        if (cmp_op_has_jump(op) && arg < c->ncode && r->depths[arg] < 0) {
            int64_t jd = d + cmp_op_jump_delta(op);
            if (op == OP_JUMP_IF_FALSE_OR_POP || op == OP_JUMP_IF_TRUE_OR_POP) {
                jd = d;
            }
            r->depths[arg] = (int32_t)jd;
            work[nw++] = arg;
        }
        if (!cmp_op_is_terminal(op) && pc + 1 < c->ncode && r->depths[pc + 1] < 0) {
            r->depths[pc + 1] = (int32_t)(d - pops + pushes);
            work[nw++] = pc + 1;
        }
    }
    r->depths_ci = ci;
    r->have_depths = true;
    return true;
}

static bool
is_call_op(unsigned op)
{
    return op == OP_CALL || op == OP_CALL_KW || op == OP_CALL_FUNCTION_EX;
}

/* A frame that waits for a value to be pushed at pc: after a call or a yield. */
static bool
check_resume(SnapR *r, const VmFrame *f, bool yield)
{
    const CmpCode *c = vm_code(r->run, f->code_index);
    if (f->pc == 0 || f->pc >= c->ncode || !code_depths(r, f->code_index)) {
        return r->status != MONTY_OK ? false : BAD("a frame's position is not a resume point");
    }
    unsigned op = CMP_OP(c->code[f->pc - 1]);
    if (!(yield ? op == OP_YIELD_VALUE : is_call_op(op)) || r->depths[f->pc] < 0
        || (int64_t)f->sp + 1 != r->depths[f->pc]) {
        return BAD("a frame's position is not a resume point");
    }
    return true;
}

/* The caller of a running generator, by how it resumed it. */
static bool
check_gen_caller(SnapR *r, const VmFrame *caller, const VmFrame *gf)
{
    const CmpCode *c = vm_code(r->run, caller->code_index);
    if (gf->gen_mode == VM_GEN_MODE_NEXT) {
        return gf->gen_target == 0 ? check_resume(r, caller, false)
                                   : BAD("a generator's caller does not match");
    }
    if (caller->pc == 0 || caller->pc >= c->ncode || !code_depths(r, caller->code_index)) {
        return r->status != MONTY_OK ? false : BAD("a generator's caller does not match");
    }
    uint32_t insn = c->code[caller->pc - 1];
    unsigned op = CMP_OP(insn);
    int32_t d = r->depths[caller->pc - 1];
    bool ok = gf->gen_target == CMP_ARG(insn) && d >= 0
              && ((gf->gen_mode == VM_GEN_MODE_FOR_ITER && op == OP_FOR_ITER
                   && (int64_t)caller->sp == d)
                  || (gf->gen_mode == VM_GEN_MODE_SEND && op == OP_SEND
                      && (int64_t)caller->sp + 1 == d));
    return ok || BAD("a generator's caller does not match");
}

/* Reads the frame chain (outermost first) and checks every link. */
static bool
read_chain(SnapR *r, VmFrame **innermost, uint32_t *depth)
{
    size_t nframes;
    if (!r_count(r, 1, &nframes)) {
        return false;
    }
    if (nframes == 0) {
        return BAD("a paused run without frames");
    }
    r->inline_frames = calloc(nframes, sizeof *r->inline_frames);
    if (r->inline_frames == NULL) {
        return r_fail(r, MONTY_ERR_NOMEM, "out of memory loading the snapshot");
    }
    VmFrame *prev = NULL;
    for (size_t i = 0; i < nframes; i++) {
        uint8_t kind;
        VmFrame *f = NULL;
        if (!r_byte(r, &kind)) {
            return false;
        }
        if (kind == 1) {
            uint64_t num;
            if (!r_varint(r, &num)) {
                return false;
            }
            if (num >= r->n || r->tags[num] != T_GEN) {
                return BAD("a frame link that is not a generator");
            }
            VmGenerator *g = (VmGenerator *)r->objs[num];
            if (prev == NULL || g->state != VM_GEN_RUNNING || g->frame->back != NULL) {
                return BAD("a generator in the frame chain is not running");
            }
            f = g->frame;
            if (!check_gen_caller(r, prev, f)) {
                return false;
            }
        } else if (kind == 0) {
            size_t start = r->pos;
            r->phase = 1;
            bool parsed = r_frame(r, &f, NULL);
            if (f != NULL) {
                r->inline_frames[r->ninline++] = f;   /* freed by r_free on failure */
            }
            if (!parsed) {
                return false;
            }
            r->pos = start;
            r->phase = 2;
            if (!r_frame(r, &f, NULL)) {
                return false;
            }
            if (f->gen_mode != VM_GEN_MODE_NONE || f->gen_target != 0) {
                return BAD("a plain frame with a generator mode");
            }
            if (prev == NULL) {
                if (f->code_index != 0 || f->func != NULL || f->globals != r->run->globals) {
                    return BAD("the outermost frame is not the module's");
                }
                f->is_module = true;
                f->is_entry = true;
            } else if (f->func == NULL || !frame_matches(f)) {
                return BAD("a function frame that does not match its function");
            } else if (!check_resume(r, prev, false)) {
                return false;
            }
        } else {
            return BAD("unknown frame kind");
        }
        f->back = prev;
        prev = f;
    }
    if (!check_resume(r, prev, false)) {
        return false;
    }
    *innermost = prev;
    *depth = (uint32_t)nframes;
    return true;
}

/* Suspended and new generators must sit at a resume point; running ones in the chain. */
static bool
check_generators(SnapR *r)
{
    for (size_t i = 0; i < r->n; i++) {
        if (r->tags[i] != T_GEN) {
            continue;
        }
        VmGenerator *g = (VmGenerator *)r->objs[i];
        VmFrame *f = g->frame;
        bool ok = true;
        switch (g->state) {
        case VM_GEN_CREATED: ok = f->pc == 0 && f->sp == 0; break;
        case VM_GEN_SUSPENDED: ok = check_resume(r, f, true); break;
        case VM_GEN_RUNNING: ok = f->back != NULL; break;
        default: break;
        }
        if (g->state != VM_GEN_RUNNING && (f->gen_mode != VM_GEN_MODE_NONE || f->back != NULL)) {
            ok = false;
        }
        if (!ok) {
            return r->status != MONTY_OK ? false : BAD("a generator's state does not match");
        }
    }
    return true;
}

static void
r_free(SnapR *r, bool failed)
{
    if (failed) {
        for (size_t i = 0; i < r->ninline; i++) {
            vm_heap_free(r->run, r->inline_frames[i]);
        }
        /* generator frames may point at inline frames: cut the links */
        for (size_t i = 0; r->tags != NULL && i < r->n; i++) {
            if (r->tags[i] == T_GEN && r->objs[i] != NULL
                && ((VmGenerator *)r->objs[i])->frame != NULL) {
                ((VmGenerator *)r->objs[i])->frame->back = NULL;
            }
        }
    }
    free(r->inline_frames);
    free(r->objs);      /* the scratch block (offs, height, tags, color in it) */
    free(r->depths);
}

/* FNV-1a over the prelude blob, 8 bytes at a time: snapshots paused in prelude
 * code only load into a monty with the same prelude. */
extern const uint8_t vm_prelude_blob[];
extern const size_t vm_prelude_blob_len;

static uint64_t
prelude_fingerprint(void)
{
    uint64_t h = 14695981039346656037ull ^ vm_prelude_blob_len;
    size_t i = 0;
    for (; i + 8 <= vm_prelude_blob_len; i += 8) {
        uint64_t w;
        memcpy(&w, vm_prelude_blob + i, 8);
        h = (h ^ w) * 1099511628211ull;
    }
    for (; i < vm_prelude_blob_len; i++) {
        h = (h ^ vm_prelude_blob[i]) * 1099511628211ull;
    }
    return h;
}

/*
 * vm_snap_state_write: appends the run-level fields, the prelude marker and the heap
 * of a paused run. false with err set when the run holds something format 2 cannot
 * save (err empty: out of memory).
 */
bool
vm_snap_state_write(VmRun *run, ApiBuf *out, char *err, size_t errlen)
{
    w_varint(out, run->next_call_id);
    w_varint(out, run->call_id);
    w_varint(out, run->call_ext);
    w_varint(out, run->used_ns);
    w_varint(out, run->heap.nallocs);
    if (run->prelude != NULL) {
        api_buf_putc(out, 1);
        w_varint(out, prelude_fingerprint());
    } else {
        api_buf_putc(out, 0);
    }
    return vm_snap_heap_write(run, out, err, errlen);
}

/*
 * vm_snap_state_read: rebuilds a paused run from the bytes vm_snap_state_write made,
 * into `run`, a new run of the snapshot's program (vm_run_new, not started). Every
 * byte is checked; false with *status and err set on any problem (the caller frees
 * the run, which releases whatever was built).
 */
bool
vm_snap_state_read(VmRun *run, const uint8_t *p, size_t len, MontyStatus *status, char *err,
                   size_t errlen)
{
    SnapR rr = {0};
    SnapR *r = &rr;
    r->run = run;
    r->p = p;
    r->len = len;
    r->err = err;
    r->errlen = errlen;
    uint64_t next_id, call_id, used_ns, nallocs;
    uint32_t call_ext;
    uint8_t has_prelude;
    VmFrame *innermost = NULL;
    uint32_t depth = 0;
    bool ok = run->state == VM_RUN_NEW && run->globals != NULL;
    if (!ok) {
        r_oom(r);
        goto done;
    }
    ok = r_varint(r, &next_id) && r_varint(r, &call_id) && r_u32(r, &call_ext)
         && r_varint(r, &used_ns) && r_varint(r, &nallocs) && r_byte(r, &has_prelude);
    if (ok && (call_id == 0 || call_id >= next_id || call_ext >= run->program->nexternals
               || has_prelude > 1)) {
        ok = BAD("invalid pending call");
    }
    /* counters the limits add to: far from wrapping around */
    if (ok && (used_ns > (1ull << 62) || nallocs > (1ull << 62) || next_id > (1ull << 62))) {
        ok = BAD("run counters out of range");
    }
    if (ok && has_prelude) {
        uint64_t fp;
        VmValue dummy;
        ok = r_varint(r, &fp);
        if (ok && fp != prelude_fingerprint()) {
            ok = r_fail(r, MONTY_ERR_VERSION, "snapshot paused in a prelude of another monty "
                        "build");
        }
        if (ok && vm_prelude_function(run, "sorted", &dummy) != VM_OK) {
            ok = r_oom(r);
        }
    }
    ok = ok && r_count(r, 1, &r->n);
    if (ok) {
        /* one zeroed scratch block: objects, record offsets, heights, tags, colours */
        size_t n = r->n ? r->n : 1;
        size_t unit = sizeof *r->objs + sizeof *r->offs + sizeof *r->height + 2;
        char *block = n <= SIZE_MAX / unit ? calloc(n, unit) : NULL;
        if (block == NULL) {
            ok = r_fail(r, MONTY_ERR_NOMEM, "out of memory loading the snapshot");
        } else {
            r->objs = (VmObj **)block;
            r->offs = (size_t *)(block + n * sizeof *r->objs);
            r->height = (uint32_t *)(block + n * (sizeof *r->objs + sizeof *r->offs));
            r->tags = (uint8_t *)(block + n * (sizeof *r->objs + sizeof *r->offs
                                                + sizeof *r->height));
            r->color = r->tags + n;
        }
    }
    size_t body = r->pos, tail = 0;
    r->phase = 1;
    for (size_t i = 0; ok && i < r->n; i++) {
        ok = r_record(r, i);
    }
    if (ok) {
        /* the globals first: phase 2 checks functions against them */
        VmValue g;
        tail = r->pos;
        ok = r_val(r, &g);
        if (ok && !vm_is(g, &vm_type_dict)) {
            ok = BAD("the globals are not a dict");
        }
        if (ok) {
            run->globals = VM_AS(VmDict, g);
        }
    }
    r->pos = body;
    r->phase = 2;
    for (size_t i = 0; ok && i < r->n; i++) {
        ok = r_record(r, i);
    }
    ok = ok && compile_patterns(r) && check_links(r) && check_immutables(r) && fill_tables(r);
    if (ok) {
        fix_iterators(r);
        VmValue g, handled;
        r->pos = tail;
        ok = r_val(r, &g) && r_val(r, &handled)
             && r_objof(r, &vm_type_tuple, false, (void **)&run->call_args)
             && r_objof(r, &vm_type_dict, true, (void **)&run->call_kwargs);
        if (ok && !vm_val_is_empty(handled)
            && !(vm_val_is_obj(handled) && (handled.u.o->type->flags & VM_TYPE_EXC))) {
            ok = BAD("the handled exception is not an exception");
        }
        for (size_t k = 0; ok && run->call_kwargs != NULL && k < run->call_kwargs->nentries;
             k++) {
            VmValue key = run->call_kwargs->entries[k].key;
            if (!vm_val_is_empty(key) && !vm_is(key, &vm_type_str)) {
                ok = BAD("a keyword argument name is not a str");
            }
        }
        run->handled = ok ? handled : vm_val_empty();
    }
    ok = ok && read_chain(r, &innermost, &depth) && check_generators(r);
    if (ok && r->pos != r->len) {
        ok = BAD("stray bytes at the end of the snapshot");
    }
done:
    if (ok) {
        run->frame = innermost;
        run->depth = depth;
        run->next_call_id = next_id;
        run->call_id = call_id;
        run->call_ext = call_ext;
        run->used_ns = used_ns;
        if (nallocs > run->heap.nallocs) {
            run->heap.nallocs = nallocs;
        }
        run->exc = vm_val_empty();
        run->state = VM_RUN_PAUSED;
        run->last_event = VM_EVENT_CALL;
    } else {
        run->call_args = NULL;
        run->call_kwargs = NULL;
        run->handled = vm_val_empty();
        run->exc = vm_val_empty();
    }
    r_free(r, !ok);
    *status = ok ? MONTY_OK : (r->status != MONTY_OK ? r->status : MONTY_ERR_FORMAT);
    return ok;
}
