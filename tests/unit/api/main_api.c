/*
 * main_api.c — runner for the end-to-end C API tests (test_api.c).
 */
#include <check.h>
#include <stdlib.h>

Suite *api_suite(void);

int
main(void)
{
    SRunner *sr = srunner_create(api_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
