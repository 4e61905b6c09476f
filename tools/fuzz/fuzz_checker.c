/*
 * fuzz_checker.c — libFuzzer target for the checker: any bytes, as a script
 * checked against fixed stubs, or (when the input holds a line "#---") as
 * stubs followed by a script. The checker runs on untrusted scripts, so it
 * must never crash, leak or hang, whatever the input.
 *
 * Build: cmake -DMONTY_FUZZ=ON with CC=clang; run: build/fuzz_checker -max_total_time=600
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "checker/checker.h"

static const char STUBS[] =
    "from typing import Any, TypedDict, NotRequired, Literal\n"
    "class W(TypedDict):\n    temp: float\n    note: NotRequired[str]\n"
    "def get_weather(city: str, *, units: Literal['c', 'f'] = 'c') -> W: ...\n"
    "def lookup(key: str, /) -> Any: ...\n"
    "async def fetch(url: str) -> str: ...\n"
    "prompt: str\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static ChkStubs *fixed;
    if (!fixed) {
        fixed = chk_stubs_load(STUBS, sizeof STUBS - 1, "fixed.pyi", NULL, 0);
    }
    const char *text = (const char *)data;
    const char *sep = NULL;
    for (size_t i = 0; i + 5 <= size; i++) {
        if (memcmp(text + i, "\n#---", 5) == 0) {
            sep = text + i;
            break;
        }
    }
    ChkStubs *stubs = fixed;
    const char *script = text;
    size_t slen = size;
    if (sep) {
        stubs = chk_stubs_load(text, (size_t)(sep - text), "fuzz.pyi", NULL, 0);
        script = sep + 5;
        slen = size - (size_t)(script - text);
    }
    ChkResult *r = chk_check_source(script, slen, "fuzz.py", stubs, NULL, 0);
    if (r) {
        char *s = chk_result_render(r, CHK_FORMAT_FULL);
        free(s);
        s = chk_result_render(r, CHK_FORMAT_JSON);
        free(s);
        chk_result_free(r);
    }
    if (stubs != fixed) {
        chk_stubs_free(stubs);
    }
    return 0;
}
