/*
 * snapshot.c — encoding, decoding and validation of .mbc programs and run
 * snapshots (format described in vm/SNAPSHOT.md and snapshot.h).
 *
 * Everything loaded here is untrusted: every length is checked against the
 * bytes that remain before anything is allocated, every varint is bounded,
 * and the program goes through cmp_program_load, which validates the bytecode
 * itself; the run's state is read by snap_heap.c. A reader that fails
 * keeps the first reason and makes every later read fail too, so decoding
 * code can read straight through and check once.
 */
#include "vm/snapshot.h"

#include "vm/sha256.h"

#define ENV_HEADER 13
#define FLAG_SIGNED 1u

static void
put_varint(ApiBuf *b, uint64_t v)
{
    uint8_t tmp[10];
    size_t n = 0;
    do {
        tmp[n] = (uint8_t)(v & 0x7F);
        v >>= 7;
        if (v != 0) {
            tmp[n] |= 0x80;
        }
        n++;
    } while (v != 0);
    api_buf_put(b, tmp, n);
}

/* Wraps a payload in the envelope (and signs it). */
static uint8_t *
envelope(char kind, const ApiBuf *payload, const uint8_t *key, size_t key_len, size_t *len)
{
    if (payload->failed || payload->len > UINT32_MAX) {
        return NULL;
    }
    bool sign = key != NULL && key_len > 0;
    size_t total = ENV_HEADER + payload->len + (sign ? VM_SHA256_SIZE : 0);
    uint8_t *out = malloc(total);
    if (out == NULL) {
        return NULL;
    }
    memcpy(out, "MNTY", 4);
    out[4] = (uint8_t)kind;
    out[5] = kind == 'P' ? VM_PROGRAM_ENVELOPE_VERSION : VM_SNAPSHOT_VERSION;
    out[6] = (uint8_t)(CMP_FORMAT_VERSION & 0xFF);
    out[7] = (uint8_t)(CMP_FORMAT_VERSION >> 8);
    out[8] = sign ? FLAG_SIGNED : 0;
    for (int i = 0; i < 4; i++) {
        out[9 + i] = (uint8_t)(payload->len >> (8 * i));
    }
    if (payload->len > 0) {
        memcpy(out + ENV_HEADER, payload->data, payload->len);
    }
    if (sign) {
        vm_hmac_sha256(key, key_len, out, ENV_HEADER + payload->len,
                       out + ENV_HEADER + payload->len);
    }
    *len = total;
    return out;
}

uint8_t *
vm_snapshot_program_dump(const CmpProgram *program, const uint8_t *key, size_t key_len,
                         size_t *len)
{
    CmpBuf cb = {0};
    if (!cmp_program_dump(program, &cb) || cb.failed) {
        free(cb.data);
        return NULL;
    }
    ApiBuf payload = {(char *)cb.data, cb.len, cb.cap, false};
    uint8_t *out = envelope('P', &payload, key, key_len, len);
    free(cb.data);
    return out;
}

uint8_t *
vm_snapshot_program_bytes(const CmpProgram *program, size_t *len)
{
    CmpBuf cb = {0};
    if (!cmp_program_dump(program, &cb) || cb.failed) {
        free(cb.data);
        return NULL;
    }
    *len = cb.len;
    return cb.data;
}

uint8_t *
vm_snapshot_dump_with(VmRun *run, const uint8_t *prog, size_t prog_len,
                      const VmSnapLimits *limits, const uint8_t *key, size_t key_len,
                      size_t *len, MontyStatus *status, char *err, size_t errlen)
{
    *status = MONTY_ERR_NOMEM;
    snprintf(err, errlen, "out of memory");
    ApiBuf p = {0};
    api_buf_reserve(&p, prog_len + 64);
    put_varint(&p, prog_len);
    api_buf_put(&p, prog, prog_len);
    put_varint(&p, limits->max_memory);
    put_varint(&p, limits->max_allocations);
    put_varint(&p, limits->max_duration_ns);
    put_varint(&p, limits->max_recursion);
    char why[200] = "";
    if (!vm_snap_state_write(run, &p, why, sizeof why)) {
        free(p.data);
        if (why[0] != '\0') {
            *status = MONTY_ERR_UNSUPPORTED;
            snprintf(err, errlen, "%s", why);
        }
        return NULL;
    }
    uint8_t *out = envelope('R', &p, key, key_len, len);
    free(p.data);
    if (out != NULL) {
        *status = MONTY_OK;
        err[0] = '\0';
    }
    return out;
}

uint8_t *
vm_snapshot_dump(VmRun *run, const VmSnapLimits *limits, const uint8_t *key, size_t key_len,
                 size_t *len, MontyStatus *status, char *err, size_t errlen)
{
    size_t plen = 0;
    uint8_t *prog = vm_snapshot_program_bytes(vm_run_program(run), &plen);
    if (prog == NULL) {
        *status = MONTY_ERR_NOMEM;
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    uint8_t *out = vm_snapshot_dump_with(run, prog, plen, limits, key, key_len, len, status,
                                         err, errlen);
    free(prog);
    return out;
}

/* ---- reader ----------------------------------------------------------------- */

typedef struct Reader {
    const uint8_t *p;
    size_t len, pos;
    MontyStatus status;
    char *err;
    size_t errlen;
} Reader;

static bool
rfail(Reader *r, MontyStatus st, const char *what)
{
    if (r->status == MONTY_OK) {
        r->status = st;
        if (r->err != NULL && r->errlen > 0) {
            snprintf(r->err, r->errlen, "%s (at byte %zu)", what, r->pos);
        }
    }
    return false;
}

static bool
get_varint(Reader *r, uint64_t *out)
{
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (r->pos >= r->len) {
            return rfail(r, MONTY_ERR_FORMAT, "truncated number");
        }
        uint8_t c = r->p[r->pos++];
        if (shift == 63 && (c & 0x7E) != 0) {
            return rfail(r, MONTY_ERR_FORMAT, "number out of range");
        }
        v |= (uint64_t)(c & 0x7F) << shift;
        if ((c & 0x80) == 0) {
            *out = v;
            return true;
        }
    }
    return rfail(r, MONTY_ERR_FORMAT, "number too long");
}

/* A count of items that each take at least one byte: bounded by what is left. */
static bool
get_count(Reader *r, size_t *out)
{
    uint64_t n;
    if (!get_varint(r, &n)) {
        return false;
    }
    if (n > r->len - r->pos) {
        return rfail(r, MONTY_ERR_FORMAT, "count larger than the data");
    }
    *out = (size_t)n;
    return true;
}

/* Checks the envelope; on success payload and plen give the payload bytes. */
static bool
open_envelope(const uint8_t *data, size_t len, char kind, const uint8_t *key, size_t key_len,
              const uint8_t **payload, size_t *plen, MontyStatus *status, char *err,
              size_t errlen)
{
    const char *what = kind == 'P' ? "compiled program" : "snapshot";
#define FAIL(st, ...)                                 \
    do {                                              \
        *status = (st);                               \
        snprintf(err, errlen, __VA_ARGS__);           \
        return false;                                 \
    } while (0)
    if (data == NULL || len < 4 || memcmp(data, "MNTY", 4) != 0) {
        FAIL(MONTY_ERR_FORMAT, "not a monty %s (bad magic number)", what);
    }
    if (len < ENV_HEADER) {
        FAIL(MONTY_ERR_FORMAT, "truncated %s header", what);
    }
    if (data[4] != (uint8_t)kind) {
        FAIL(MONTY_ERR_FORMAT, "this is a monty %s, not a %s",
             data[4] == 'P' ? "compiled program" : data[4] == 'R' ? "snapshot" : "file", what);
    }
    unsigned cmpv = data[6] | (unsigned)data[7] << 8;
    unsigned envv = kind == 'P' ? VM_PROGRAM_ENVELOPE_VERSION : VM_SNAPSHOT_VERSION;
    if (kind == 'R' && data[5] == 1) {
        FAIL(MONTY_ERR_VERSION,
             "snapshot format 1 (the replay log of an older monty) is no longer read: this "
             "monty reads format %u; resume it with the monty that made it", envv);
    }
    if (data[5] != envv || cmpv != CMP_FORMAT_VERSION) {
        FAIL(MONTY_ERR_VERSION,
             "%s made by another monty version (format %u/%u, this monty reads %u/%u)", what,
             data[5], cmpv, envv, CMP_FORMAT_VERSION);
    }
    if ((data[8] & ~FLAG_SIGNED) != 0) {
        FAIL(MONTY_ERR_FORMAT, "unknown flags in %s header", what);
    }
    bool signed_ = (data[8] & FLAG_SIGNED) != 0;
    size_t n = (size_t)data[9] | (size_t)data[10] << 8 | (size_t)data[11] << 16
               | (size_t)data[12] << 24;
    size_t want = ENV_HEADER + n + (signed_ ? VM_SHA256_SIZE : 0);
    if (n > len || want != len) {
        FAIL(MONTY_ERR_FORMAT, "%s length mismatch (header says %zu bytes, have %zu)", what,
             want, len);
    }
    bool have_key = key != NULL && key_len > 0;
    if (have_key && !signed_) {
        FAIL(MONTY_ERR_AUTH, "%s is not signed, but a key was given", what);
    }
    if (!have_key && signed_) {
        FAIL(MONTY_ERR_AUTH, "%s is signed: its key is needed to load it (--key-file)", what);
    }
    if (signed_) {
        uint8_t mac[VM_SHA256_SIZE];
        vm_hmac_sha256(key, key_len, data, ENV_HEADER + n, mac);
        if (!vm_sha256_equal(mac, data + ENV_HEADER + n, VM_SHA256_SIZE)) {
            FAIL(MONTY_ERR_AUTH, "%s signature does not match the key", what);
        }
    }
#undef FAIL
    *payload = data + ENV_HEADER;
    *plen = n;
    return true;
}

static CmpProgram *
load_program(const uint8_t *p, size_t n, MontyStatus *status, char *err, size_t errlen)
{
    size_t consumed = 0;
    char msg[200] = "";
    CmpProgram *prog = cmp_program_load(p, n, &consumed, msg, sizeof msg);
    if (prog == NULL) {
        *status = MONTY_ERR_FORMAT;
        snprintf(err, errlen, "invalid program: %s", msg[0] ? msg : "rejected");
        return NULL;
    }
    if (consumed != n) {
        cmp_program_free(prog);
        *status = MONTY_ERR_FORMAT;
        snprintf(err, errlen, "invalid program: %zu stray bytes after it", n - consumed);
        return NULL;
    }
    return prog;
}

CmpProgram *
vm_snapshot_program_load(const uint8_t *data, size_t len, const uint8_t *key, size_t key_len,
                         MontyStatus *status, char *err, size_t errlen)
{
    const uint8_t *p;
    size_t n;
    if (!open_envelope(data, len, 'P', key, key_len, &p, &n, status, err, errlen)) {
        return NULL;
    }
    return load_program(p, n, status, err, errlen);
}

bool
vm_snapshot_open(const uint8_t *data, size_t len, const uint8_t *key, size_t key_len,
                 VmSnapHeader *out, MontyStatus *status, char *err, size_t errlen)
{
    memset(out, 0, sizeof *out);
    const uint8_t *p;
    size_t n;
    if (!open_envelope(data, len, 'R', key, key_len, &p, &n, status, err, errlen)) {
        return false;
    }
    Reader r = {p, n, 0, MONTY_OK, err, errlen};
    size_t plen;
    if (!get_count(&r, &plen)) {
        goto fail;
    }
    out->program = load_program(p + r.pos, plen, status, err, errlen);
    if (out->program == NULL) {
        return false;
    }
    out->program_bytes = p + r.pos;
    out->program_len = plen;
    r.pos += plen;
    uint64_t lim[4];
    for (int i = 0; i < 4; i++) {
        if (!get_varint(&r, &lim[i])) {
            goto fail;
        }
    }
    if (lim[3] > UINT32_MAX || lim[0] > SIZE_MAX) {
        rfail(&r, MONTY_ERR_FORMAT, "limit out of range");
        goto fail;
    }
    out->limits = (VmSnapLimits){lim[0], lim[1], lim[2], lim[3]};
    out->state = p + r.pos;
    out->state_len = n - r.pos;
    *status = MONTY_OK;
    return true;
fail:
    *status = r.status != MONTY_OK ? r.status : MONTY_ERR_FORMAT;
    cmp_program_free(out->program);
    out->program = NULL;
    return false;
}
