/* policy_tree.h (internal): the policy as one descriptor tree, and the walkers over it.
 *
 * Every key of alvh_policy is one alvh_policy_field: a scalar (number, whole number, boolean,
 * enum word) with its range, an object (its members: an alvh_policy_node) or an array of N
 * objects (e.g. the 3 layers). The same tree drives
 *   - reading JSON (alvh_policy_tree_read: unknown, repeated and mistyped keys are errors),
 *   - writing JSON (alvh_policy_tree_json: keys in descriptor order),
 *   - key lookup by dotted path (alvh_policy_tree_find: ALVH_POLICY, alvh_policy_set),
 *   - setting one key from a scalar (alvh_policy_tree_set: the only writer of a field),
 *   - validation (alvh_policy_tree_check: every value against its range, then the rules between
 *     keys that objects and arrays carry).
 * The descriptors of alvh_policy are in policy_fields.c; the walkers (policy_tree.c) know no key.
 * Not installed. */
#ifndef ALVH_POLICY_TREE_H
#define ALVH_POLICY_TREE_H

#include <stddef.h>

#include "alvh/policy.h"

struct cJSON;

typedef enum alvh_policy_field_kind {
    ALVH_FIELD_NUMBER,  /* double in [lo, hi] (open ends per lo_open / hi_open) */
    ALVH_FIELD_INTEGER, /* double, a whole number in [lo, hi] */
    ALVH_FIELD_BOOL,    /* int 0 / 1, JSON true / false */
    ALVH_FIELD_ENUM,    /* int-sized enum, JSON text: words[value] */
    ALVH_FIELD_OBJECT,  /* a sub-struct: members in node */
    ALVH_FIELD_ARRAY    /* count sub-structs, stride bytes apart: members of each in node */
} alvh_policy_field_kind;

/* A rule between keys, checked once every key has a value. at is the object (or, for an
 * array's rule, the first element); path names it as the error sentences do: an object's rule
 * gets its prefix ("", "signals.", "layers.2."), an array's rule its key ("layers").
 * @return : ALVH_OK or ALVH_E_POLICY_VALUE with a sentence in err. */
typedef alvh_status (*alvh_policy_rule)(const void *at, const char *path, char *err,
                                        size_t errsize);

typedef struct alvh_policy_node alvh_policy_node;

typedef struct alvh_policy_field {
    const char *key;              /* JSON key: the C member's name */
    alvh_policy_field_kind kind;
    size_t offset;                /* of the member within its object's struct */
    double lo, hi;                /* NUMBER / INTEGER: allowed range */
    int lo_open, hi_open;         /* 1: the bound itself is excluded */
    const char *const *words;     /* ENUM: names of 0, 1, 2, ... ended by NULL */
    const alvh_policy_node *node; /* OBJECT / ARRAY: the members of one object */
    int count;                    /* ARRAY: number of elements */
    size_t stride;                /* ARRAY: bytes from one element to the next */
    alvh_policy_rule rule;        /* ARRAY: a rule over its elements (optional) */
} alvh_policy_field;

struct alvh_policy_node {
    const alvh_policy_field *fields; /* in JSON order */
    size_t nfields;
    alvh_policy_rule rule; /* a rule between this object's own keys (optional) */
};

/* The whole policy (policy_fields.c). */
extern const alvh_policy_node alvh_policy_root;

/* One place in the tree, as a dotted path names it. */
typedef struct alvh_policy_ref {
    const alvh_policy_field *field; /* the key named; NULL: an object that is no key of its own
                                       (the whole policy, or one element of an array) */
    const alvh_policy_node *node;   /* field == NULL: that object's members */
    size_t offset;                  /* of the value within alvh_policy */
    char path[96];                  /* the canonical dotted path ("layers.2.contracts") */
} alvh_policy_ref;

/*! alvh_policy_tree_find() : resolves key, a dotted path with array elements numbered from 1
 *  and keys compared ASCII case-insensitively; "" is the whole policy.
 *  @return : ALVH_OK, or ALVH_E_POLICY_KEY with a sentence naming key. */
alvh_status alvh_policy_tree_find(const char *key, alvh_policy_ref *ref, char *err,
                                  size_t errsize);

/*! alvh_policy_tree_set() : gives the value at ref the scalar v (NULL: a value that is no scalar,
 *  e.g. JSON null, an array or an object), after the field's type and range checks. got names
 *  the given value's type in the sentences ("a number", "text", "true/false", "null", ...).
 *  Nothing is written on failure.
 *  @return : ALVH_OK, ALVH_E_POLICY_TYPE or ALVH_E_POLICY_VALUE with a sentence naming
 *            ref->path. */
alvh_status alvh_policy_tree_set(const alvh_policy_ref *ref, alvh_policy *p,
                                 const alvh_policy_scalar *v, const char *got, char *err,
                                 size_t errsize);

/*! alvh_policy_tree_read() : applies a parsed JSON document (cJSON) to p, key by key through
 *  alvh_policy_tree_set's checks. Rules between keys are not checked here.
 *  @return : ALVH_OK, ALVH_E_POLICY_KEY, _TYPE or _VALUE; p may be half-applied on failure. */
alvh_status alvh_policy_tree_read(const struct cJSON *root, alvh_policy *p, char *err,
                                  size_t errsize);

/*! alvh_policy_tree_json() : the value at ref as a cJSON tree (keys in descriptor order).
 *  raw_numbers: numbers as raw JSON text in the shortest form that reads back exactly.
 *  @return : a tree to free with cJSON_Delete, or NULL when out of memory. */
struct cJSON *alvh_policy_tree_json(const alvh_policy_ref *ref, const alvh_policy *p,
                                    int raw_numbers);

/*! alvh_policy_tree_check() : every value of p against its field's type and range, then the
 *  rules between keys: an object's own keys and its rule first, then its objects and arrays in
 *  key order, an array's rule after its elements.
 *  @return : ALVH_OK or ALVH_E_POLICY_VALUE with a sentence naming the key. */
alvh_status alvh_policy_tree_check(const alvh_policy *p, char *err, size_t errsize);

#endif
