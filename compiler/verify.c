/*
 * verify.c — the opcode table queries and the program verifier.
 *
 * A program loaded from bytes (.mbc file, snapshot) is untrusted: the VM
 * indexes constants, names, locals and cells with instruction operands and
 * sizes its value stack from `stacksize` without further checks. This file
 * proves, before the VM sees a program, that every operand is in range, every
 * jump lands inside its code, and every reachable instruction (including
 * exception handlers) runs with one known stack depth between 0 and
 * stacksize. The compiler runs the same checks on its own output in tests.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/cmp_int.h"
#include "grammar/ast.h"

/* Operand kind of an opcode number (CMP_K_INVALID for unused numbers). */
CmpOperandKind
cmp_op_kind(unsigned op)
{
    switch (op) {
#define NONE CMP_K_NONE
#define CONST CMP_K_CONST
#define NAME CMP_K_NAME
#define LOCAL CMP_K_LOCAL
#define CELL CMP_K_CELL
#define JUMP CMP_K_JUMP
#define COUNT CMP_K_COUNT
#define OP CMP_K_OP
#define X(num, name, kind, pops, pushes) case num: return kind;
#include "compiler/opcodes.def"
#undef X
#undef NONE
#undef CONST
#undef NAME
#undef LOCAL
#undef CELL
#undef JUMP
#undef COUNT
#undef OP
    default:
        return CMP_K_INVALID;
    }
}

/* Values popped and pushed by (op, arg) on the fall-through path, from opcodes.def. */
void
cmp_op_effect(unsigned op, uint32_t arg_, int64_t *pops, int64_t *pushes)
{
    /* The table's expressions use `arg`; widen it so no expression overflows. */
    int64_t arg = arg_;
    switch (op) {
#define X(num, name, kind, po, pu) case num: *pops = (po); *pushes = (pu); return;
#include "compiler/opcodes.def"
#undef X
    default:
        *pops = 0;
        *pushes = 0;
        return;
    }
}

/* Depth change when a jump instruction takes its branch. */
int64_t
cmp_op_jump_delta(unsigned op)
{
    switch (op) {
    case OP_JUMP:
        return 0;
    case OP_POP_JUMP_IF_FALSE:
    case OP_POP_JUMP_IF_TRUE:
    case OP_POP_JUMP_IF_NONE:
    case OP_POP_JUMP_IF_NOT_NONE:
        return -1;
    case OP_JUMP_IF_FALSE_OR_POP:
    case OP_JUMP_IF_TRUE_OR_POP:
        return 0;           /* the branch keeps TOS */
    case OP_FOR_ITER:
        return -1;          /* exhausted: the iterator is popped */
    case OP_SEND:
        return -1;          /* [iter, value] -> [result] */
    default:
        return 0;
    }
}

/* True for instructions after which control never falls through. */
bool
cmp_op_is_terminal(unsigned op)
{
    return op == OP_JUMP || op == OP_RETURN_VALUE || op == OP_RETURN_CONST
           || op == OP_RAISE_VARARGS || op == OP_RERAISE;
}

/* True for opcodes whose operand is a jump target. */
bool
cmp_op_has_jump(unsigned op)
{
    return cmp_op_kind(op) == CMP_K_JUMP;
}

/* ---- verifier ------------------------------------------------------------ */

typedef struct Verifier {
    const CmpProgram *prog;
    uint32_t index;         /* code being checked */
    char *err;
    size_t errlen;
} Verifier;

static bool
fail(Verifier *v, const char *fmt, ...)
{
    va_list ap;
    int n = snprintf(v->err, v->errlen, "code %u: ", v->index);
    if (n < 0 || (size_t)n >= v->errlen) {
        return false;
    }
    va_start(ap, fmt);
    vsnprintf(v->err + n, v->errlen - (size_t)n, fmt, ap);
    va_end(ap);
    return false;
}

/* Checks operand ranges that do not depend on the stack. */
static bool
check_operand(Verifier *v, const CmpCode *c, uint32_t i)
{
    unsigned op = CMP_OP(c->code[i]);
    uint32_t arg = CMP_ARG(c->code[i]);
    uint32_t ncells = c->ncellvars + c->nfreevars;

    switch (cmp_op_kind(op)) {
    case CMP_K_INVALID:
        return fail(v, "instruction %u: unknown opcode %u", i, op);
    case CMP_K_NONE:
        if (arg != 0) {
            return fail(v, "instruction %u: operand must be 0", i);
        }
        break;
    case CMP_K_CONST:
        if (arg >= c->nconsts) {
            return fail(v, "instruction %u: constant index out of range", i);
        }
        break;
    case CMP_K_NAME:
        if ((op == OP_LOAD_ATTR ? arg >> 1 : arg) >= c->nnames) {
            return fail(v, "instruction %u: name index out of range", i);
        }
        break;
    case CMP_K_LOCAL:
        if (arg >= c->nlocals) {
            return fail(v, "instruction %u: local slot out of range", i);
        }
        break;
    case CMP_K_CELL:
        if (arg >= ncells) {
            return fail(v, "instruction %u: cell index out of range", i);
        }
        break;
    case CMP_K_JUMP:
        if (arg >= c->ncode) {
            return fail(v, "instruction %u: jump target out of range", i);
        }
        /* Only JUMP may go backwards: the VM checks the time budget there,
         * so every loop passes a check. */
        if (op != OP_JUMP && arg <= i) {
            return fail(v, "instruction %u: backward conditional jump", i);
        }
        break;
    case CMP_K_OP:
        if (op == OP_BINARY_OP) {
            if ((arg & ~0x1FFu) != 0 || (arg & 0xFFu) >= AST_OPERATOR_COUNT) {
                return fail(v, "instruction %u: bad binary operator", i);
            }
        } else if (op == OP_UNARY_OP) {
            if (arg > AST_USUB) {
                return fail(v, "instruction %u: bad unary operator", i);
            }
        } else if (op == OP_COMPARE_OP) {
            if (arg > AST_GTE) {
                return fail(v, "instruction %u: bad comparison", i);
            }
        } else if (op == OP_CONVERT_VALUE) {
            if (arg < 1 || arg > 3) {
                return fail(v, "instruction %u: bad conversion", i);
            }
        }
        break;
    case CMP_K_COUNT:
        switch (op) {
        case OP_COPY:
        case OP_LIST_APPEND:
        case OP_SET_ADD:
        case OP_MAP_ADD:
        case OP_LIST_EXTEND:
        case OP_SET_UPDATE:
        case OP_DICT_UPDATE:
        case OP_DICT_MERGE:
            if (arg < 1) {
                return fail(v, "instruction %u: count must be >= 1", i);
            }
            break;
        case OP_SWAP:
            if (arg < 2) {
                return fail(v, "instruction %u: SWAP needs >= 2", i);
            }
            break;
        case OP_BUILD_SLICE:
            if (arg != 2 && arg != 3) {
                return fail(v, "instruction %u: BUILD_SLICE needs 2 or 3", i);
            }
            break;
        case OP_RAISE_VARARGS:
            if (arg > 2) {
                return fail(v, "instruction %u: bad RAISE_VARARGS", i);
            }
            break;
        case OP_IS_OP:
        case OP_CONTAINS_OP:
        case OP_RERAISE:
        case OP_CALL_FUNCTION_EX:
            if (arg > 1) {
                return fail(v, "instruction %u: flag must be 0 or 1", i);
            }
            break;
        case OP_UNPACK_EX:
            if (arg > 0xFFFF) {
                return fail(v, "instruction %u: bad UNPACK_EX", i);
            }
            break;
        case OP_MAKE_FUNCTION:
            if (arg > 15) {
                return fail(v, "instruction %u: bad MAKE_FUNCTION flags", i);
            }
            break;
        case OP_EXTENDED_ARG:
            return fail(v, "instruction %u: EXTENDED_ARG is reserved", i);
        default:
            break;
        }
        break;
    }

    /* Generator-only instructions. */
    if (op == OP_YIELD_VALUE && !(c->flags & CMP_CO_GENERATOR)) {
        return fail(v, "instruction %u: %s outside a generator", i, cmp_opcode_name(op));
    }
    if (op == OP_RETURN_GENERATOR && !(c->flags & (CMP_CO_GENERATOR | CMP_CO_COROUTINE))) {
        return fail(v, "instruction %u: %s outside a generator", i, cmp_opcode_name(op));
    }
    /* await (GET_AWAITABLE + SEND): in coroutines and, top-level await, the module code */
    if (op == OP_SEND && !(c->flags & (CMP_CO_GENERATOR | CMP_CO_COROUTINE)) && v->index != 0) {
        return fail(v, "instruction %u: %s outside a generator", i, cmp_opcode_name(op));
    }
    if (op == OP_GET_AWAITABLE && !(c->flags & CMP_CO_COROUTINE) && v->index != 0) {
        return fail(v, "instruction %u: %s outside a coroutine", i, cmp_opcode_name(op));
    }
    if (op == OP_IMPORT_STAR && v->index != 0) {
        return fail(v, "instruction %u: IMPORT_STAR outside the module code", i);
    }
    if (op == OP_RETURN_GENERATOR && i != 0) {
        return fail(v, "instruction %u: RETURN_GENERATOR must come first", i);
    }
    if (op == OP_LOAD_BUILD_CLASS || op == OP_WITH_EXCEPT_START
        || op == OP_BEFORE_WITH || op == OP_CHECK_EG_MATCH || op == OP_SETUP_ANNOTATIONS
        || op == OP_END_SEND) {
        /* Not produced by this compiler: refuse rather than trust the VM. */
        return fail(v, "instruction %u: %s is not supported", i, cmp_opcode_name(op));
    }

    /* CALL_KW's names: a tuple of str constant loaded just before it, no
     * longer than the arguments. */
    if (op == OP_CALL_KW) {
        const CmpConst *k;
        if (i == 0 || CMP_OP(c->code[i - 1]) != OP_LOAD_CONST) {
            return fail(v, "instruction %u: CALL_KW without its names", i);
        }
        k = &c->consts[CMP_ARG(c->code[i - 1])];
        if (k->kind != CMP_CONST_TUPLE || k->nitems > arg) {
            return fail(v, "instruction %u: CALL_KW names are not a fitting tuple", i);
        }
        for (uint32_t j = 0; j < k->nitems; j++) {
            if (c->consts[k->items[j]].kind != CMP_CONST_STR) {
                return fail(v, "instruction %u: CALL_KW name is not a str", i);
            }
        }
    }

    /* MAKE_FUNCTION consumes the code constant loaded just before it. */
    if (op == OP_MAKE_FUNCTION) {
        const CmpConst *k;
        const CmpCode *child;
        if (i == 0 || CMP_OP(c->code[i - 1]) != OP_LOAD_CONST) {
            return fail(v, "instruction %u: MAKE_FUNCTION without its code", i);
        }
        k = &c->consts[CMP_ARG(c->code[i - 1])];
        if (k->kind != CMP_CONST_CODE) {
            return fail(v, "instruction %u: MAKE_FUNCTION of a non-code constant", i);
        }
        child = &v->prog->codes[k->i];
        if (((arg & 8) != 0) != (child->nfreevars > 0)) {
            return fail(v, "instruction %u: closure does not match the code", i);
        }
    }
    return true;
}

/* One work item: an instruction reached with a known depth. */
typedef struct Work {
    uint32_t pc;
    uint32_t depth;
} Work;

static bool
reach(Verifier *v, int64_t *depth_at, Work *stack, uint32_t *nstack, uint32_t pc,
      int64_t depth, uint32_t stacksize)
{
    if (depth < 0) {
        return fail(v, "instruction %u: stack underflow", pc);
    }
    if (depth > stacksize) {
        return fail(v, "instruction %u: stack depth %lld exceeds stacksize %u", pc,
                    (long long)depth, stacksize);
    }
    if (depth_at[pc] >= 0) {
        if (depth_at[pc] != depth) {
            return fail(v, "instruction %u: inconsistent stack depth (%lld vs %lld)", pc,
                        (long long)depth_at[pc], (long long)depth);
        }
        return true;
    }
    depth_at[pc] = depth;
    stack[(*nstack)++] = (Work){pc, (uint32_t)depth};
    return true;
}

/* Index of the exception-table entry covering pc, or -1 (entries sorted). */
static int64_t
handler_for(const CmpCode *c, uint32_t pc)
{
    uint32_t lo = 0, hi = c->nexc;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (c->exctable[mid].end <= pc) {
            lo = mid + 1;
        } else if (c->exctable[mid].start > pc) {
            hi = mid;
        } else {
            return mid;
        }
    }
    return -1;
}

/* Extra depth an instruction needs below what it pops (indexed accesses). */
static int64_t
extra_need(unsigned op, uint32_t arg)
{
    switch (op) {
    case OP_LIST_APPEND:
    case OP_SET_ADD:
    case OP_LIST_EXTEND:
    case OP_SET_UPDATE:
    case OP_DICT_UPDATE:
        return arg;
    case OP_MAP_ADD:
        return arg;
    case OP_DICT_MERGE:
        return (int64_t)arg + 3;   /* [callable, EMPTY, args, dict] under the mapping */
    case OP_RERAISE:
        return arg;                /* lasti below the exception */
    default:
        return 0;
    }
}

static bool
verify_flow(Verifier *v, const CmpCode *c)
{
    int64_t *depth_at;
    Work *stack;
    uint32_t nstack = 0;
    bool ok = true;

    depth_at = malloc(sizeof *depth_at * c->ncode);
    stack = malloc(sizeof *stack * c->ncode);
    if (depth_at == NULL || stack == NULL) {
        free(depth_at);
        free(stack);
        return fail(v, "out of memory");
    }
    for (uint32_t i = 0; i < c->ncode; i++) {
        depth_at[i] = -1;
    }
    ok = reach(v, depth_at, stack, &nstack, 0, 0, c->stacksize);
    while (ok && nstack > 0) {
        Work w = stack[--nstack];
        uint32_t insn = c->code[w.pc];
        unsigned op = CMP_OP(insn);
        uint32_t arg = CMP_ARG(insn);
        int64_t pops, pushes, after;
        int64_t h = handler_for(c, w.pc);

        if (h >= 0) {
            const CmpExcEntry *e = &c->exctable[h];
            if (e->depth > w.depth) {
                ok = fail(v, "instruction %u: handler depth %u above stack depth %u", w.pc,
                          e->depth, w.depth);
                break;
            }
            ok = reach(v, depth_at, stack, &nstack, e->handler,
                       (int64_t)e->depth + (e->lasti ? 1 : 0) + 1, c->stacksize);
            if (!ok) {
                break;
            }
        }
        cmp_op_effect(op, arg, &pops, &pushes);
        if (pops + extra_need(op, arg) > w.depth) {
            ok = fail(v, "instruction %u: %s needs %lld values, stack has %u", w.pc,
                      cmp_opcode_name(op), (long long)(pops + extra_need(op, arg)), w.depth);
            break;
        }
        after = (int64_t)w.depth - pops + pushes;
        if (cmp_op_has_jump(op)) {
            int64_t jd = (int64_t)w.depth + cmp_op_jump_delta(op);
            if (op == OP_JUMP_IF_FALSE_OR_POP || op == OP_JUMP_IF_TRUE_OR_POP) {
                jd = w.depth;
            }
            ok = reach(v, depth_at, stack, &nstack, arg, jd, c->stacksize);
            if (!ok) {
                break;
            }
        }
        if (!cmp_op_is_terminal(op)) {
            if (w.pc + 1 >= c->ncode) {
                ok = fail(v, "instruction %u: falls off the end of the code", w.pc);
                break;
            }
            ok = reach(v, depth_at, stack, &nstack, w.pc + 1, after, c->stacksize);
        }
    }
    /* No jump may land on MAKE_FUNCTION or CALL_KW (their operand must come
     * from the LOAD_CONST just before them on every path). */
    for (uint32_t i = 0; ok && i < c->ncode; i++) {
        unsigned op = CMP_OP(c->code[i]);
        if (cmp_op_has_jump(op)) {
            unsigned t = CMP_OP(c->code[CMP_ARG(c->code[i])]);
            if (t == OP_MAKE_FUNCTION || t == OP_CALL_KW) {
                ok = fail(v, "instruction %u: jump onto %s", i, cmp_opcode_name(t));
            }
        }
    }
    for (uint32_t e = 0; ok && e < c->nexc; e++) {
        unsigned t = CMP_OP(c->code[c->exctable[e].handler]);
        if (t == OP_MAKE_FUNCTION || t == OP_CALL_KW) {
            ok = fail(v, "exception handler onto %s", cmp_opcode_name(t));
        }
    }
    free(depth_at);
    free(stack);
    return ok;
}

static bool
verify_code(Verifier *v, const CmpCode *c)
{
    uint32_t nparams;

    if (c->ncode == 0) {
        return fail(v, "empty code");
    }
    if (c->flags & ~(uint32_t)(CMP_CO_VARARGS | CMP_CO_VARKEYWORDS | CMP_CO_NESTED
                               | CMP_CO_GENERATOR | CMP_CO_COROUTINE
                               | CMP_CO_HAS_DOCSTRING)) {
        return fail(v, "unknown flags %#x", c->flags);
    }
    if ((c->flags & CMP_CO_GENERATOR) && (c->flags & CMP_CO_COROUTINE)) {
        return fail(v, "both generator and coroutine flags");
    }
    if ((c->flags & CMP_CO_COROUTINE) && CMP_OP(c->code[0]) != OP_RETURN_GENERATOR) {
        return fail(v, "coroutine must start with RETURN_GENERATOR");
    }
    if ((c->flags & CMP_CO_HAS_DOCSTRING)
        && (c->nconsts == 0 || c->consts[0].kind != CMP_CONST_STR)) {
        return fail(v, "docstring flag without a string constant 0");
    }
    if ((c->flags & CMP_CO_GENERATOR) && CMP_OP(c->code[0]) != OP_RETURN_GENERATOR) {
        return fail(v, "generator must start with RETURN_GENERATOR");
    }
    if (c->posonlyargcount > c->argcount) {
        return fail(v, "more positional-only than positional parameters");
    }
    nparams = c->argcount + c->kwonlyargcount;
    if (nparams < c->argcount) {
        return fail(v, "parameter count overflow");
    }
    nparams += (c->flags & CMP_CO_VARARGS) ? 1 : 0;
    nparams += (c->flags & CMP_CO_VARKEYWORDS) ? 1 : 0;
    if (nparams > c->nlocals) {
        return fail(v, "more parameters than locals");
    }
    for (uint32_t i = 0; i < c->ncellvars; i++) {
        if (c->cell2arg[i] < -1 || (c->cell2arg[i] >= 0 && (uint32_t)c->cell2arg[i] >= nparams)) {
            return fail(v, "cell %u: bad parameter slot", i);
        }
    }
    if (v->index == 0
        && (nparams != 0 || c->nfreevars != 0
            || (c->flags & (CMP_CO_GENERATOR | CMP_CO_COROUTINE)))) {
        return fail(v, "the module code must take no parameters and no closure");
    }
    for (uint32_t k = 0; k < c->nconsts; k++) {
        const CmpConst *kc = &c->consts[k];
        if (kc->kind == CMP_CONST_TUPLE) {
            for (uint32_t j = 0; j < kc->nitems; j++) {
                if (kc->items[j] >= k) {
                    return fail(v, "constant %u: tuple item must precede the tuple", k);
                }
            }
        } else if (kc->kind == CMP_CONST_CODE) {
            if (kc->i <= (int64_t)v->index || kc->i >= (int64_t)v->prog->ncodes) {
                return fail(v, "constant %u: bad code index", k);
            }
        }
    }
    for (uint32_t e = 0; e < c->nexc; e++) {
        const CmpExcEntry *x = &c->exctable[e];
        if (x->start >= x->end || x->end > c->ncode || x->handler >= c->ncode) {
            return fail(v, "exception entry %u out of range", e);
        }
        /* Handlers follow what they protect, so a raise-and-catch loop
         * needs a backward JUMP too (where the time budget is checked). */
        if (x->handler < x->end) {
            return fail(v, "exception entry %u: handler inside or before its range", e);
        }
        if (e > 0 && c->exctable[e - 1].end > x->start) {
            return fail(v, "exception entries %u and %u overlap or are unsorted", e - 1, e);
        }
        if ((uint64_t)x->depth + (x->lasti ? 1 : 0) + 1 > c->stacksize) {
            return fail(v, "exception entry %u: depth exceeds stacksize", e);
        }
    }
    for (uint32_t i = 0; i < c->ncode; i++) {
        if (!check_operand(v, c, i)) {
            return false;
        }
    }
    return verify_flow(v, c);
}

/* Checks every structural invariant of a program (see the top of this file). */
bool
cmp_verify_program(const CmpProgram *program, char *err, size_t errlen)
{
    Verifier v = {program, 0, err, errlen};
    if (program->ncodes == 0) {
        return fail(&v, "no code");
    }
    for (uint32_t i = 0; i < program->ncodes; i++) {
        v.index = i;
        if (!verify_code(&v, &program->codes[i])) {
            return false;
        }
    }
    return true;
}
