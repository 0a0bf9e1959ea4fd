/* args_files.c: file paths in spreadsheet arguments (args.h). The only files a function reads
 * are policy files (alvh_policy_parse), and a relative path there means the calling document's
 * folder, not the office's working directory, which a user neither sees nor chooses: this file
 * makes such a path absolute before the adapter reads the argument, so every way a policy
 * reaches an engine (alvh_arg_policy, the adapters that parse policy text themselves, a
 * one-cell range) reads the same file. */
#include <stdlib.h>
#include <string.h>

#include "args.h"

/* The text of v when it is text or a one-cell range holding text, else NULL. */
static const char *text_of(const alvh_value *v)
{
    if (v->kind == ALVH_TEXT)
        return v->text;
    if (v->kind == ALVH_RANGE && v->rows * v->cols == 1 && v->cells &&
        v->cells[0].kind == ALVH_TEXT)
        return v->cells[0].text;
    return NULL;
}

alvh_status alvh_arg_locate_file(const char *argname, alvh_value *v, alvh_value *cell,
                                 char **store, alvh_result *out)
{
    *store = NULL;
    const alvh_call_context *ctx = out->context;
    const char *text = text_of(v);
    size_t start = 0, len = 0;
    if (!ctx || !text || !alvh_policy_relative_file(text, &start, &len))
        return ALVH_OK;
    const char *folder = ctx->folder ? ctx->folder(ctx->user) : NULL;
    if (!folder || folder[0] == '\0')
        return alvh_fail(out, ALVH_E_POLICY_FILE,
                         "%s: the policy file \"%.*s\" is a relative path, read from the "
                         "document's folder, and this document has none (it has not been saved, "
                         "or is not a local file): save it, or give the file's full path",
                         argname, (int)(len > 200 ? 200 : len), text + start);
    size_t flen = strlen(folder);
    while (flen > 1 && folder[flen - 1] == '/')
        --flen;
    char *path = malloc(flen + 1 + len + 1);
    if (!path)
        return alvh_fail(out, ALVH_E_NO_MEMORY, NULL);
    memcpy(path, folder, flen);
    path[flen] = '/';
    memcpy(path + flen + 1, text + start, len);
    path[flen + 1 + len] = '\0';
    *store = path;
    if (v->kind == ALVH_TEXT) {
        v->text = path;
    } else {
        *cell = v->cells[0];
        cell->text = path;
        v->cells = cell;
    }
    return ALVH_OK;
}
