/*
 * mod_asyncio.c — the asyncio module as monty runs it (ASYNC engineer; docs/async.md).
 *
 * monty has no event loop and no timers: a coroutine runs when it is awaited, to its
 * end; the only suspension is a host call (an `async def` tool), which pauses the whole
 * run with a CALL event. So run() drives a coroutine to completion, gather() awaits
 * its arguments one after another in argument order (host calls are issued in that
 * order), sleep() returns at once, create_task() returns the coroutine itself (it runs
 * when awaited or gathered), wait_for() awaits without a timeout (the host's
 * max_duration bounds a run), as_completed() gives the awaitables back in argument
 * order. All are prelude functions ("_aio_*", vm/prelude/prelude.py) because they run
 * Python code (contract 2).
 */
#include "vm/modules.h"

static const VmModuleMember members[] = {
    VM_MEMBER_T("TimeoutError", &vm_exc_TimeoutError),
    VM_MEMBER_P("as_completed", "_aio_as_completed"),
    VM_MEMBER_P("create_task", "_aio_create_task"),
    VM_MEMBER_P("ensure_future", "_aio_ensure_future"),
    VM_MEMBER_P("gather", "_aio_gather"),
    VM_MEMBER_P("iscoroutine", "_aio_iscoroutine"),
    VM_MEMBER_P("run", "_aio_run"),
    VM_MEMBER_P("sleep", "_aio_sleep"),
    VM_MEMBER_P("wait_for", "_aio_wait_for"),
};

VM_MODULE_DEF(asyncio, "asyncio", members);
