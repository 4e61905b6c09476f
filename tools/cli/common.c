/*
 * common.c — option parsing, file I/O and program loading shared by the
 * subcommands of `monty`.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tools/cli/cli.h"

void
cli_err(const char *fmt, ...)
{
    va_list ap;
    fflush(stdout);
    fputs("monty: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

char *
cli_read_file(const char *path, size_t *len)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (f == NULL) {
        cli_err("cannot read %s: %s", path, strerror(errno));
        return NULL;
    }
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    while (buf != NULL) {
        if (n + 1 >= cap) {
            char *p = realloc(buf, cap * 2);
            if (p == NULL) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = p;
            cap *= 2;
        }
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0) {
            break;
        }
    }
    bool failed = buf == NULL || ferror(f);
    if (f != stdin) {
        fclose(f);
    }
    if (failed) {
        cli_err("cannot read %s: %s", path, buf == NULL ? "out of memory" : "read error");
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

bool
cli_write_file(const char *path, const void *data, size_t len)
{
    size_t n = strlen(path) + 32;
    char *tmp = malloc(n);
    if (tmp == NULL) {
        cli_err("out of memory");
        return false;
    }
    snprintf(tmp, n, "%s.tmp.%ld", path, (long)getpid());
    FILE *f = fopen(tmp, "wb");
    bool ok = f != NULL && fwrite(data, 1, len, f) == len;
    if (f != NULL && fclose(f) != 0) {
        ok = false;
    }
    if (!ok || rename(tmp, path) != 0) {
        cli_err("cannot write %s: %s", path, strerror(errno));
        unlink(tmp);
        free(tmp);
        return false;
    }
    free(tmp);
    return true;
}

/* "64MB", "512k", "1GiB", "1000" -> bytes. */
static bool
parse_size(const char *s, size_t *out)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (end == s || errno != 0 || v < 0) {
        return false;
    }
    double mul = 1;
    if (*end == 'k' || *end == 'K') {
        mul = 1024.0;
        end++;
    } else if (*end == 'm' || *end == 'M') {
        mul = 1024.0 * 1024;
        end++;
    } else if (*end == 'g' || *end == 'G') {
        mul = 1024.0 * 1024 * 1024;
        end++;
    }
    if (mul > 1 && *end == 'i') {
        end++;
    }
    if (*end == 'b' || *end == 'B') {
        end++;
    }
    if (*end != '\0' || v * mul > 1e18) {
        return false;
    }
    *out = (size_t)(v * mul);
    return true;
}

static bool
parse_count(const char *s, uint64_t *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (end == s || *end != '\0' || errno != 0 || s[0] == '-') {
        return false;
    }
    *out = v;
    return true;
}

static bool
push(const char ***arr, size_t *n, const char *s)
{
    const char **p = realloc(*arr, (*n + 1) * sizeof *p);
    if (p == NULL) {
        return false;
    }
    p[(*n)++] = s;
    *arr = p;
    return true;
}

/* True when `name` appears as a whole word in the space-separated list. */
static bool
allowed_opt(const char *allowed, const char *name)
{
    size_t n = strlen(name);
    for (const char *p = allowed; (p = strstr(p, name)) != NULL; p += n) {
        bool start = p == allowed || p[-1] == ' ';
        bool end = p[n] == ' ' || p[n] == '\0';
        if (start && end) {
            return true;
        }
    }
    return false;
}

bool
cli_parse_opts(const char *cmd, int argc, char **argv, int first, const char *allowed,
               CliOpts *o)
{
    memset(o, 0, sizeof *o);
    for (int i = first; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            cli_usage(cmd);
            exit(CLI_OK);
        }
        if (a[0] != '-' || strcmp(a, "-") == 0) {
            if (o->file != NULL || o->code != NULL) {
                cli_err("%s: unexpected argument '%s'", cmd, a);
                return false;
            }
            o->file = a;
            continue;
        }
        /* "--opt=value" is accepted as well as "--opt value". */
        char name[64];
        const char *val = NULL;
        const char *eq = strchr(a, '=');
        if (eq != NULL && strncmp(a, "--", 2) == 0 && (size_t)(eq - a) < sizeof name) {
            memcpy(name, a, (size_t)(eq - a));
            name[eq - a] = '\0';
            val = eq + 1;
        } else {
            snprintf(name, sizeof name, "%s", a);
        }
        if (!allowed_opt(allowed, name)) {
            cli_err("%s: unknown option '%s' (try monty %s --help)", cmd, name, cmd);
            return false;
        }
        bool flag = strcmp(name, "--jsonl") == 0 || strcmp(name, "--no-check") == 0
                    || strcmp(name, "--ast") == 0 || strcmp(name, "--disasm") == 0;
        if (flag) {
            if (val != NULL) {
                cli_err("%s: option %s takes no value", cmd, name);
                return false;
            }
            if (strcmp(name, "--jsonl") == 0) {
                o->jsonl = true;
            } else if (strcmp(name, "--no-check") == 0) {
                o->no_check = true;
            } else if (strcmp(name, "--ast") == 0) {
                o->ast = true;
            } else {
                o->disasm = true;
            }
            continue;
        }
        if (val == NULL) {
            if (i + 1 >= argc) {
                cli_err("%s: option %s needs a value", cmd, name);
                return false;
            }
            val = argv[++i];
        }
        bool ok = true;
        if (strcmp(name, "-c") == 0) {
            if (o->file != NULL) {
                cli_err("%s: give FILE or -c CODE, not both", cmd);
                return false;
            }
            o->code = val;
        } else if (strcmp(name, "--stubs") == 0) {
            o->stubs = val;
        } else if (strcmp(name, "--external") == 0) {
            ok = push(&o->externals, &o->nexternals, val);
        } else if (strcmp(name, "--input") == 0) {
            const char *e = strchr(val, '=');
            size_t nl = e ? (size_t)(e - val) : strlen(val);
            char *nm = strndup(val, nl);
            ok = nm != NULL && push(&o->input_names, &o->ninputs, nm);
            o->ninputs--;
            ok = ok && push(&o->input_json, &o->ninputs, e ? e + 1 : NULL);
            if (nl == 0) {
                cli_err("%s: --input needs NAME=JSON", cmd);
                return false;
            }
        } else if (strcmp(name, "--format") == 0) {
            o->format = val;
        } else if (strcmp(name, "-o") == 0 || strcmp(name, "--output") == 0) {
            o->output = val;
        } else if (strcmp(name, "--state") == 0) {
            o->state = val;
        } else if (strcmp(name, "--return") == 0) {
            o->ret = val;
        } else if (strcmp(name, "--raise") == 0) {
            o->raise = val;
        } else if (strcmp(name, "--key-file") == 0) {
            o->key_file = val;
        } else if (strcmp(name, "--max-memory") == 0) {
            if (!parse_size(val, &o->limits.max_memory)) {
                cli_err("%s: --max-memory: '%s' is not a size like 64MB", cmd, val);
                return false;
            }
        } else if (strcmp(name, "--max-duration") == 0) {
            char *end;
            o->limits.max_duration = strtod(val, &end);
            if (end == val || *end != '\0' || !(o->limits.max_duration >= 0)) {
                cli_err("%s: --max-duration: '%s' is not a number of seconds", cmd, val);
                return false;
            }
        } else if (strcmp(name, "--max-allocations") == 0) {
            if (!parse_count(val, &o->limits.max_allocations)) {
                cli_err("%s: --max-allocations: '%s' is not a count", cmd, val);
                return false;
            }
        } else if (strcmp(name, "--max-recursion") == 0) {
            uint64_t n;
            if (!parse_count(val, &n) || n > 1000000) {
                cli_err("%s: --max-recursion: '%s' is not a depth (<= 1000000)", cmd, val);
                return false;
            }
            o->limits.max_recursion = (uint32_t)n;
        }
        if (!ok) {
            cli_err("out of memory");
            return false;
        }
    }
    return true;
}

void
cli_opts_free(CliOpts *o)
{
    for (size_t i = 0; i < o->ninputs; i++) {
        free((char *)o->input_names[i]);
    }
    free(o->input_names);
    free(o->input_json);
    free(o->externals);
    memset(o, 0, sizeof *o);
}

bool
cli_load_key(const CliOpts *o, uint8_t **key, size_t *len)
{
    *key = NULL;
    *len = 0;
    if (o->key_file == NULL) {
        return true;
    }
    char *k = cli_read_file(o->key_file, len);
    if (k == NULL) {
        return false;
    }
    if (*len == 0) {
        cli_err("key file %s is empty", o->key_file);
        free(k);
        return false;
    }
    *key = (uint8_t *)k;
    return true;
}

int
cli_load_stubs(const CliOpts *o, MontyStubs **stubs, const char ***names, size_t *n)
{
    *stubs = NULL;
    *names = NULL;
    *n = 0;
    const char *const *fn = NULL;
    size_t nfn = 0;
    if (o->stubs != NULL) {
        size_t len;
        char *text = cli_read_file(o->stubs, &len);
        if (text == NULL) {
            return CLI_USAGE;
        }
        MontyError err;
        MontyStatus st = monty_stubs_load(text, len, o->stubs, stubs, &err);
        free(text);
        if (st != MONTY_OK) {
            cli_err("cannot load stubs %s: %s", o->stubs, err.message);
            return CLI_USAGE;
        }
        nfn = monty_stubs_function_names(*stubs, &fn);
    }
    *names = malloc((nfn + o->nexternals + 1) * sizeof(char *));
    if (*names == NULL) {
        cli_err("out of memory");
        return CLI_USAGE;
    }
    for (size_t i = 0; i < nfn; i++) {
        (*names)[(*n)++] = fn[i];
    }
    for (size_t i = 0; i < o->nexternals; i++) {
        (*names)[(*n)++] = o->externals[i];
    }
    return CLI_OK;
}

static bool
has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

int
cli_load_program(const CliOpts *o, bool check, MontyProgram **out)
{
    *out = NULL;
    if (o->file == NULL && o->code == NULL) {
        cli_err("no script given (FILE or -c CODE)");
        return CLI_USAGE;
    }
    size_t len = 0;
    char *src = NULL;
    const char *name = o->code != NULL ? "<string>" : o->file;
    if (o->code != NULL) {
        src = strdup(o->code);
        len = strlen(o->code);
    } else {
        src = cli_read_file(o->file, &len);
    }
    if (src == NULL) {
        return CLI_USAGE;
    }
    /* A compiled program: validated as strictly as a snapshot. */
    bool compiled = len >= 4 && memcmp(src, "MNTY", 4) == 0;
    if (o->file != NULL && (has_suffix(o->file, ".mbc") || compiled)) {
        uint8_t *key;
        size_t key_len;
        if (!cli_load_key(o, &key, &key_len)) {
            free(src);
            return CLI_USAGE;
        }
        MontyError err;
        MontyStatus st = monty_program_load((const uint8_t *)src, len, key, key_len, out, &err);
        free(src);
        free(key);
        if (st != MONTY_OK) {
            cli_err("%s: %s", o->file, err.message);
            return CLI_USAGE;
        }
        return CLI_OK;
    }
    MontyStubs *stubs;
    const char **ext;
    size_t next;
    int rc = cli_load_stubs(o, &stubs, &ext, &next);
    if (rc != CLI_OK) {
        free(src);
        return rc;
    }
    /* `async def` tools of the stubs (--external names are synchronous) */
    unsigned char *ext_async = calloc(next + 1, 1);
    if (ext_async == NULL) {
        cli_err("out of memory");
        monty_stubs_free(stubs);
        free(ext);
        free(src);
        return CLI_USAGE;
    }
    if (stubs != NULL) {
        const unsigned char *fl;
        size_t nfl = monty_stubs_function_async(stubs, &fl);
        for (size_t i = 0; i < nfl && i < next; i++) {
            ext_async[i] = fl[i];
        }
    }
    MontyCompileOptions copts = {name, o->input_names, o->ninputs, ext, next,
                                 o->limits.max_memory, ext_async};
    if (check && stubs != NULL && !o->no_check) {
        MontyDiagnostics *diags = NULL;
        MontyStatus st = monty_check_source(src, len, &copts, stubs, &diags);
        if (st == MONTY_ERR_CHECK) {
            char *text = monty_diagnostics_render(diags, "concise");
            fflush(stdout);
            fputs(text ? text : "monty: check failed\n", stderr);
            fprintf(stderr, "monty: the check found problems; not running "
                            "(--no-check runs anyway)\n");
            free(text);
            monty_diagnostics_free(diags);
            monty_stubs_free(stubs);
            free(ext);
            free(ext_async);
            free(src);
            return CLI_FAIL;
        }
        monty_diagnostics_free(diags);
    }
    MontyError err;
    MontyStatus st = monty_compile(src, len, &copts, out, &err);
    monty_stubs_free(stubs);
    free(ext);
    free(ext_async);
    free(src);
    if (st != MONTY_OK) {
        fflush(stdout);
        if (st == MONTY_ERR_SYNTAX || st == MONTY_ERR_UNSUPPORTED) {
            fputs(err.text, stderr);
        } else {
            fprintf(stderr, "%s: %s\n", err.type[0] ? err.type : "MemoryError", err.message);
        }
        return CLI_FAIL;
    }
    return CLI_OK;
}
