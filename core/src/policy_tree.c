/* policy_tree.c: the walkers over the policy's descriptor tree (policy_tree.h): reading JSON,
 * writing JSON, resolving a dotted path, setting one value, checking the whole policy. They know
 * no key: the descriptors of alvh_policy are in policy_fields.c.
 *
 * A field's value lives at `at`, a pointer into alvh_policy (an object's members at at +
 * field->offset, an array's element i at at + i * stride). Error sentences name the key as a
 * dotted path with array elements numbered from 1 ("layers.2.min_days"); docs/hedge.md quotes
 * them and test_policy.c checks them.
 */
#include "policy_tree.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base.h"

/* ---- sentences ------------------------------------------------------------------------------ */

static const char *json_type_name(const cJSON *v)
{
    if (cJSON_IsNumber(v)) return "a number";
    if (cJSON_IsString(v)) return "text";
    if (cJSON_IsBool(v)) return "true/false";
    if (cJSON_IsNull(v)) return "null";
    if (cJSON_IsArray(v)) return "an array";
    if (cJSON_IsObject(v)) return "an object";
    return "an invalid value";
}

/* An enum's words as the sentences list them: "\"rule\", \"vega\"". */
static void enum_words(const char *const *words, char *buf, size_t size)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; words[i]; ++i) {
        int n = snprintf(buf + used, size - used, "%s\"%s\"", i ? ", " : "", words[i]);
        if (n < 0 || (size_t)n >= size - used)
            break;
        used += (size_t)n;
    }
}

static int enum_count(const char *const *words)
{
    int n = 0;
    while (words[n])
        ++n;
    return n;
}

/* The value at path is of the wrong JSON type (got names the type given). */
static alvh_status type_error(const alvh_policy_field *f, const char *path, const char *got,
                              char *err, size_t errsize)
{
    char list[160];
    switch (f->kind) {
    case ALVH_FIELD_NUMBER:
    case ALVH_FIELD_INTEGER:
        return alvh_fail_text(err, errsize, ALVH_E_POLICY_TYPE,
                              "policy key \"%s\" must be a number, got %s", path, got);
    case ALVH_FIELD_BOOL:
        return alvh_fail_text(err, errsize, ALVH_E_POLICY_TYPE,
                              "policy key \"%s\" must be true or false, got %s", path, got);
    case ALVH_FIELD_ENUM:
        enum_words(f->words, list, sizeof list);
        return alvh_fail_text(err, errsize, ALVH_E_POLICY_TYPE,
                              "policy key \"%s\" must be text, one of %s, got %s", path, list,
                              got);
    case ALVH_FIELD_OBJECT: break;
    case ALVH_FIELD_ARRAY: {
        size_t used = 0; /* "1, 2, 3" */
        list[0] = '\0';
        for (int i = 1; i <= f->count && used < sizeof list; ++i) {
            int n = snprintf(list + used, sizeof list - used, "%s%d", i > 1 ? ", " : "", i);
            used += n > 0 ? (size_t)n : 0;
        }
        return alvh_fail_text(err, errsize, ALVH_E_POLICY_TYPE,
                              "policy key \"%s\" must be an array of up to %d objects (%s %s), "
                              "got %s",
                              path, f->count, f->key, list, got);
    }
    }
    return alvh_fail_text(err, errsize, ALVH_E_POLICY_TYPE,
                          "policy key \"%s\" must be an object, got %s", path, got);
}

/* An enum value that is none of its words (given: how the sentence shows it). */
static alvh_status not_a_word(const alvh_policy_field *f, const char *path, const char *given,
                              char *err, size_t errsize)
{
    char list[160];
    enum_words(f->words, list, sizeof list);
    return alvh_fail_text(err, errsize, ALVH_E_POLICY_VALUE,
                          "policy key \"%s\" must be one of %s, got %s", path, list, given);
}

/* x against a number field's domain: finite, whole for an INTEGER, inside [lo, hi]. */
static alvh_status number_in_range(const alvh_policy_field *f, double x, const char *path,
                                   char *err, size_t errsize)
{
    const char *why = NULL;
    if (!isfinite(x))
        why = "must be a finite number";
    else if (f->kind == ALVH_FIELD_INTEGER && x != floor(x))
        why = "must be a whole number";
    else if (!((f->lo_open ? x <= f->lo : x < f->lo) || (f->hi_open ? x >= f->hi : x > f->hi)))
        return ALVH_OK;
    char got[32];
    alvh_format_number(got, sizeof got, x);
    if (why)
        return alvh_fail_text(err, errsize, ALVH_E_POLICY_VALUE, "policy key \"%s\" %s, got %s",
                              path, why, got);
    char lo[32], hi[32];
    alvh_format_number(lo, sizeof lo, f->lo);
    alvh_format_number(hi, sizeof hi, f->hi);
    return alvh_fail_text(err, errsize, ALVH_E_POLICY_VALUE,
                          "policy key \"%s\" must be %s %s and %s %s, got %s", path,
                          f->lo_open ? "above" : "at least", lo, f->hi_open ? "below" : "at most",
                          hi, got);
}

/* ---- setting one value ---------------------------------------------------------------------- */

/* The one writer of a field's value: v (NULL: no scalar at all) after the type and range checks.
 * Nothing is written on failure. */
static alvh_status set_value(const alvh_policy_field *f, char *at, const char *path,
                             const alvh_policy_scalar *v, const char *got, char *err,
                             size_t errsize)
{
    switch (f->kind) {
    case ALVH_FIELD_NUMBER:
    case ALVH_FIELD_INTEGER: {
        if (!v || v->kind != ALVH_POLICY_NUMBER)
            break;
        alvh_status st = number_in_range(f, v->number, path, err, errsize);
        if (st == ALVH_OK)
            memcpy(at, &v->number, sizeof v->number);
        return st;
    }
    case ALVH_FIELD_BOOL: {
        if (!v || v->kind != ALVH_POLICY_BOOL)
            break;
        int b = v->number != 0.0;
        memcpy(at, &b, sizeof b);
        return ALVH_OK;
    }
    case ALVH_FIELD_ENUM: {
        if (!v || v->kind != ALVH_POLICY_TEXT)
            break;
        const char *text = v->text ? v->text : "";
        for (int i = 0; f->words[i]; ++i)
            if (strcmp(f->words[i], text) == 0) {
                memcpy(at, &i, sizeof i); /* every enum of the policy is int-sized */
                return ALVH_OK;
            }
        char given[64];
        snprintf(given, sizeof given, "\"%.60s\"", text);
        return not_a_word(f, path, given, err, errsize);
    }
    case ALVH_FIELD_OBJECT:
    case ALVH_FIELD_ARRAY: break;
    }
    return type_error(f, path, got, err, errsize);
}

alvh_status alvh_policy_tree_set(const alvh_policy_ref *ref, alvh_policy *p,
                                 const alvh_policy_scalar *v, const char *got, char *err,
                                 size_t errsize)
{
    if (ref->field)
        return set_value(ref->field, (char *)p + ref->offset, ref->path, v, got, err, errsize);
    if (ref->path[0] == '\0')
        return alvh_fail_text(err, errsize, ALVH_E_POLICY_TYPE,
                              "the policy must be a JSON object ({...}), got %s", got);
    return alvh_fail_text(err, errsize, ALVH_E_POLICY_TYPE,
                          "policy key \"%s\" must be an object, got %s", ref->path, got);
}

/* ---- reading JSON --------------------------------------------------------------------------- */

/* A member's path: its object's prefix and its key, cut at 80 bytes (an unknown key may be
 * long); a prefix: a member's path, '.', an element number and '.'. Paths of known keys are far
 * shorter: the sizes only keep the compiler's truncation analysis content. */
#define PATH_SIZE 160
#define PREFIX_SIZE (PATH_SIZE + 32)

static alvh_status read_object(const alvh_policy_node *node, const cJSON *obj, char *at,
                               const char *prefix, char *err, size_t errsize);

/* The elements of a JSON array into the array field f at at; path names the array. */
static alvh_status read_array(const alvh_policy_field *f, const cJSON *arr, char *at,
                              const char *path, char *err, size_t errsize)
{
    int n = cJSON_GetArraySize(arr);
    if (n > f->count)
        return alvh_fail_text(err, errsize, ALVH_E_POLICY_VALUE,
                              "policy key \"%s\" holds at most %d %s, got %d", path, f->count,
                              f->key, n);
    int i = 0;
    for (const cJSON *e = arr->child; e; e = e->next, ++i) {
        char elem[PREFIX_SIZE], prefix[PREFIX_SIZE];
        snprintf(elem, sizeof elem, "%s.%d", path, i + 1);
        if (!cJSON_IsObject(e))
            return alvh_fail_text(err, errsize, ALVH_E_POLICY_TYPE,
                                  "policy key \"%s\" must be an object, got %s", elem,
                                  json_type_name(e));
        snprintf(prefix, sizeof prefix, "%s.%d.", path, i + 1);
        alvh_status st = read_object(f->node, e, at + (size_t)i * f->stride, prefix, err, errsize);
        if (st != ALVH_OK)
            return st;
    }
    return ALVH_OK;
}

/* One member: an object or array descends, anything else goes through set_value. */
static alvh_status read_member(const alvh_policy_field *f, const cJSON *v, char *at,
                               const char *path, char *err, size_t errsize)
{
    if (f->kind == ALVH_FIELD_OBJECT && cJSON_IsObject(v)) {
        char prefix[PREFIX_SIZE];
        snprintf(prefix, sizeof prefix, "%s.", path);
        return read_object(f->node, v, at, prefix, err, errsize);
    }
    if (f->kind == ALVH_FIELD_ARRAY && cJSON_IsArray(v))
        return read_array(f, v, at, path, err, errsize);
    alvh_policy_scalar s = {ALVH_POLICY_NUMBER, 0.0, NULL};
    const alvh_policy_scalar *given = &s;
    if (cJSON_IsNumber(v)) {
        s.number = v->valuedouble;
    } else if (cJSON_IsBool(v)) {
        s.kind = ALVH_POLICY_BOOL;
        s.number = cJSON_IsTrue(v) ? 1.0 : 0.0;
    } else if (cJSON_IsString(v)) {
        s.kind = ALVH_POLICY_TEXT;
        s.text = v->valuestring;
    } else {
        given = NULL; /* null, or an object or array where none belongs */
    }
    return set_value(f, at, path, given, json_type_name(v), err, errsize);
}

/* A key given twice is an error (cJSON keeps both; the later one would silently win). */
static alvh_status check_duplicates(const cJSON *obj, const char *prefix, char *err,
                                    size_t errsize)
{
    for (const cJSON *a = obj->child; a; a = a->next)
        for (const cJSON *b = a->next; b; b = b->next)
            if (a->string && b->string && strcmp(a->string, b->string) == 0)
                return alvh_fail_text(err, errsize, ALVH_E_POLICY_KEY,
                                      "policy key \"%s%.60s\" is given twice", prefix, a->string);
    return ALVH_OK;
}

/* The members of a JSON object into node's struct at at. prefix ends in '.' or is "". */
static alvh_status read_object(const alvh_policy_node *node, const cJSON *obj, char *at,
                               const char *prefix, char *err, size_t errsize)
{
    alvh_status st = check_duplicates(obj, prefix, err, errsize);
    if (st != ALVH_OK)
        return st;
    for (const cJSON *m = obj->child; m; m = m->next) {
        const char *key = m->string ? m->string : "";
        char path[PATH_SIZE];
        snprintf(path, sizeof path, "%s%.80s", prefix, key);
        const alvh_policy_field *f = NULL;
        for (size_t i = 0; i < node->nfields && !f; ++i)
            if (strcmp(node->fields[i].key, key) == 0) /* JSON keys are case-sensitive */
                f = &node->fields[i];
        if (!f)
            return alvh_fail_text(err, errsize, ALVH_E_POLICY_KEY, "unknown policy key \"%s\"",
                                  path);
        st = read_member(f, m, at + f->offset, path, err, errsize);
        if (st != ALVH_OK)
            return st;
    }
    return ALVH_OK;
}

alvh_status alvh_policy_tree_read(const cJSON *root, alvh_policy *p, char *err, size_t errsize)
{
    if (!cJSON_IsObject(root))
        return alvh_fail_text(err, errsize, ALVH_E_POLICY_TYPE,
                              "the policy must be a JSON object ({...}), got %s",
                              json_type_name(root));
    return read_object(&alvh_policy_root, root, (char *)p, "", err, errsize);
}

/* ---- writing JSON --------------------------------------------------------------------------- */

static cJSON *write_object(const alvh_policy_node *node, const char *at, int raw_numbers);

/* raw_numbers: numbers as raw JSON text in the shortest form that reads back exactly (cJSON's
 * own printer accepts "%1.15g" when it reads back within an epsilon, which loses the last bits
 * of a value such as 5.566666666666661: a printed policy would not reproduce itself). */
static cJSON *write_value(const alvh_policy_field *f, const char *at, int raw_numbers)
{
    switch (f->kind) {
    case ALVH_FIELD_NUMBER:
    case ALVH_FIELD_INTEGER: {
        double x;
        memcpy(&x, at, sizeof x);
        if (!raw_numbers)
            return cJSON_CreateNumber(x);
        char buf[32];
        alvh_format_number(buf, sizeof buf, x);
        return cJSON_CreateRaw(buf);
    }
    case ALVH_FIELD_BOOL: {
        int b;
        memcpy(&b, at, sizeof b);
        return cJSON_CreateBool(b);
    }
    case ALVH_FIELD_ENUM: {
        int e;
        memcpy(&e, at, sizeof e);
        return cJSON_CreateString(e >= 0 && e < enum_count(f->words) ? f->words[e] : "?");
    }
    case ALVH_FIELD_OBJECT: return write_object(f->node, at, raw_numbers);
    case ALVH_FIELD_ARRAY: {
        cJSON *arr = cJSON_CreateArray();
        for (int i = 0; arr && i < f->count; ++i) {
            cJSON *e = write_object(f->node, at + (size_t)i * f->stride, raw_numbers);
            if (!e || !cJSON_AddItemToArray(arr, e)) {
                cJSON_Delete(e);
                cJSON_Delete(arr);
                return NULL;
            }
        }
        return arr;
    }
    }
    return NULL;
}

static cJSON *write_object(const alvh_policy_node *node, const char *at, int raw_numbers)
{
    cJSON *obj = cJSON_CreateObject();
    for (size_t i = 0; obj && i < node->nfields; ++i) {
        const alvh_policy_field *f = &node->fields[i];
        cJSON *item = write_value(f, at + f->offset, raw_numbers);
        if (!item || !cJSON_AddItemToObject(obj, f->key, item)) {
            cJSON_Delete(item);
            cJSON_Delete(obj);
            return NULL;
        }
    }
    return obj;
}

cJSON *alvh_policy_tree_json(const alvh_policy_ref *ref, const alvh_policy *p, int raw_numbers)
{
    const char *at = (const char *)p + ref->offset;
    return ref->field ? write_value(ref->field, at, raw_numbers)
                      : write_object(ref->node, at, raw_numbers);
}

/* ---- key lookup ----------------------------------------------------------------------------- */

/* One step of a dotted path: part (len bytes) is an element number of the array ref names, or
 * a key (ASCII case-insensitive) of the object it names. 0: no such element or key. */
static int find_step(alvh_policy_ref *ref, const char *part, size_t len)
{
    char name[64];
    if (len == 0 || len >= sizeof name)
        return 0;
    memcpy(name, part, len);
    name[len] = '\0';
    size_t used = strlen(ref->path);
    const char *dot = used ? "." : "";
    const alvh_policy_field *f = ref->field;
    if (f && f->kind == ALVH_FIELD_ARRAY) {
        char *end = NULL;
        long idx = strtol(name, &end, 10);
        if (*end != '\0' || idx < 1 || idx > f->count)
            return 0;
        ref->field = NULL;
        ref->node = f->node;
        ref->offset += (size_t)(idx - 1) * f->stride;
        snprintf(ref->path + used, sizeof ref->path - used, "%s%ld", dot, idx);
        return 1;
    }
    const alvh_policy_node *node = !f ? ref->node : f->kind == ALVH_FIELD_OBJECT ? f->node : NULL;
    for (size_t i = 0; node && i < node->nfields; ++i)
        if (alvh_strieq(node->fields[i].key, name)) {
            ref->field = &node->fields[i];
            ref->offset += ref->field->offset;
            snprintf(ref->path + used, sizeof ref->path - used, "%s%s", dot, ref->field->key);
            return 1;
        }
    return 0;
}

alvh_status alvh_policy_tree_find(const char *key, alvh_policy_ref *ref, char *err,
                                  size_t errsize)
{
    memset(ref, 0, sizeof *ref);
    ref->node = &alvh_policy_root;
    if (!key)
        key = "";
    const char *s = key;
    while (*s) {
        const char *dot = strchr(s, '.');
        size_t len = dot ? (size_t)(dot - s) : strlen(s);
        if (!find_step(ref, s, len))
            return alvh_fail_text(
                err, errsize, ALVH_E_POLICY_KEY,
                "unknown policy key \"%.80s\" (keys are dotted paths such as "
                "\"coverage_target\", \"layers.2.contracts\", \"signals.rsi_level\")",
                key);
        s = dot ? dot + 1 : s + len;
        if (dot && *s == '\0')
            return alvh_fail_text(err, errsize, ALVH_E_POLICY_KEY, "unknown policy key \"%.80s\"",
                                  key);
    }
    return ALVH_OK;
}

/* ---- checking ------------------------------------------------------------------------------- */

/* A scalar's stored value against its field (a value set by hand in C may be anything). */
static alvh_status check_value(const alvh_policy_field *f, const char *at, const char *path,
                               char *err, size_t errsize)
{
    double x;
    int i;
    switch (f->kind) {
    case ALVH_FIELD_NUMBER:
    case ALVH_FIELD_INTEGER:
        memcpy(&x, at, sizeof x);
        return number_in_range(f, x, path, err, errsize);
    case ALVH_FIELD_BOOL:
        memcpy(&i, at, sizeof i);
        if (i == 0 || i == 1)
            return ALVH_OK;
        return alvh_fail_text(err, errsize, ALVH_E_POLICY_VALUE,
                              "policy key \"%s\" must be true or false (1 or 0), got %d", path, i);
    case ALVH_FIELD_ENUM:
        memcpy(&i, at, sizeof i);
        if (i >= 0 && i < enum_count(f->words))
            return ALVH_OK;
        char given[32];
        snprintf(given, sizeof given, "the value %d", i);
        return not_a_word(f, path, given, err, errsize);
    case ALVH_FIELD_OBJECT:
    case ALVH_FIELD_ARRAY: break;
    }
    return ALVH_OK;
}

/* node's struct at at: its scalars, its rule, then its objects and arrays (each array's rule
 * after its elements). prefix ends in '.' or is "". */
static alvh_status check_object(const alvh_policy_node *node, const char *at, const char *prefix,
                                char *err, size_t errsize)
{
    alvh_status st = ALVH_OK;
    char path[112];
    for (size_t i = 0; i < node->nfields && st == ALVH_OK; ++i) {
        snprintf(path, sizeof path, "%s%s", prefix, node->fields[i].key);
        st = check_value(&node->fields[i], at + node->fields[i].offset, path, err, errsize);
    }
    if (st == ALVH_OK && node->rule)
        st = node->rule(at, prefix, err, errsize);
    for (size_t i = 0; i < node->nfields && st == ALVH_OK; ++i) {
        const alvh_policy_field *f = &node->fields[i];
        char sub[112];
        if (f->kind == ALVH_FIELD_OBJECT) {
            snprintf(sub, sizeof sub, "%s%s.", prefix, f->key);
            st = check_object(f->node, at + f->offset, sub, err, errsize);
        } else if (f->kind == ALVH_FIELD_ARRAY) {
            for (int e = 0; e < f->count && st == ALVH_OK; ++e) {
                snprintf(sub, sizeof sub, "%s%s.%d.", prefix, f->key, e + 1);
                st = check_object(f->node, at + f->offset + (size_t)e * f->stride, sub, err,
                                  errsize);
            }
            snprintf(path, sizeof path, "%s%s", prefix, f->key);
            if (st == ALVH_OK && f->rule)
                st = f->rule(at + f->offset, path, err, errsize);
        }
    }
    return st;
}

alvh_status alvh_policy_tree_check(const alvh_policy *p, char *err, size_t errsize)
{
    return check_object(&alvh_policy_root, (const char *)p, "", err, errsize);
}
