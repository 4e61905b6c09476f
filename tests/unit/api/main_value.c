/*
 * main_value.c — runner for the host-boundary unit tests that need no VM:
 * the MontyValue tree, its JSON forms and repr, SHA-256 and HMAC-SHA256.
 */
#include <check.h>
#include <stdlib.h>

Suite *api_value_suite(void);
Suite *api_sha256_suite(void);

int
main(void)
{
    SRunner *sr = srunner_create(api_value_suite());
    srunner_add_suite(sr, api_sha256_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
