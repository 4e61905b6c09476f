/*
 * disasm.c — a readable listing of a program (monty compile --disasm) and the
 * opcode names. The layout resembles CPython's dis: one line per instruction
 * with its source line, index, name, operand and what the operand refers to,
 * then the exception table.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/cmp_int.h"
#include "compiler/program.h"
#include "grammar/ast.h"

/*
 * Name of an opcode number, or NULL for a number the table does not use.
 */
const char *
cmp_opcode_name(unsigned op)
{
    switch (op) {
#define X(num, name, kind, pops, pushes) case num: return #name;
#include "compiler/opcodes.def"
#undef X
    default:
        return NULL;
    }
}

/* Operator spellings, indexed by AstOperator / AstCmpOp (kept here so the
 * listing needs nothing from grammar/ at link time). */
static const char *const BINOPS[AST_OPERATOR_COUNT] = {
    "+", "-", "*", "@", "/", "%", "**", "<<", ">>", "|", "^", "&", "//",
};
static const char *const CMPOPS[] = {"==", "!=", "<", "<=", ">", ">="};

static void
out(CmpBuf *b, const char *fmt, ...)
{
    va_list ap;
    int n;
    char small[512];
    if (b->failed) {
        return;
    }
    va_start(ap, fmt);
    n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) {
        b->failed = true;
        return;
    }
    if (b->len + (size_t)n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 1024;
        uint8_t *d;
        while (cap < b->len + (size_t)n + 1) {
            cap *= 2;
        }
        d = realloc(b->data, cap);
        if (d == NULL) {
            b->failed = true;
            return;
        }
        b->data = d;
        b->cap = cap;
    }
    if ((size_t)n < sizeof small) {
        memcpy(b->data + b->len, small, (size_t)n + 1);
    } else {
        va_start(ap, fmt);
        vsnprintf((char *)b->data + b->len, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    b->len += (size_t)n;
}

/* A string constant, quoted and truncated for the listing. */
static void
out_quoted(CmpBuf *b, const char *s, size_t len, char prefix)
{
    char tmp[64];
    size_t j = 0;
    for (size_t i = 0; i < len && j < sizeof tmp - 5; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\'' || c == '\\') {
            tmp[j++] = '\\';
            tmp[j++] = (char)c;
        } else if (c < 0x20 || c == 0x7F) {
            j += (size_t)snprintf(tmp + j, sizeof tmp - j, "\\x%02x", c);
        } else {
            tmp[j++] = (char)c;
        }
    }
    tmp[j] = '\0';
    if (prefix) {
        out(b, "%c'%s'%s", prefix, tmp, j < len ? "" : "");
    } else {
        out(b, "'%s'", tmp);
    }
    if (len > 40) {
        out(b, "...");
    }
}

static void
out_const(CmpBuf *b, const CmpCode *c, uint32_t idx, int depth)
{
    const CmpConst *k = &c->consts[idx];
    switch (k->kind) {
    case CMP_CONST_NONE:
        out(b, "None");
        break;
    case CMP_CONST_TRUE:
        out(b, "True");
        break;
    case CMP_CONST_FALSE:
        out(b, "False");
        break;
    case CMP_CONST_ELLIPSIS:
        out(b, "Ellipsis");
        break;
    case CMP_CONST_INT:
        out(b, "%lld", (long long)k->i);
        break;
    case CMP_CONST_BIGINT:
        out(b, "%.40s%s", k->str, k->len > 40 ? "..." : "");
        break;
    case CMP_CONST_FLOAT:
        out(b, "%.17g", k->f);
        break;
    case CMP_CONST_COMPLEX:
        out(b, "%.17gj", k->f);
        break;
    case CMP_CONST_STR:
        out_quoted(b, k->str, k->len, 0);
        break;
    case CMP_CONST_BYTES:
        out_quoted(b, k->str, k->len, 'b');
        break;
    case CMP_CONST_TUPLE:
        out(b, "(");
        for (uint32_t i = 0; i < k->nitems; i++) {
            if (depth > 8) {
                out(b, "...");
                break;
            }
            out_const(b, c, k->items[i], depth + 1);
            out(b, i + 1 < k->nitems || k->nitems == 1 ? ", " : "");
        }
        out(b, ")");
        break;
    case CMP_CONST_CODE:
        out(b, "<code %lld>", (long long)k->i);
        break;
    }
}

static void
disasm_code(CmpBuf *b, const CmpProgram *p, uint32_t ci)
{
    const CmpCode *c = &p->codes[ci];
    uint32_t prevline = 0;

    out(b, "Disassembly of code %u: %s (%s), line %u\n", ci, c->name, c->qualname,
        c->firstlineno);
    out(b, "  argcount=%u posonly=%u kwonly=%u nlocals=%u stacksize=%u flags=%#x\n",
        c->argcount, c->posonlyargcount, c->kwonlyargcount, c->nlocals, c->stacksize,
        c->flags);
    if (c->nlocals) {
        out(b, "  locals:");
        for (uint32_t i = 0; i < c->nlocals; i++) {
            out(b, " %s", c->localnames[i]);
        }
        out(b, "\n");
    }
    if (c->ncellvars) {
        out(b, "  cells:");
        for (uint32_t i = 0; i < c->ncellvars; i++) {
            out(b, " %s", c->cellnames[i]);
            if (c->cell2arg[i] >= 0) {
                out(b, "(arg %d)", c->cell2arg[i]);
            }
        }
        out(b, "\n");
    }
    if (c->nfreevars) {
        out(b, "  free:");
        for (uint32_t i = 0; i < c->nfreevars; i++) {
            out(b, " %s", c->freenames[i]);
        }
        out(b, "\n");
    }
    for (uint32_t i = 0; i < c->ncode; i++) {
        unsigned op = CMP_OP(c->code[i]);
        uint32_t arg = CMP_ARG(c->code[i]);
        const char *name = cmp_opcode_name(op);
        CmpOperandKind kind = cmp_op_kind(op);

        if (c->locs[i].lineno != prevline) {
            out(b, "%5u ", c->locs[i].lineno);
            prevline = c->locs[i].lineno;
        } else {
            out(b, "      ");
        }
        out(b, "%5u %-22s", i, name ? name : "<bad>");
        if (kind != CMP_K_NONE) {
            out(b, " %u", arg);
        }
        switch (kind) {
        case CMP_K_CONST:
            if (arg < c->nconsts) {
                out(b, " (");
                out_const(b, c, arg, 0);
                out(b, ")");
            }
            break;
        case CMP_K_NAME:
            if (op == OP_LOAD_ATTR) {
                if ((arg >> 1) < c->nnames) {
                    out(b, " (%s%s)", c->names[arg >> 1], (arg & 1) ? " + method" : "");
                }
            } else if (arg < c->nnames) {
                out(b, " (%s)", c->names[arg]);
            }
            break;
        case CMP_K_LOCAL:
            if (arg < c->nlocals) {
                out(b, " (%s)", c->localnames[arg]);
            }
            break;
        case CMP_K_CELL:
            if (arg < c->ncellvars) {
                out(b, " (%s)", c->cellnames[arg]);
            } else if (arg - c->ncellvars < c->nfreevars) {
                out(b, " (%s)", c->freenames[arg - c->ncellvars]);
            }
            break;
        case CMP_K_JUMP:
            out(b, " (to %u)", arg);
            break;
        case CMP_K_OP:
            if (op == OP_BINARY_OP && (arg & 0xFF) < AST_OPERATOR_COUNT) {
                out(b, " (%s%s)", BINOPS[arg & 0xFF],
                    (arg & 0x100) ? "=" : "");
            } else if (op == OP_COMPARE_OP && arg <= AST_GTE) {
                out(b, " (%s)", CMPOPS[arg]);
            }
            break;
        default:
            break;
        }
        out(b, "\n");
    }
    if (c->nexc) {
        out(b, "ExceptionTable:\n");
        for (uint32_t i = 0; i < c->nexc; i++) {
            const CmpExcEntry *e = &c->exctable[i];
            out(b, "  %u to %u -> %u [%u]%s\n", e->start, e->end, e->handler, e->depth,
                e->lasti ? " lasti" : "");
        }
    }
    out(b, "\n");
}

/*
 * Returns a malloc'd listing of every code object, or NULL when out of
 * memory. The program is assumed valid (compiled or loaded).
 */
char *
cmp_program_disasm(const CmpProgram *program)
{
    CmpBuf b = {0};
    out(&b, "");
    for (uint32_t i = 0; i < program->ncodes; i++) {
        disasm_code(&b, program, i);
    }
    if (b.failed) {
        free(b.data);
        return NULL;
    }
    return (char *)b.data;
}
