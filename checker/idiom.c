/*
 * idiom.c — what a model meant by a method that does not exist on a builtin
 * type. Models carry habits over from other languages (JavaScript's
 * `list.push`, Java's `map.containsKey`, Python 2's `dict.has_key`); edit
 * distance alone does not find `append` from `push`. This table maps those
 * names to the Python method, or to the operator / builtin that does the job.
 */
#include <string.h>

#include "checker/chk_int.h"

typedef struct Idiom {
    const char *cls;      /* builtin class name; "*" for any of them */
    const char *attr;     /* the name the model wrote */
    const char *method;   /* the Python method it means, or NULL */
    const char *hint;     /* the operator / builtin to use instead, or NULL */
} Idiom;

static const Idiom idioms[] = {
    /* str */
    {"str", "contains", NULL, "test membership with the `in` operator: `sub in s`"},
    {"str", "includes", NULL, "test membership with the `in` operator: `sub in s`"},
    {"str", "trim", "strip", NULL},
    {"str", "trimStart", "lstrip", NULL},
    {"str", "trim_start", "lstrip", NULL},
    {"str", "ltrim", "lstrip", NULL},
    {"str", "trimEnd", "rstrip", NULL},
    {"str", "trim_end", "rstrip", NULL},
    {"str", "rtrim", "rstrip", NULL},
    {"str", "toUpperCase", "upper", NULL},
    {"str", "toUpper", "upper", NULL},
    {"str", "to_upper", "upper", NULL},
    {"str", "uppercase", "upper", NULL},
    {"str", "toLowerCase", "lower", NULL},
    {"str", "toLower", "lower", NULL},
    {"str", "to_lower", "lower", NULL},
    {"str", "lowercase", "lower", NULL},
    {"str", "startsWith", "startswith", NULL},
    {"str", "starts_with", "startswith", NULL},
    {"str", "endsWith", "endswith", NULL},
    {"str", "ends_with", "endswith", NULL},
    {"str", "indexOf", "find", NULL},
    {"str", "index_of", "find", NULL},
    {"str", "lastIndexOf", "rfind", NULL},
    {"str", "replaceAll", "replace", NULL},
    {"str", "replace_all", "replace", NULL},
    {"str", "substring", NULL, "slice the string: `s[start:end]`"},
    {"str", "substr", NULL, "slice the string: `s[start:end]`"},
    {"str", "slice", NULL, "slice the string: `s[start:end]`"},
    {"str", "charAt", NULL, "index the string: `s[i]`"},
    {"str", "reverse", NULL, "reverse a string with a slice: `s[::-1]`"},
    {"str", "concat", NULL, "concatenate with `+` or an f-string"},
    {"str", "matches", NULL, "use `re.fullmatch(pattern, s)` (import re)"},
    {"str", "splitLines", "splitlines", NULL},
    {"str", "isEmpty", NULL, "test emptiness with `not s`"},
    {"str", "is_empty", NULL, "test emptiness with `not s`"},
    /* list */
    {"list", "push", "append", NULL},
    {"list", "add", "append", NULL},
    {"list", "append_item", "append", NULL},
    {"list", "pushAll", "extend", NULL},
    {"list", "push_all", "extend", NULL},
    {"list", "addAll", "extend", NULL},
    {"list", "add_all", "extend", NULL},
    {"list", "appendAll", "extend", NULL},
    {"list", "append_all", "extend", NULL},
    {"list", "concat", "extend", NULL},
    {"list", "contains", NULL, "test membership with the `in` operator: `x in items`"},
    {"list", "includes", NULL, "test membership with the `in` operator: `x in items`"},
    {"list", "has", NULL, "test membership with the `in` operator: `x in items`"},
    {"list", "indexOf", "index", NULL},
    {"list", "index_of", "index", NULL},
    {"list", "find", "index", NULL},
    {"list", "unshift", NULL, "insert at the front with `items.insert(0, x)`"},
    {"list", "prepend", NULL, "insert at the front with `items.insert(0, x)`"},
    {"list", "push_front", NULL, "insert at the front with `items.insert(0, x)`"},
    {"list", "shift", NULL, "take the first item with `items.pop(0)`"},
    {"list", "pop_front", NULL, "take the first item with `items.pop(0)`"},
    {"list", "popleft", NULL, "take the first item with `items.pop(0)`"},
    {"list", "join", NULL, "join strings with `sep.join(items)`"},
    {"list", "map", NULL, "use a comprehension: `[f(x) for x in items]`"},
    {"list", "filter", NULL, "use a comprehension: `[x for x in items if cond]`"},
    {"list", "forEach", NULL, "use a `for` loop"},
    {"list", "for_each", NULL, "use a `for` loop"},
    {"list", "each", NULL, "use a `for` loop"},
    {"list", "first", NULL, "index the list: `items[0]`"},
    {"list", "last", NULL, "index the list: `items[-1]`"},
    {"list", "get", NULL, "index the list: `items[i]`"},
    {"list", "removeAt", NULL, "remove by position with `items.pop(i)` or `del items[i]`"},
    {"list", "remove_at", NULL, "remove by position with `items.pop(i)` or `del items[i]`"},
    {"list", "delete", NULL, "remove by position with `items.pop(i)` or `del items[i]`"},
    {"list", "sum", NULL, "use the builtin: `sum(items)`"},
    {"list", "max", NULL, "use the builtin: `max(items)`"},
    {"list", "min", NULL, "use the builtin: `min(items)`"},
    {"list", "sorted", NULL, "sort in place with `items.sort()` or copy with `sorted(items)`"},
    {"list", "isEmpty", NULL, "test emptiness with `not items`"},
    {"list", "is_empty", NULL, "test emptiness with `not items`"},
    /* dict */
    {"dict", "has_key", NULL, "test for a key with the `in` operator: `key in d`"},
    {"dict", "hasKey", NULL, "test for a key with the `in` operator: `key in d`"},
    {"dict", "containsKey", NULL, "test for a key with the `in` operator: `key in d`"},
    {"dict", "contains_key", NULL, "test for a key with the `in` operator: `key in d`"},
    {"dict", "contains", NULL, "test for a key with the `in` operator: `key in d`"},
    {"dict", "has", NULL, "test for a key with the `in` operator: `key in d`"},
    {"dict", "includes", NULL, "test for a key with the `in` operator: `key in d`"},
    {"dict", "iteritems", "items", NULL},
    {"dict", "iterkeys", "keys", NULL},
    {"dict", "itervalues", "values", NULL},
    {"dict", "viewitems", "items", NULL},
    {"dict", "viewkeys", "keys", NULL},
    {"dict", "viewvalues", "values", NULL},
    {"dict", "keySet", "keys", NULL},
    {"dict", "key_set", "keys", NULL},
    {"dict", "entrySet", "items", NULL},
    {"dict", "entries", "items", NULL},
    {"dict", "getOrDefault", "get", NULL},
    {"dict", "get_or_default", "get", NULL},
    {"dict", "put", NULL, "store with a subscript: `d[key] = value`"},
    {"dict", "set", NULL, "store with a subscript: `d[key] = value`"},
    {"dict", "add", NULL, "store with a subscript: `d[key] = value`"},
    {"dict", "insert", NULL, "store with a subscript: `d[key] = value`"},
    {"dict", "append", NULL, "store with a subscript: `d[key] = value`"},
    {"dict", "putAll", "update", NULL},
    {"dict", "put_all", "update", NULL},
    {"dict", "merge", "update", NULL},
    {"dict", "extend", "update", NULL},
    {"dict", "remove", "pop", NULL},
    {"dict", "delete", "pop", NULL},
    {"dict", "isEmpty", NULL, "test emptiness with `not d`"},
    {"dict", "is_empty", NULL, "test emptiness with `not d`"},
    {"dict", "forEach", NULL, "use a `for key, value in d.items()` loop"},
    /* set */
    {"set", "push", "add", NULL},
    {"set", "append", "add", NULL},
    {"set", "insert", "add", NULL},
    {"set", "addAll", "update", NULL},
    {"set", "add_all", "update", NULL},
    {"set", "extend", "update", NULL},
    {"set", "contains", NULL, "test membership with the `in` operator: `x in s`"},
    {"set", "includes", NULL, "test membership with the `in` operator: `x in s`"},
    {"set", "has", NULL, "test membership with the `in` operator: `x in s`"},
    {"set", "delete", "discard", NULL},
    {"set", "isEmpty", NULL, "test emptiness with `not s`"},
    /* tuple */
    {"tuple", "append", NULL, "tuples are immutable: build a list, or a new tuple with `t + (x,)`"},
    {"tuple", "add", NULL, "tuples are immutable: build a list, or a new tuple with `t + (x,)`"},
    {"tuple", "contains", NULL, "test membership with the `in` operator: `x in t`"},
    {"tuple", "includes", NULL, "test membership with the `in` operator: `x in t`"},
    /* any builtin value */
    {"*", "length", NULL, "use the builtin: `len(x)`"},
    {"*", "lenght", NULL, "use the builtin: `len(x)`"},
    {"*", "len", NULL, "use the builtin: `len(x)`"},
    {"*", "size", NULL, "use the builtin: `len(x)`"},
    {"*", "toString", NULL, "convert with `str(x)`"},
    {"*", "to_string", NULL, "convert with `str(x)`"},
    {"*", "str", NULL, "convert with `str(x)`"},
    {"*", "toJSON", NULL, "serialize with `json.dumps(x)` (import json)"},
    {"*", "to_json", NULL, "serialize with `json.dumps(x)` (import json)"},
    {"*", "equals", NULL, "compare with `==`"},
    {"*", "clone", "copy", NULL},
    {NULL, NULL, NULL, NULL},
};

/* The builtin class name a table row applies to, for cls or a base of it. */
static const char *
builtin_kind(const ChkLib *lib, const ChkClass *cls)
{
    if (chk_class_is_sub(cls, lib->c_str)) {
        return "str";
    }
    if (chk_class_is_sub(cls, lib->c_list)) {
        return "list";
    }
    if (chk_class_is_sub(cls, lib->c_dict)) {
        return "dict";
    }
    if (chk_class_is_sub(cls, lib->c_set) || chk_class_is_sub(cls, lib->c_frozenset)) {
        return "set";
    }
    if (chk_class_is_sub(cls, lib->c_tuple)) {
        return "tuple";
    }
    if (chk_class_is_sub(cls, lib->c_int) || chk_class_is_sub(cls, lib->c_float)
        || chk_class_is_sub(cls, lib->c_bytes)) {
        return "";
    }
    return NULL;
}

/*
 * chk_idiom: for `t.name` missing on a builtin value (str, bytes, int, float,
 * list, dict, set, tuple and their subclasses), the Python method the model
 * meant (*method) or a hint naming the operator or builtin to use (*hint).
 * Returns false when the name is not a known habit. TypedDicts are left to
 * their own hint (they are dicts, but a field name is the likelier intent).
 */
bool
chk_idiom(const ChkLib *lib, const ChkType *t, const char *name, const char **method,
          const char **hint)
{
    *method = NULL;
    *hint = NULL;
    if (!t || t->kind != CHK_T_INST || !t->cls || t->cls->is_typeddict) {
        return false;
    }
    const char *kind = builtin_kind(lib, t->cls);
    if (!kind) {
        return false;
    }
    for (const Idiom *i = idioms; i->cls; i++) {
        if (strcmp(i->attr, name) == 0
            && (strcmp(i->cls, kind) == 0 || strcmp(i->cls, "*") == 0)) {
            if (i->method && !chk_class_lookup(t->cls, i->method, NULL)) {
                continue;    /* e.g. clone -> copy on a type without copy() */
            }
            *method = i->method;
            *hint = i->hint;
            return true;
        }
    }
    return false;
}
