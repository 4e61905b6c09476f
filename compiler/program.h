/*
 * program.h — a compiled program: what the compiler produces and the VM runs.
 *
 * A CmpProgram is plain data (no VM objects) and, once built, immutable: any
 * number of runs on any number of threads may share it (DESIGN.md contract 6).
 * The VM turns constants into its own values when it prepares a program.
 * program.c serializes it (for .mbc files and snapshots, which carry their
 * program) and validates serialized bytes as untrusted input: every index,
 * jump target, stack depth and exception-table entry is checked before use.
 */
#ifndef MONTY_COMPILER_PROGRAM_H
#define MONTY_COMPILER_PROGRAM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Bump when opcodes.def numbers, constants or the layout below change. */
#define CMP_FORMAT_VERSION 2

typedef enum CmpOpcode {
#define X(num, name, kind, pops, pushes) OP_##name = num,
#include "compiler/opcodes.def"
#undef X
    OP__LIMIT = 256
} CmpOpcode;

#define CMP_OP(insn) ((CmpOpcode)((insn) & 0xFFu))
#define CMP_ARG(insn) ((uint32_t)(insn) >> 8)
#define CMP_INSN(op, arg) ((uint32_t)(op) | ((uint32_t)(arg) << 8))
#define CMP_ARG_MAX 0xFFFFFFu

typedef enum CmpConstKind {
    CMP_CONST_NONE,
    CMP_CONST_TRUE,
    CMP_CONST_FALSE,
    CMP_CONST_ELLIPSIS,
    CMP_CONST_INT,      /* i */
    CMP_CONST_BIGINT,   /* str: decimal digits with optional leading '-' */
    CMP_CONST_FLOAT,    /* f */
    CMP_CONST_COMPLEX,  /* f: imaginary part */
    CMP_CONST_STR,      /* str: UTF-8 (surrogatepass) */
    CMP_CONST_BYTES,    /* str: raw bytes */
    CMP_CONST_TUPLE,    /* items: indices into the same code's consts */
    CMP_CONST_CODE,     /* i: index into CmpProgram.codes */
} CmpConstKind;

typedef struct CmpConst {
    CmpConstKind kind;
    int64_t i;
    double f;
    const char *str;    /* owned by the program */
    size_t len;
    uint32_t *items;    /* TUPLE */
    uint32_t nitems;
} CmpConst;

/* One exception-table row: an exception raised by an instruction with
 * start <= index < end jumps to `handler` with the stack cut to `depth`. */
typedef struct CmpExcEntry {
    uint32_t start, end, handler;
    uint32_t depth;
    bool lasti;
} CmpExcEntry;

/* Source position of one instruction (for tracebacks), CPython's columns. */
typedef struct CmpLoc {
    uint32_t lineno, end_lineno;
    uint16_t col, end_col;
} CmpLoc;

/* Code flags (as CPython's co_flags where they overlap). */
#define CMP_CO_VARARGS 0x04
#define CMP_CO_VARKEYWORDS 0x08
#define CMP_CO_NESTED 0x10
#define CMP_CO_GENERATOR 0x20
#define CMP_CO_COROUTINE 0x100
#define CMP_CO_ASYNC_GENERATOR 0x200
/* Added by the compiler engineer (CPython 3.14's value): the function has a
 * docstring, and it is consts[0] (a STR constant). For `f.__doc__`. */
#define CMP_CO_HAS_DOCSTRING 0x4000000

typedef struct CmpCode {
    const char *name;           /* "<module>", "f", "<lambda>", "<listcomp>" ... */
    const char *qualname;       /* "C.f.<locals>.g" */
    uint32_t flags;
    uint32_t argcount;          /* positional, including positional-only */
    uint32_t posonlyargcount;
    uint32_t kwonlyargcount;
    uint32_t nlocals;           /* fast slots: parameters first, in order */
    uint32_t ncellvars;         /* cells created by this code */
    uint32_t nfreevars;         /* cells received through the closure */
    uint32_t stacksize;         /* maximum value-stack depth */
    uint32_t firstlineno;

    const char **localnames;    /* nlocals */
    const char **cellnames;     /* ncellvars */
    const char **freenames;     /* nfreevars */
    /* For each cellvar that is also a parameter: its local slot, else -1.
     * The frame copies the argument into the new cell on entry. */
    int32_t *cell2arg;

    uint32_t *code;             /* ncode instructions */
    uint32_t ncode;
    CmpLoc *locs;               /* ncode entries */
    CmpConst *consts;
    uint32_t nconsts;
    const char **names;         /* globals and attribute names */
    uint32_t nnames;
    CmpExcEntry *exctable;
    uint32_t nexc;
} CmpCode;

typedef struct CmpProgram {
    const char *filename;       /* as given to compile ("agent.py", "<string>") */
    const char *source;         /* the source text, for traceback lines */
    size_t source_len;
    CmpCode *codes;             /* codes[0] is the module body */
    uint32_t ncodes;
    const char **input_names;   /* names the host binds as globals at start */
    uint32_t ninputs;
    const char **external_names;/* functions the host provides */
    uint32_t nexternals;
    /* nexternals flags, 1 for an `async def` tool (ASYNC engineer), or NULL when none is
     * async: such a call returns a coroutine; awaiting it makes the host call. */
    const uint8_t *external_async;
    /* Added by the compiler engineer: when not NULL, the program and every
     * array and string it points to live in this one malloc'd block (the
     * compiler's output); cmp_program_free frees just the block. */
    void *packed;
} CmpProgram;

void cmp_program_free(CmpProgram *program);

/*
 * Serialized form (for .mbc files and snapshots): appends the program to a
 * growable buffer. cmp_program_load validates everything (see top comment)
 * and returns NULL with a message in err (size errlen) on any bad byte.
 */
typedef struct CmpBuf {
    uint8_t *data;
    size_t len, cap;
    bool failed;                /* an allocation failed; data is incomplete */
} CmpBuf;

bool cmp_program_dump(const CmpProgram *program, CmpBuf *out);
CmpProgram *cmp_program_load(const uint8_t *data, size_t len, size_t *consumed,
                             char *err, size_t errlen);

/* Writes a readable listing of every code object (monty compile --disasm). */
char *cmp_program_disasm(const CmpProgram *program);   /* malloc'd; caller frees */

/* Name of an opcode ("LOAD_FAST"), or NULL for an unused number. */
const char *cmp_opcode_name(unsigned op);

#endif /* MONTY_COMPILER_PROGRAM_H */
