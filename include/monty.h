/*
 * monty.h — the one public C header of monty.
 *
 * monty runs Python written by an AI agent inside the host's process. The host
 * compiles a script once (MontyProgram), optionally checks it against the .pyi
 * stubs that declare the host's functions, then starts any number of runs of
 * it (MontyRun). A run executes until it finishes, fails, or calls one of the
 * host's external functions; each of these ends the step with an event:
 *
 *     COMPLETE(value)                       the script finished; value of its
 *                                           last expression statement, or None
 *     CALL(call id, function, args, kwargs) the script called an external
 *                                           function and is paused; answer it
 *                                           with monty_run_resume / _raise
 *     ERROR(type, message, traceback)       an exception escaped, or a limit
 *                                           was exceeded (the run is over)
 *
 * A paused run can be dumped to bytes and loaded in any process, any number of
 * times; every loaded copy resumes as the original would. Loaded bytes are
 * untrusted: every byte is validated, and bad input is a clear error, never a
 * crash. With a host key the bytes carry an HMAC-SHA256 and load refuses any
 * bytes the key did not sign.
 *
 * Thread safety: a MontyProgram is immutable once compiled or loaded and may
 * be shared by any number of runs on any number of threads. A MontyRun (and
 * the events and values it hands out) belongs to one thread at a time: calls
 * on one run must not overlap. Distinct runs never share mutable state, and
 * the library has no mutable global state.
 *
 * C stack: Python calls never recurse on the C stack, but repr, hashing and
 * comparison of nested containers do; a run stops them with RecursionError
 * once they use 4 MB of stack below the host's call into the run, so call
 * monty_run_* from a thread with at least 6 MB of stack (the default on glibc).
 *
 * Ownership, in every function below: pointers passed in are borrowed for
 * the call only; "new" results belong to the caller and are released with the
 * matching _free; "borrowed" results belong to the object they came from and
 * stay valid until the next call that advances or frees that object.
 *
 * Errors: every fallible function returns a MontyStatus (MONTY_OK == 0) and,
 * when given a MontyError, fills it with a readable explanation.
 */
#ifndef MONTY_MONTY_H
#define MONTY_MONTY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32)
#define MONTY_API __declspec(dllexport)
#elif defined(__GNUC__)
#define MONTY_API __attribute__((visibility("default")))
#else
#define MONTY_API
#endif

#define MONTY_VERSION_MAJOR 0
#define MONTY_VERSION_MINOR 1
#define MONTY_VERSION_PATCH 0
#define MONTY_VERSION_STRING "0.1.0"
/* Python language version whose behaviour monty follows. */
#define MONTY_PYTHON_VERSION "3.13"

/* The library's version string ("0.1.0"), for checking against the header. */
MONTY_API const char *monty_version(void);

/* ---- status and errors --------------------------------------------------- */

typedef enum MontyStatus {
    MONTY_OK = 0,
    MONTY_ERR_NOMEM,        /* an allocation failed (host memory, not a run limit) */
    MONTY_ERR_ARG,          /* invalid argument: NULL handle, bad name, wrong count */
    MONTY_ERR_STATE,        /* not valid now: resume of a finished run, dump of a running one */
    MONTY_ERR_SYNTAX,       /* compile: the source is not valid Python (SyntaxError & co) */
    MONTY_ERR_UNSUPPORTED,  /* compile: valid Python that monty does not run */
    MONTY_ERR_CHECK,        /* check: the checker found problems */
    MONTY_ERR_FORMAT,       /* load: the bytes are not a valid program or run */
    MONTY_ERR_VERSION,      /* load: made by an incompatible monty version */
    MONTY_ERR_AUTH,         /* load: HMAC missing or wrong for the given key */
    MONTY_ERR_JSON,         /* JSON text invalid or not convertible */
    MONTY_ERR_INTERNAL,     /* a bug in monty; please report */
} MontyStatus;

/* Static English name of a status ("MONTY_ERR_FORMAT" -> "invalid format"). */
MONTY_API const char *monty_status_str(MontyStatus status);

/*
 * Details of a failed call. `type` is a Python exception name when one
 * applies ("SyntaxError", "MemoryError"), else "". `line`/`column` are 1-based
 * source positions (0 when unknown). `text` is a ready-to-print rendering: for
 * a syntax error the CPython-style block ending in "SyntaxError: message".
 * Plain struct with fixed buffers so that it never needs freeing.
 */
typedef struct MontyError {
    MontyStatus status;
    char type[64];
    char message[512];
    char filename[256];
    int line, column, end_line, end_column;
    char text[2048];
} MontyError;

/* ---- values crossing the boundary ---------------------------------------- */

typedef enum MontyKind {
    MONTY_NONE,
    MONTY_BOOL,
    MONTY_INT,          /* fits int64_t: u.i */
    MONTY_BIGINT,       /* any other int: u.str = decimal digits, optional '-' */
    MONTY_FLOAT,
    MONTY_STR,          /* u.str: UTF-8, may hold NUL; data is NUL-terminated too */
    MONTY_BYTES,        /* u.str: raw bytes */
    MONTY_LIST,         /* u.seq */
    MONTY_TUPLE,        /* u.seq */
    MONTY_SET,          /* u.seq: items in the set's iteration order */
    MONTY_FROZENSET,    /* u.seq */
    MONTY_DICT,         /* u.dict: keys[i] -> values[i], insertion order */
    MONTY_EXCEPTION,    /* u.exc: an exception instance, by type name and message */
    MONTY_OTHER,        /* anything else (a function, a range...): u.str = its repr;
                           read-only, refused when passed back into a run */
} MontyKind;

/*
 * A value as a small tagged tree. Scalars need no allocation, so a host can
 * answer a call with `monty_int(42)` on the stack. A tree built by the host
 * with the helpers below owns its children (monty_value_free releases them);
 * trees inside events are borrowed from the run.
 */
typedef struct MontyValue MontyValue;
struct MontyValue {
    MontyKind kind;
    union {
        bool b;
        int64_t i;
        double f;
        struct { char *data; size_t len; } str;
        struct { MontyValue *items; size_t len; } seq;
        struct { MontyValue *keys; MontyValue *values; size_t len; } dict;
        struct { char *type; char *message; } exc;
    } u;
};

MONTY_API MontyValue monty_none(void);
MONTY_API MontyValue monty_bool(bool b);
MONTY_API MontyValue monty_int(int64_t i);
MONTY_API MontyValue monty_float(double f);

/* Copying constructors; on allocation failure they return MONTY_ERR_NOMEM
 * and leave *out as None. `digits` is a decimal integer ([-]digits); a value
 * that fits int64_t becomes MONTY_INT. */
MONTY_API MontyStatus monty_str(const char *utf8, size_t len, MontyValue *out);
MONTY_API MontyStatus monty_bytes(const void *data, size_t len, MontyValue *out);
MONTY_API MontyStatus monty_bigint(const char *digits, size_t len, MontyValue *out);
MONTY_API MontyStatus monty_exception(const char *type, const char *message, MontyValue *out);

/* An empty container of `kind` (LIST, TUPLE, SET, FROZENSET or DICT) with
 * room for `len` zeroed (None) items that the caller fills in place. */
MONTY_API MontyStatus monty_container(MontyKind kind, size_t len, MontyValue *out);

/* Deep copy (for keeping a borrowed event value past the next step). */
MONTY_API MontyStatus monty_value_copy(const MontyValue *v, MontyValue *out);

/* Releases what the tree owns and sets *v to None; the struct itself is the
 * caller's. Safe on scalars and on None. */
MONTY_API void monty_value_free(MontyValue *v);

/* Structural equality (float compared by value, NaN equal to NaN). */
MONTY_API bool monty_value_equal(const MontyValue *a, const MontyValue *b);

/*
 * JSON, in the forms of docs/protocol.md: null/true/false, numbers (an integer
 * literal is an int of any size, one with '.' or an exponent a float, NaN and
 * Infinity as Python's json module writes them), strings, arrays = lists,
 * objects with str keys = dicts, and tagged objects for the rest:
 * {"$tuple":[...]}, {"$set":[...]}, {"$frozenset":[...]}, {"$bytes":"<base64>"},
 * {"$dict":[[key, value], ...]}, {"$exception":{"type":"...","message":"..."}}.
 *
 * monty_value_to_json returns new NUL-terminated text (release with
 * monty_free) or NULL when out of memory. monty_value_from_json parses exactly
 * one JSON value (whitespace around it allowed) into a new tree.
 */
MONTY_API char *monty_value_to_json(const MontyValue *v);
MONTY_API MontyStatus monty_value_from_json(const char *json, size_t len, MontyValue *out,
                                            MontyError *err);

/* Python's repr() of the value, new text (release with monty_free). */
MONTY_API char *monty_value_repr(const MontyValue *v);

/* Releases memory that a monty function returned (text, dumped bytes). */
MONTY_API void monty_free(void *p);

/* ---- configuration -------------------------------------------------------- */

/*
 * Resource limits of a run; 0 means "no limit" except max_recursion, where 0
 * means the default (1000, as CPython). Exceeding a limit ends the run with an
 * ERROR event (MemoryError, TimeoutError or RecursionError) that the script
 * cannot catch; the host process is unaffected and the run's memory released.
 */
typedef struct MontyLimits {
    size_t max_memory;          /* live bytes of the run, parsing included */
    uint64_t max_allocations;   /* allocations made over the run's life */
    double max_duration;        /* seconds of wall time, not counting host calls */
    uint32_t max_recursion;     /* Python call depth */
} MontyLimits;

/*
 * Allocator hook, Lua style: alloc(ud, NULL, 0, n) allocates, alloc(ud, p,
 * old, n) resizes, alloc(ud, p, old, 0) frees and returns NULL. Returning
 * NULL for n > 0 is an allocation failure, which monty reports as an error
 * and survives. NULL hook: malloc/realloc/free.
 */
typedef void *(*MontyAllocFn)(void *ud, void *ptr, size_t old_size, size_t new_size);

/* Print sink: receives the script's print() output, `len` bytes of UTF-8.
 * NULL sink: output is written to the process's stdout. */
typedef void (*MontyPrintFn)(void *ud, const char *text, size_t len);

typedef struct MontyConfig {
    MontyLimits limits;
    MontyAllocFn alloc;
    void *alloc_ud;
    MontyPrintFn print;
    void *print_ud;
    /* HMAC-SHA256 key: when set, monty_run_dump signs the bytes and
     * monty_run_load / monty_program_load refuse bytes not signed with it. */
    const uint8_t *key;
    size_t key_len;
} MontyConfig;

/* A config with no limits, default allocator, stdout printing, no key. */
MONTY_API MontyConfig monty_config_default(void);

/* ---- programs ------------------------------------------------------------- */

typedef struct MontyProgram MontyProgram;

typedef struct MontyCompileOptions {
    const char *script_name;            /* for tracebacks; NULL: "<string>" */
    const char *const *input_names;     /* globals the host binds at start */
    size_t ninputs;
    const char *const *external_names;  /* functions the host provides */
    size_t nexternals;
    size_t max_memory;                  /* bytes for parsing and compiling; 0: no limit */
    /* Parallel to external_names, NULL: no tool is async. Nonzero marks an `async def`
     * tool (monty_stubs_function_async reports them): calling it returns a coroutine, and
     * only awaiting that coroutine makes the CALL event, whose answer is the value of the
     * await (docs/async.md). Added in session 2; a zero-initialised field keeps every tool
     * synchronous, as before. */
    const unsigned char *external_async;
} MontyCompileOptions;

/*
 * Parses and compiles `len` bytes of UTF-8 source into a new program. A
 * syntax error gives MONTY_ERR_SYNTAX with type, message, position and the
 * CPython-style rendering in *err.
 */
MONTY_API MontyStatus monty_compile(const char *source, size_t len,
                                    const MontyCompileOptions *opts,
                                    MontyProgram **out, MontyError *err);

MONTY_API void monty_program_free(MontyProgram *program);

/* Borrowed views of what the program was compiled with. */
MONTY_API const char *monty_program_script_name(const MontyProgram *program);
MONTY_API size_t monty_program_input_names(const MontyProgram *program,
                                           const char *const **names);
MONTY_API size_t monty_program_external_names(const MontyProgram *program,
                                              const char *const **names);

/*
 * Serializes a program (the .mbc form: magic, version, the program). New
 * bytes in *data, release with monty_free. monty_program_load validates the
 * bytes as strictly as a snapshot. With a key (as in MontyConfig) the dump is
 * signed and load accepts only bytes signed with that key; without one, load
 * accepts unsigned bytes only.
 */
MONTY_API MontyStatus monty_program_dump(const MontyProgram *program, const uint8_t *key,
                                         size_t key_len, uint8_t **data, size_t *len);
MONTY_API MontyStatus monty_program_load(const uint8_t *data, size_t len, const uint8_t *key,
                                         size_t key_len, MontyProgram **out, MontyError *err);

/* Readable bytecode listing, new text (release with monty_free). */
MONTY_API char *monty_program_disasm(const MontyProgram *program);

/* ---- checking ------------------------------------------------------------- */

typedef struct MontyStubs MontyStubs;
typedef struct MontyDiagnostics MontyDiagnostics;

/*
 * Loads .pyi stub text declaring the host's functions. Load once, check many
 * scripts. A stub file that does not parse gives MONTY_ERR_SYNTAX.
 */
MONTY_API MontyStatus monty_stubs_load(const char *text, size_t len, const char *filename,
                                       MontyStubs **out, MontyError *err);
MONTY_API void monty_stubs_free(MontyStubs *stubs);

/* Names of every def / async def in the stubs (borrowed): the external
 * functions to pass to monty_compile. */
MONTY_API size_t monty_stubs_function_names(const MontyStubs *stubs,
                                            const char *const **names);
/* Parallel to monty_stubs_function_names (borrowed): 1 where the def is `async def`,
 * 0 otherwise; pass them as MontyCompileOptions.external_async. */
MONTY_API size_t monty_stubs_function_async(const MontyStubs *stubs,
                                            const unsigned char **flags);

/*
 * Checks a program's source against the stubs (NULL: builtins only) and
 * its input names. Returns MONTY_OK when clean and MONTY_ERR_CHECK when the
 * checker found problems; in both cases *out holds the (possibly empty) new
 * diagnostics list.
 */
MONTY_API MontyStatus monty_check(const MontyProgram *program, const MontyStubs *stubs,
                                  MontyDiagnostics **out);

/*
 * The same check on source text that need not compile: a syntax error is
 * one diagnostic with code "invalid-syntax". opts gives the script name and
 * the input names (external names come from the stubs).
 */
MONTY_API MontyStatus monty_check_source(const char *source, size_t len,
                                         const MontyCompileOptions *opts,
                                         const MontyStubs *stubs, MontyDiagnostics **out);

typedef enum MontySeverity { MONTY_SEV_ERROR, MONTY_SEV_WARNING, MONTY_SEV_INFO } MontySeverity;

/* One diagnostic; strings borrowed from the list. Lines/columns 1-based. */
typedef struct MontyDiagnostic {
    const char *file;
    int line, column, end_line, end_column;
    MontySeverity severity;
    const char *code;       /* "unresolved-reference" */
    const char *message;
    const char *hint;       /* NULL when none */
} MontyDiagnostic;

MONTY_API size_t monty_diagnostics_count(const MontyDiagnostics *diags);
MONTY_API bool monty_diagnostics_get(const MontyDiagnostics *diags, size_t i,
                                     MontyDiagnostic *out);

/* Renders all diagnostics: format "concise", "full", "json" or "github".
 * New text (release with monty_free), NULL for an unknown format. */
MONTY_API char *monty_diagnostics_render(const MontyDiagnostics *diags, const char *format);
MONTY_API void monty_diagnostics_free(MontyDiagnostics *diags);

/* ---- runs and events ------------------------------------------------------ */

typedef struct MontyRun MontyRun;
typedef struct MontyEvent MontyEvent;

typedef enum MontyEventKind {
    MONTY_EVENT_COMPLETE,
    MONTY_EVENT_CALL,
    MONTY_EVENT_ERROR,
} MontyEventKind;

/*
 * A new run of `program` (which must outlive it) with the given config
 * (NULL: monty_config_default()). The config is copied; the key bytes too.
 */
MONTY_API MontyStatus monty_run_new(const MontyProgram *program, const MontyConfig *config,
                                    MontyRun **out);
MONTY_API void monty_run_free(MontyRun *run);

/*
 * Binds the inputs (values[i] to the program's input name i, `n` must equal
 * the number of input names) and runs to the first event. *event is borrowed
 * from the run and valid until the next call on the run.
 */
MONTY_API MontyStatus monty_run_start(MontyRun *run, const MontyValue *inputs, size_t n,
                                      const MontyEvent **event);

/* Answers the pending CALL with a return value (copied into the run). */
MONTY_API MontyStatus monty_run_resume(MontyRun *run, const MontyValue *value,
                                       const MontyEvent **event);

/* Answers the pending CALL by raising `type(message)` at the call site. The
 * type must name a built-in exception class; others raise RuntimeError. */
MONTY_API MontyStatus monty_run_resume_raise(MontyRun *run, const char *type,
                                             const char *message, const MontyEvent **event);

/* Live bytes the run holds in its heap now (what max_memory limits). */
MONTY_API size_t monty_run_memory(const MontyRun *run);

/* The last event of the run (NULL before start). Borrowed. */
MONTY_API const MontyEvent *monty_run_event(const MontyRun *run);

MONTY_API MontyEventKind monty_event_kind(const MontyEvent *event);

/* COMPLETE: the script's result (borrowed). */
MONTY_API const MontyValue *monty_event_value(const MontyEvent *event);

/* CALL: id (unique within the run, counting from 1), function name,
 * positional args, keyword names and values (all borrowed). */
MONTY_API uint64_t monty_event_call_id(const MontyEvent *event);
MONTY_API const char *monty_event_function(const MontyEvent *event);
MONTY_API size_t monty_event_args(const MontyEvent *event, const MontyValue **args);
MONTY_API size_t monty_event_kwargs(const MontyEvent *event, const char *const **names,
                                    const MontyValue **values);

/* ERROR: exception type name ("ValueError"), message (str(exc)), and the
 * whole CPython-format traceback text ending in "Type: message\n". */
MONTY_API const char *monty_event_exc_type(const MontyEvent *event);
MONTY_API const char *monty_event_message(const MontyEvent *event);
MONTY_API const char *monty_event_traceback(const MontyEvent *event);

/* ERROR: true when the run ended because it exceeded a limit. */
MONTY_API bool monty_event_is_limit(const MontyEvent *event);

/* ERROR: traceback frames, outermost first (as CPython prints them). */
typedef struct MontyFrame {
    const char *filename;
    int line;
    const char *function;       /* "<module>", "f" */
    const char *source_line;    /* stripped source text, "" when unknown */
} MontyFrame;

MONTY_API size_t monty_event_frames(const MontyEvent *event, const MontyFrame **frames);

/* ---- durable runs --------------------------------------------------------- */

/*
 * Dumps a run paused at a CALL to self-contained bytes (the program travels
 * with it). With a key in the run's config the bytes are signed. New bytes in
 * *data, release with monty_free. MONTY_ERR_STATE unless the run is paused;
 * MONTY_ERR_UNSUPPORTED when it holds an object snapshots cannot save yet
 * (monty_run_dump_error names it).
 */
MONTY_API MontyStatus monty_run_dump(const MontyRun *run, uint8_t **data, size_t *len);

/*
 * Why the last monty_run_dump of this run failed ("" after a success): e.g. the
 * run holds an object kind snapshots cannot save yet (MONTY_ERR_UNSUPPORTED
 * names the type). Valid until the next dump or the run is freed.
 */
MONTY_API const char *monty_run_dump_error(const MontyRun *run);

/*
 * Loads dumped bytes as a new, independent run (the same bytes may be loaded
 * any number of times). The run owns its own copy of the program. *event is
 * the pending CALL, ready for monty_run_resume. Bad bytes: MONTY_ERR_FORMAT,
 * MONTY_ERR_VERSION or MONTY_ERR_AUTH with an explanation in *err.
 */
MONTY_API MontyStatus monty_run_load(const uint8_t *data, size_t len, const MontyConfig *config,
                                     MontyRun **out, const MontyEvent **event, MontyError *err);

#ifdef __cplusplus
}
#endif

#endif /* MONTY_MONTY_H */
