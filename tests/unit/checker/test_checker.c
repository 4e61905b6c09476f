/*
 * test_checker.c — Check unit tests of the checker's C API: stub loading,
 * the host's function names, the skeleton rules, and the four renderings.
 */
#include <check.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "checker/checker.h"

static const char STUBS[] =
    "from typing import TypedDict\n"
    "class Weather(TypedDict):\n"
    "    temp: float\n"
    "    summary: str\n"
    "def get_weather(city: str, *, units: str = 'c') -> Weather: ...\n"
    "async def fetch(url: str) -> str: ...\n"
    "prompt: str\n";

static ChkStubs *
stubs(void)
{
    char err[256] = "";
    ChkStubs *s = chk_stubs_load(STUBS, strlen(STUBS), "tools.pyi", err, sizeof err);
    ck_assert_msg(s != NULL, "stubs failed: %s", err);
    return s;
}

static ChkResult *
check(const ChkStubs *s, const char *src)
{
    ChkResult *r = chk_check_source(src, strlen(src), "agent.py", s, NULL, 0);
    ck_assert_ptr_nonnull(r);
    return r;
}

START_TEST(test_stubs_function_names)
{
    ChkStubs *s = stubs();
    const char *const *names = NULL;
    size_t n = chk_stubs_function_names(s, &names);
    ck_assert_uint_eq(n, 2);
    ck_assert_str_eq(names[0], "get_weather");
    ck_assert_str_eq(names[1], "fetch");
    const char *const *inputs = NULL;
    ck_assert_uint_eq(chk_stubs_input_names(s, &inputs), 1);
    ck_assert_str_eq(inputs[0], "prompt");
    chk_stubs_free(s);
}
END_TEST

START_TEST(test_stubs_syntax_error)
{
    char err[256] = "";
    ChkStubs *s = chk_stubs_load("def f(:\n", 8, "bad.pyi", err, sizeof err);
    ck_assert_ptr_null(s);
    ck_assert_ptr_nonnull(strstr(err, "bad.pyi:1"));
}
END_TEST

START_TEST(test_clean_script)
{
    ChkStubs *s = stubs();
    ChkResult *r = check(s, "w = get_weather(prompt, units='f')\nprint(w['temp'] + 1)\n");
    ck_assert_uint_eq(chk_result_count(r), 0);
    char *json = chk_result_render(r, CHK_FORMAT_JSON);
    ck_assert_str_eq(json, "[]");
    free(json);
    char *concise = chk_result_render(r, CHK_FORMAT_CONCISE);
    ck_assert_str_eq(concise, "");
    free(concise);
    chk_result_free(r);
    chk_stubs_free(s);
}
END_TEST

START_TEST(test_unresolved_with_suggestion)
{
    ChkStubs *s = stubs();
    ChkResult *r = check(s, "x = 1\nw = get_wether('Paris')\n");
    ck_assert_uint_eq(chk_result_count(r), 1);
    const ChkDiag *d = chk_result_get(r, 0);
    ck_assert_str_eq(d->code, "unresolved-reference");
    ck_assert_int_eq(d->line, 2);
    ck_assert_int_eq(d->column, 5);
    ck_assert_int_eq(d->end_column, 15);
    ck_assert_ptr_nonnull(strstr(d->message, "`get_weather`"));
    ck_assert_uint_eq(chk_result_errors(r), 1);
    chk_result_free(r);
    chk_stubs_free(s);
}
END_TEST

START_TEST(test_arity)
{
    ChkStubs *s = stubs();
    ChkResult *r = check(s, "get_weather('a', 'b')\nget_weather()\nget_weather('a', unit='c')\n");
    ck_assert_uint_eq(chk_result_count(r), 3);
    ck_assert_str_eq(chk_result_get(r, 0)->code, "too-many-positional-arguments");
    ck_assert_str_eq(chk_result_get(r, 1)->code, "missing-argument");
    ck_assert_str_eq(chk_result_get(r, 2)->code, "unknown-argument");
    ck_assert_ptr_nonnull(strstr(chk_result_get(r, 2)->message, "`units`"));
    chk_result_free(r);
    chk_stubs_free(s);
}
END_TEST

START_TEST(test_render_formats)
{
    ChkStubs *s = stubs();
    ChkResult *r = check(s, "w = get_wether('Paris')\n");
    char *c = chk_result_render(r, CHK_FORMAT_CONCISE);
    ck_assert_ptr_nonnull(strstr(c, "agent.py:1:5: error[unresolved-reference] Name"));
    free(c);
    char *f = chk_result_render(r, CHK_FORMAT_FULL);
    ck_assert_ptr_nonnull(strstr(f, "1 | w = get_wether('Paris')\n"));
    ck_assert_ptr_nonnull(strstr(f, "  |     ^^^^^^^^^^\n"));
    free(f);
    char *g = chk_result_render(r, CHK_FORMAT_GITHUB);
    ck_assert_ptr_nonnull(strstr(g, "::error file=agent.py,line=1,col=5,"));
    free(g);
    char *j = chk_result_render(r, CHK_FORMAT_JSON);
    cJSON *arr = cJSON_Parse(j);
    ck_assert_ptr_nonnull(arr);
    ck_assert_int_eq(cJSON_GetArraySize(arr), 1);
    cJSON *o = cJSON_GetArrayItem(arr, 0);
    ck_assert_int_eq(cJSON_GetObjectItem(o, "line")->valueint, 1);
    ck_assert_int_eq(cJSON_GetObjectItem(o, "column")->valueint, 5);
    ck_assert_int_eq(cJSON_GetObjectItem(o, "end_line")->valueint, 1);
    ck_assert_int_eq(cJSON_GetObjectItem(o, "end_column")->valueint, 15);
    ck_assert_str_eq(cJSON_GetObjectItem(o, "severity")->valuestring, "error");
    ck_assert_str_eq(cJSON_GetObjectItem(o, "code")->valuestring, "unresolved-reference");
    cJSON_Delete(arr);
    free(j);
    chk_result_free(r);
    chk_stubs_free(s);
}
END_TEST

START_TEST(test_syntax_error_is_a_diagnostic)
{
    ChkResult *r = check(NULL, "if x\n    pass\n");
    ck_assert_uint_eq(chk_result_count(r), 1);
    ck_assert_str_eq(chk_result_get(r, 0)->code, "invalid-syntax");
    ck_assert_int_eq(chk_result_get(r, 0)->line, 1);
    chk_result_free(r);
}
END_TEST

START_TEST(test_missing_await)
{
    ChkStubs *s = stubs();
    ChkResult *r = check(s, "fetch('u')\npage = fetch('u')\nprint(page.upper())\n");
    ck_assert_uint_eq(chk_result_count(r), 2);
    ck_assert_str_eq(chk_result_get(r, 0)->code, "unused-awaitable");
    ck_assert_str_eq(chk_result_get(r, 1)->code, "unresolved-attribute");
    ck_assert_ptr_nonnull(chk_result_get(r, 1)->hint);
    chk_result_free(r);
    chk_stubs_free(s);
}
END_TEST

START_TEST(test_no_stubs_builtins_only)
{
    ChkResult *r = check(NULL, "print(len([1, 2]), sorted({'a': 1}))\nlenn([])\n");
    ck_assert_uint_eq(chk_result_count(r), 1);
    ck_assert_ptr_nonnull(strstr(chk_result_get(r, 0)->message, "`len`"));
    chk_result_free(r);
}
END_TEST

START_TEST(test_every_module_stub_loads)
{
    /* every embedded module parses: importing each is clean */
    ChkResult *r = check(NULL, "import math\nimport json\nimport re\nimport asyncio\n"
                               "from typing import Any\nprint(math.pi, json.dumps(1), "
                               "re.escape('a'), asyncio.gather)\n");
    ck_assert_uint_eq(chk_result_count(r), 0);
    chk_result_free(r);
    r = check(NULL, "import os\n");
    ck_assert_uint_eq(chk_result_count(r), 1);
    ck_assert_ptr_nonnull(strstr(chk_result_get(r, 0)->hint, "json, math"));
    chk_result_free(r);
}
END_TEST

/* Loaded stubs are immutable: threads may check against them at once. */
typedef struct {
    const ChkStubs *stubs;
    int clean;
    int found;
} ThreadJob;

static void *
check_many(void *arg)
{
    ThreadJob *job = arg;
    static const char good[] = "import math\nw = get_weather(prompt)\nprint(w['temp'], math.pi)\n";
    static const char bad[] = "w = get_wether('x')\n";
    for (int i = 0; i < 200; i++) {
        ChkResult *r = chk_check_source(good, sizeof good - 1, "a.py", job->stubs, NULL, 0);
        job->clean += r && chk_result_count(r) == 0;
        chk_result_free(r);
        r = chk_check_source(bad, sizeof bad - 1, "b.py", job->stubs, NULL, 0);
        job->found += r && chk_result_count(r) == 1;
        chk_result_free(r);
    }
    return NULL;
}

START_TEST(test_threads_share_stubs)
{
    ChkStubs *s = stubs();
    pthread_t th[4];
    ThreadJob jobs[4];
    for (int i = 0; i < 4; i++) {
        jobs[i] = (ThreadJob){s, 0, 0};
        ck_assert_int_eq(pthread_create(&th[i], NULL, check_many, &jobs[i]), 0);
    }
    for (int i = 0; i < 4; i++) {
        pthread_join(th[i], NULL);
        ck_assert_int_eq(jobs[i].clean, 200);
        ck_assert_int_eq(jobs[i].found, 200);
    }
    chk_stubs_free(s);
}
END_TEST

/* Columns count characters, not UTF-8 bytes. */
START_TEST(test_columns_are_characters)
{
    ChkResult *r = check(NULL, "s = '\xc3\xa9\xc3\xa9'; nope\n");
    ck_assert_uint_eq(chk_result_count(r), 1);
    ck_assert_int_eq(chk_result_get(r, 0)->column, 11);
    ck_assert_int_eq(chk_result_get(r, 0)->end_column, 15);
    char *f = chk_result_render(r, CHK_FORMAT_FULL);
    ck_assert_ptr_nonnull(strstr(f, "  |           ^^^^\n"));
    free(f);
    chk_result_free(r);
}
END_TEST

START_TEST(test_format_parse)
{
    ChkFormat f;
    ck_assert(chk_format_parse("json", &f) && f == CHK_FORMAT_JSON);
    ck_assert(chk_format_parse("full", &f) && f == CHK_FORMAT_FULL);
    ck_assert(chk_format_parse("github", &f) && f == CHK_FORMAT_GITHUB);
    ck_assert(chk_format_parse("concise", &f) && f == CHK_FORMAT_CONCISE);
    ck_assert(!chk_format_parse("xml", &f));
}
END_TEST

static Suite *
checker_suite(void)
{
    Suite *s = suite_create("checker");
    TCase *t = tcase_create("api");
    tcase_add_test(t, test_stubs_function_names);
    tcase_add_test(t, test_stubs_syntax_error);
    tcase_add_test(t, test_clean_script);
    tcase_add_test(t, test_unresolved_with_suggestion);
    tcase_add_test(t, test_arity);
    tcase_add_test(t, test_render_formats);
    tcase_add_test(t, test_syntax_error_is_a_diagnostic);
    tcase_add_test(t, test_missing_await);
    tcase_add_test(t, test_no_stubs_builtins_only);
    tcase_add_test(t, test_format_parse);
    tcase_add_test(t, test_every_module_stub_loads);
    tcase_add_test(t, test_threads_share_stubs);
    tcase_add_test(t, test_columns_are_characters);
    suite_add_tcase(s, t);
    return s;
}

int
main(void)
{
    SRunner *sr = srunner_create(checker_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
