/*
 * obj_set.c — set and frozenset, mirroring CPython's setobject table so that the
 * iteration order of the same history of operations is the same as CPython's.
 *
 * Facts followed (CPython 3.13 Objects/setobject.c): table of 8 slots minimum;
 * from slot hash & mask, up to LINEAR_PROBES (9) neighbours are tried when they fit
 * before the table end, then i = (i * 5 + 1 + perturb) & mask with perturb >>= 5;
 * an insert into a never-used slot grows the table when fill * 5 >= mask * 3, to
 * the smallest power of two greater than used * 4 (used * 2 above 50000 items).
 */
#include <string.h>

#include "vm/vm_int.h"

#define MINSIZE 8
#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5

/* vm_set_new: an empty set or frozenset. */
VmSet *
vm_set_new(VmRun *run, const VmType *type)
{
    VmSet *s = (VmSet *)vm_obj_new(run, type, sizeof(VmSet));
    if (s == NULL) {
        return NULL;
    }
    s->table = vm_heap_alloc(run, MINSIZE * sizeof(VmSetEntry));
    if (s->table == NULL) {
        return NULL;
    }
    memset(s->table, 0, MINSIZE * sizeof(VmSetEntry));
    s->mask = MINSIZE - 1;
    s->hash = -1;
    return s;
}

static void
set_trace(VmGc *gc, VmObj *o)
{
    VmSet *s = (VmSet *)o;
    for (size_t i = 0; s->table && i <= s->mask; i++) {
        vm_gc_mark(gc, s->table[i].key);
    }
}

static void
set_fini(VmRun *run, VmObj *o)
{
    vm_heap_free(run, ((VmSet *)o)->table);
}

/* Inserts into a table known to have no dummies or equal keys (resize). */
static void
insert_clean(VmSetEntry *table, size_t mask, VmValue key, int64_t hash)
{
    size_t perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    VmSetEntry *entry;
    for (;;) {
        entry = &table[i];
        if (vm_val_is_empty(entry->key)) {
            goto found;
        }
        if (i + LINEAR_PROBES <= mask) {
            for (size_t j = 0; j < LINEAR_PROBES; j++) {
                entry++;
                if (vm_val_is_empty(entry->key)) {
                    goto found;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found:
    entry->key = key;
    entry->hash = hash;
}

static VmStatus
set_resize(VmRun *run, VmSet *s, size_t minused)
{
    size_t newsize = MINSIZE;
    while (newsize <= minused) {
        newsize <<= 1;
    }
    VmSetEntry *nt = vm_heap_alloc(run, newsize * sizeof(VmSetEntry));
    if (nt == NULL) {
        return VM_ERR;
    }
    memset(nt, 0, newsize * sizeof(VmSetEntry));
    VmSetEntry *old = s->table;
    size_t oldmask = s->mask;
    for (size_t i = 0; i <= oldmask; i++) {
        if (!vm_val_is_empty(old[i].key)) {
            insert_clean(nt, newsize - 1, old[i].key, old[i].hash);
        }
    }
    s->table = nt;
    s->mask = newsize - 1;
    s->fill = s->used;
    vm_heap_free(run, old);
    return VM_OK;
}

static VmStatus
keys_equal(VmRun *run, VmValue a, VmValue b, bool *eq)
{
    if (vm_val_same(a, b)) {
        *eq = true;
        return VM_OK;
    }
    return vm_eq(run, a, b, eq);
}

/* Finds key: *found_entry is the live entry or NULL. */
static VmStatus
set_lookkey(VmRun *run, VmSet *s, VmValue key, int64_t hash, VmSetEntry **found_entry)
{
    size_t mask = s->mask;
    size_t perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    *found_entry = NULL;
    for (;;) {
        VmSetEntry *entry = &s->table[i];
        size_t probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        for (;;) {
            if (entry->hash == 0 && vm_val_is_empty(entry->key)) {
                return VM_OK;
            }
            if (entry->hash == hash && !vm_val_is_empty(entry->key)) {
                bool eq;
                if (keys_equal(run, entry->key, key, &eq) != VM_OK) {
                    return VM_ERR;
                }
                if (eq) {
                    *found_entry = entry;
                    return VM_OK;
                }
                mask = s->mask;
            }
            if (probes-- == 0) {
                break;
            }
            entry++;
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

static VmStatus
set_add_entry(VmRun *run, VmSet *s, VmValue key, int64_t hash)
{
    size_t mask = s->mask;
    size_t perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    VmSetEntry *freeslot = NULL;
    VmSetEntry *entry;
    for (;;) {
        entry = &s->table[i];
        size_t probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        for (;;) {
            if (entry->hash == 0 && vm_val_is_empty(entry->key)) {
                goto found_unused_or_dummy;
            }
            if (entry->hash == hash && !vm_val_is_empty(entry->key)) {
                bool eq;
                if (keys_equal(run, entry->key, key, &eq) != VM_OK) {
                    return VM_ERR;
                }
                if (eq) {
                    return VM_OK;   /* already present */
                }
                mask = s->mask;
            } else if (entry->hash == -1 && vm_val_is_empty(entry->key) && freeslot == NULL) {
                freeslot = entry;
            }
            if (probes-- == 0) {
                break;
            }
            entry++;
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found_unused_or_dummy:
    if (freeslot != NULL) {
        s->used++;
        freeslot->key = key;
        freeslot->hash = hash;
        return VM_OK;
    }
    s->fill++;
    s->used++;
    entry->key = key;
    entry->hash = hash;
    if (s->fill * 5 < mask * 3) {
        return VM_OK;
    }
    return set_resize(run, s, s->used > 50000 ? s->used * 2 : s->used * 4);
}

/* vm_set_add: s.add(key); TypeError if key is unhashable. */
VmStatus
vm_set_add(VmRun *run, VmSet *s, VmValue key)
{
    int64_t h;
    if (vm_hash(run, key, &h) != VM_OK) {
        return VM_ERR;
    }
    return set_add_entry(run, s, key, h);
}

/* vm_set_contains: key in s. */
VmStatus
vm_set_contains(VmRun *run, VmSet *s, VmValue key, bool *out)
{
    int64_t h;
    VmSetEntry *e;
    if (vm_hash(run, key, &h) != VM_OK || set_lookkey(run, s, key, h, &e) != VM_OK) {
        return VM_ERR;
    }
    *out = e != NULL;
    return VM_OK;
}

/* Removes key; *found tells whether it was there. */
VmStatus vm_set_discard(VmRun *run, VmSet *s, VmValue key, bool *found);
VmStatus
vm_set_discard(VmRun *run, VmSet *s, VmValue key, bool *found)
{
    int64_t h;
    VmSetEntry *e;
    if (vm_hash(run, key, &h) != VM_OK || set_lookkey(run, s, key, h, &e) != VM_OK) {
        return VM_ERR;
    }
    *found = e != NULL;
    if (e != NULL) {
        e->key = vm_val_empty();
        e->hash = -1;
        s->used--;
    }
    return VM_OK;
}

/* vm_set_update: s |= iterable (CPython's presizing for sets and dicts). */
VmStatus
vm_set_update(VmRun *run, VmSet *s, VmValue iterable)
{
    if (vm_is(iterable, &vm_type_set) || vm_is(iterable, &vm_type_frozenset)) {
        VmSet *o = VM_AS(VmSet, iterable);
        if (o == s || o->used == 0) {
            return VM_OK;
        }
        if ((s->fill + o->used) * 5 >= s->mask * 3) {
            if (set_resize(run, s, (s->used + o->used) * 2) != VM_OK) {
                return VM_ERR;
            }
        }
        if (s->fill == 0 && s->mask == o->mask) {
            for (size_t i = 0; i <= o->mask; i++) {
                if (!vm_val_is_empty(o->table[i].key)) {
                    s->table[i] = o->table[i];
                }
            }
            s->fill = s->used = o->used;
            return VM_OK;
        }
        if (s->fill == 0) {
            for (size_t i = 0; i <= o->mask; i++) {
                if (!vm_val_is_empty(o->table[i].key)) {
                    insert_clean(s->table, s->mask, o->table[i].key, o->table[i].hash);
                }
            }
            s->fill = s->used = o->used;
            return VM_OK;
        }
        for (size_t i = 0; i <= o->mask; i++) {
            if (!vm_val_is_empty(o->table[i].key)
                && set_add_entry(run, s, o->table[i].key, o->table[i].hash) != VM_OK) {
                return VM_ERR;
            }
        }
        return VM_OK;
    }
    if (vm_is(iterable, &vm_type_dict)) {
        VmDict *d = VM_AS(VmDict, iterable);
        if ((s->fill + d->used) * 5 >= s->mask * 3) {
            if (set_resize(run, s, (s->used + d->used) * 2) != VM_OK) {
                return VM_ERR;
            }
        }
        for (size_t i = 0; i < d->nentries; i++) {
            if (!vm_val_is_empty(d->entries[i].key)
                && set_add_entry(run, s, d->entries[i].key, d->entries[i].hash) != VM_OK) {
                return VM_ERR;
            }
        }
        return VM_OK;
    }
    VmValue it, v;
    if (vm_iter(run, iterable, &it) != VM_OK) {
        return VM_ERR;
    }
    for (;;) {
        VmStatus st = vm_next(run, it, &v);
        if (st == VM_STOP) {
            return VM_OK;
        }
        if (st != VM_OK || vm_set_add(run, s, v) != VM_OK) {
            return VM_ERR;
        }
    }
}

static VmStatus
set_repr(VmRun *run, VmValue self, VmValue *out)
{
    VmSet *s = VM_AS(VmSet, self);
    bool frozen = s->hdr.type == &vm_type_frozenset;
    if (s->used == 0) {
        *out = vm_str_val(run, frozen ? "frozenset()" : "set()", frozen ? 11 : 5);
        return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
    }
    VmStrBuf b;
    vm_sb_init(&b, run);
    vm_sb_adds(&b, frozen ? "frozenset({" : "{");
    bool first = true;
    for (size_t i = 0; i <= s->mask; i++) {
        if (vm_val_is_empty(s->table[i].key)) {
            continue;
        }
        if (!first) {
            vm_sb_adds(&b, ", ");
        }
        first = false;
        if (vm_sb_add_repr(&b, s->table[i].key) != VM_OK) {
            vm_sb_fini(&b);
            return VM_ERR;
        }
    }
    vm_sb_adds(&b, frozen ? "})" : "}");
    return vm_sb_to_str(&b, out);
}

/* Is every item of a in b? */
static VmStatus
set_issubset(VmRun *run, VmSet *a, VmSet *b, bool *out)
{
    *out = true;
    if (a->used > b->used) {
        *out = false;
        return VM_OK;
    }
    for (size_t i = 0; i <= a->mask; i++) {
        if (vm_val_is_empty(a->table[i].key)) {
            continue;
        }
        bool in;
        if (vm_set_contains(run, b, a->table[i].key, &in) != VM_OK) {
            return VM_ERR;
        }
        if (!in) {
            *out = false;
            return VM_OK;
        }
    }
    return VM_OK;
}

static bool
is_anyset(VmValue v)
{
    return vm_is(v, &vm_type_set) || vm_is(v, &vm_type_frozenset);
}

static VmStatus
set_richcompare(VmRun *run, VmValue a, VmValue b, VmCmp op, VmValue *out)
{
    if (!is_anyset(b)) {
        *out = vm_val_empty();
        return VM_OK;
    }
    VmSet *x = VM_AS(VmSet, a), *y = VM_AS(VmSet, b);
    bool r, sub;
    switch (op) {
    case VM_CMP_EQ:
    case VM_CMP_NE:
        if (x->used != y->used) {
            r = false;
        } else if (set_issubset(run, x, y, &r) != VM_OK) {
            return VM_ERR;
        }
        if (op == VM_CMP_NE) {
            r = !r;
        }
        break;
    case VM_CMP_LE:
    case VM_CMP_LT:
        if (set_issubset(run, x, y, &sub) != VM_OK) {
            return VM_ERR;
        }
        r = sub && (op == VM_CMP_LE || x->used < y->used);
        break;
    default:
        if (set_issubset(run, y, x, &sub) != VM_OK) {
            return VM_ERR;
        }
        r = sub && (op == VM_CMP_GE || x->used > y->used);
        break;
    }
    *out = vm_val_bool(r);
    return VM_OK;
}

static VmStatus
set_len(VmRun *run, VmValue self, int64_t *out)
{
    *out = (int64_t)VM_AS(VmSet, self)->used;
    return VM_OK;
}

static VmStatus
set_contains_slot(VmRun *run, VmValue self, VmValue item, bool *out)
{
    return vm_set_contains(run, VM_AS(VmSet, self), item, out);
}

static VmStatus
set_iter(VmRun *run, VmValue self, VmValue *out)
{
    *out = vm_iter_new(run, self, 7);
    return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
}

static VmStatus
frozenset_hash(VmRun *run, VmValue self, int64_t *out)
{
    /* CPython's frozenset hash: shuffle and xor the item hashes */
    VmSet *s = VM_AS(VmSet, self);
    if (s->hash != -1) {
        *out = s->hash;
        return VM_OK;
    }
    uint64_t hash = 0;
    for (size_t i = 0; i <= s->mask; i++) {
        if (!vm_val_is_empty(s->table[i].key)) {
            uint64_t h = (uint64_t)s->table[i].hash;
            hash ^= ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL;
        }
    }
    hash ^= ((uint64_t)s->used + 1) * 1927868237UL;
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * 69069U + 907133923UL;
    if (hash == (uint64_t)-1) {
        hash = 590923713UL;
    }
    s->hash = (int64_t)hash;
    *out = s->hash;
    return VM_OK;
}

VmStatus vm_set_new_from_args(VmRun *run, const VmType *t, VmValue *args, size_t nargs,
                              VmTuple *kwnames, VmValue *out);
extern const VmBuiltin *const vm_set_methods[];
extern const VmBuiltin *const vm_frozenset_methods[];

const VmType vm_type_set = {
    VM_IMMORTAL_HDR(&vm_type_type), .name = "set", .base = &vm_type_object,
    .trace = set_trace, .fini = set_fini, .repr = set_repr, .richcompare = set_richcompare,
    .len = set_len, .contains = set_contains_slot, .iter = set_iter,
    .new_ = vm_set_new_from_args, .methods = vm_set_methods,
};

const VmType vm_type_frozenset = {
    VM_IMMORTAL_HDR(&vm_type_type), .name = "frozenset", .base = &vm_type_object,
    .trace = set_trace, .fini = set_fini, .repr = set_repr, .richcompare = set_richcompare,
    .len = set_len, .contains = set_contains_slot, .iter = set_iter, .hash = frozenset_hash,
    .new_ = vm_set_new_from_args, .methods = vm_frozenset_methods,
};
