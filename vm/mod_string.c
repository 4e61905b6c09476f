/*
 * mod_string.c — the string module: its constants and capwords (prelude). Template
 * and Formatter are classes and are not provided.
 */
#include "vm/modules.h"

static const VmModuleMember members[] = {
    VM_MEMBER_S("ascii_letters", "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"),
    VM_MEMBER_S("ascii_lowercase", "abcdefghijklmnopqrstuvwxyz"),
    VM_MEMBER_S("ascii_uppercase", "ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
    VM_MEMBER_S("digits", "0123456789"),
    VM_MEMBER_S("hexdigits", "0123456789abcdefABCDEF"),
    VM_MEMBER_S("octdigits", "01234567"),
    VM_MEMBER_S("punctuation", "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"),
    VM_MEMBER_S("printable", "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                             "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ \t\n\r\x0b\x0c"),
    VM_MEMBER_S("whitespace", " \t\n\r\x0b\x0c"),
    VM_MEMBER_P("capwords", "_string_capwords"),
};

VM_MODULE_DEF(string, "string", members);
