/* test_policy_files.c: policy files are files on the reader's disk (issue 19). Only a regular
 * file named *.json of at most 1 MiB is read; a FIFO, a device or a directory is refused at
 * once (a FIFO opened for reading would wait for a writer forever: each case here would hang
 * the test, which CTest's timeout then fails); a file that is not a valid policy is never
 * quoted back; a relative path reads from the calling document's folder when a call has a
 * context (the add-in), from the working directory when it has none (the CLI). The expected
 * sentences are written out here. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alvh/alvh.h"
#include "check.h"

static char g_dir[] = "/tmp/alvh_test_policy_files_XXXXXX";

/* g_dir/name, in a static buffer (one at a time). */
static const char *in_dir(const char *name)
{
    static char path[256];
    snprintf(path, sizeof path, "%s/%s", g_dir, name);
    return path;
}

static void write_file(const char *name, const char *text)
{
    FILE *f = fopen(in_dir(name), "w");
    CHECK(f != NULL, "create %s", name);
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

/* What alvh_policy_parse says about path: its status, and its sentence in err. */
static alvh_status parse(const char *path, char *err, size_t size)
{
    alvh_policy p;
    return alvh_policy_parse(path, &p, err, size);
}

static void only_regular_json_files_are_read(void)
{
    char err[512], want[512];
    /* A FIFO named *.json: refused without waiting for a writer. */
    CHECK(mkfifo(in_dir("fifo.json"), 0600) == 0, "mkfifo");
    CHECK_STATUS(parse(in_dir("fifo.json"), err, sizeof err), ALVH_E_POLICY_FILE, "fifo");
    snprintf(want, sizeof want, "policy file \"%s\" is a FIFO (named pipe), not a file: a policy "
                                "is read only from a regular .json file", in_dir("fifo.json"));
    CHECK(strcmp(err, want) == 0, "fifo: %s", err);
    /* A FIFO whose name does not end in .json is never opened at all. */
    CHECK(mkfifo(in_dir("fifo"), 0600) == 0, "mkfifo");
    CHECK_STATUS(parse(in_dir("fifo"), err, sizeof err), ALVH_E_POLICY_FILE, "fifo, no .json");
    snprintf(want, sizeof want, "policy \"%s\" is neither JSON text (starting with '{') nor the "
                                "name of a .json file (a policy file's name ends in .json)",
             in_dir("fifo"));
    CHECK(strcmp(err, want) == 0, "fifo, no .json: %s", err);
    /* A device behind a .json name. */
    CHECK(symlink("/dev/zero", in_dir("zero.json")) == 0, "symlink");
    CHECK_STATUS(parse(in_dir("zero.json"), err, sizeof err), ALVH_E_POLICY_FILE, "device");
    CHECK(strstr(err, "is a character device, not a file") != NULL, "device: %s", err);
    /* A directory named *.json. */
    CHECK(mkdir(in_dir("dir.json"), 0700) == 0, "mkdir");
    CHECK_STATUS(parse(in_dir("dir.json"), err, sizeof err), ALVH_E_POLICY_FILE, "directory");
    CHECK(strstr(err, "is a directory, not a file") != NULL, "directory: %s", err);
    /* Other names: refused by name, whatever the file holds. */
    static const char *const names[] = {"policy.txt", "policy.json.bak", "json", ".json"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; ++i) {
        write_file(names[i], "{\"coverage_target\": 0.45}");
        CHECK_STATUS(parse(in_dir(names[i]), err, sizeof err), ALVH_E_POLICY_FILE, names[i]);
        CHECK(strstr(err, "nor the name of a .json file") != NULL, "%s: %s", names[i], err);
    }
    /* Any case of .json, and a symlink to a regular file, are read. */
    write_file("Upper.JSON", "{\"coverage_target\": 0.45}");
    CHECK_STATUS(parse(in_dir("Upper.JSON"), err, sizeof err), ALVH_OK, err);
    char target[256];
    snprintf(target, sizeof target, "%s", in_dir("Upper.JSON"));
    CHECK(symlink(target, in_dir("link.json")) == 0, "symlink");
    CHECK_STATUS(parse(in_dir("link.json"), err, sizeof err), ALVH_OK, err);
    /* The size cap: 1 MiB of JSON is read, one byte more is not. */
    static char big[(1u << 20) + 2];
    memset(big, ' ', sizeof big - 1);
    big[0] = '{';
    big[(1u << 20) - 1] = '}';
    big[1u << 20] = '\0';
    write_file("big.json", big);
    CHECK_STATUS(parse(in_dir("big.json"), err, sizeof err), ALVH_OK, err);
    big[1u << 20] = ' ';
    big[(1u << 20) + 1] = '\0';
    write_file("big.json", big);
    CHECK_STATUS(parse(in_dir("big.json"), err, sizeof err), ALVH_E_POLICY_FILE, "over 1 MiB");
    snprintf(want, sizeof want, "policy file \"%s\" is larger than 1 MiB", in_dir("big.json"));
    CHECK(strcmp(err, want) == 0, "over 1 MiB: %s", err);
}

/* A JSON file that is not a valid policy: the sentence names the file, never what it holds
 * beyond policy keys and numbers. SECRET marks what must not appear. */
static void a_file_that_is_not_a_policy_is_not_quoted(void)
{
    static const struct {
        const char *json;
        alvh_status status;
        const char *tail; /* the sentence after 'policy file "<path>" ' */
    } k_cases[] = {
        {"{\"SECRET\": 1}", ALVH_E_POLICY_KEY,
         "is not an ALVH policy: it holds a key that is not a policy key, or a key twice (the "
         "keys are listed by `alvh policy`; give the file's text as the policy argument to see "
         "which key)"},
        {"{\"SECRET\": 1, \"SECRET\": 2}", ALVH_E_POLICY_KEY,
         "is not an ALVH policy: it holds a key that is not a policy key, or a key twice (the "
         "keys are listed by `alvh policy`; give the file's text as the policy argument to see "
         "which key)"},
        {"{\"layers\": [{\"SECRET\": 1}]}", ALVH_E_POLICY_KEY,
         "is not an ALVH policy: it holds a key that is not a policy key, or a key twice (the "
         "keys are listed by `alvh policy`; give the file's text as the policy argument to see "
         "which key)"},
        {"{\"rounding\": \"SECRET\"}", ALVH_E_POLICY_VALUE,
         ": policy key \"rounding\" must be one of \"nearest\", \"down\", \"up\" (the file's "
         "value is not shown)"},
        /* Known keys, JSON types and numbers of policy keys are not the file's secrets. */
        {"{\"coverage_target\": \"SECRET\"}", ALVH_E_POLICY_TYPE,
         ": policy key \"coverage_target\" must be a number, got text"},
        {"{\"coverage_high\": 70}", ALVH_E_POLICY_VALUE,
         ": policy key \"coverage_high\" must be above 0 and at most 10, got 70"},
        {"[\"SECRET\"]", ALVH_E_POLICY_TYPE,
         ": the policy must be a JSON object ({...}), got an array"},
        {"SECRET", ALVH_E_POLICY_JSON,
         ": the policy is not valid JSON at byte offset 0 (line 1, column 1)"},
    };
    for (size_t i = 0; i < sizeof k_cases / sizeof k_cases[0]; ++i) {
        char err[512], want[512];
        write_file("bad.json", k_cases[i].json);
        CHECK_STATUS(parse(in_dir("bad.json"), err, sizeof err), k_cases[i].status,
                     k_cases[i].json);
        snprintf(want, sizeof want, "policy file \"%s\"%s%s", in_dir("bad.json"),
                 k_cases[i].tail[0] == ':' ? "" : " ", k_cases[i].tail);
        CHECK(strcmp(err, want) == 0, "%s:\n  got  %s\n  want %s", k_cases[i].json, err, want);
        CHECK(strstr(err, "SECRET") == NULL, "%s quotes the file: %s", k_cases[i].json, err);
    }
}

static void relative_paths_are_told_apart(void)
{
    static const struct {
        const char *text;
        int relative;
        size_t start, len;
    } k_cases[] = {
        {"p.json", 1, 0, 6},
        {"  sub/p.JSON \n", 1, 2, 10},
        {"../p.json", 1, 0, 9},
        {"/abs/p.json", 0, 0, 0},
        {"{\"a\": \"x.json\"}", 0, 0, 0},
        {"[1]", 0, 0, 0},
        {"\"p.json\"", 0, 0, 0},
        {"p.txt", 0, 0, 0},
        {"C", 0, 0, 0},
        {"", 0, 0, 0},
        {"   ", 0, 0, 0},
        {"dir/.json", 0, 0, 0},
    };
    for (size_t i = 0; i < sizeof k_cases / sizeof k_cases[0]; ++i) {
        size_t start = 99, len = 99;
        int r = alvh_policy_relative_file(k_cases[i].text, &start, &len);
        CHECK(r == k_cases[i].relative, "\"%s\": relative %d", k_cases[i].text, r);
        if (r && k_cases[i].relative)
            CHECK(start == k_cases[i].start && len == k_cases[i].len, "\"%s\": %zu+%zu",
                  k_cases[i].text, start, len);
    }
    CHECK(alvh_policy_relative_file(NULL, NULL, NULL) == 0, "NULL");
}

/* The folder a test context gives: the user pointer itself (a path, or NULL). */
static const char *folder_of(void *user)
{
    return user;
}

/* name(policy text) through the table with context ctx (NULL: none); the result's text or
 * number as a string in buf, or "#ERR <sentence>". */
static alvh_status call_with(const alvh_call_context *ctx, const char *name,
                             const alvh_value *args, size_t n, char *buf, size_t size)
{
    alvh_result r;
    alvh_result_init(&r);
    r.context = ctx;
    alvh_status st = alvh_call_by_name(name, args, n, &r);
    if (st != ALVH_OK)
        snprintf(buf, size, "#ERR %s", r.message);
    else if (r.cells[0].kind == ALVH_TEXT)
        snprintf(buf, size, "%s", r.cells[0].text);
    else
        snprintf(buf, size, "%.17g", r.cells[0].number);
    alvh_result_free(&r);
    return st;
}

static void a_relative_path_reads_from_the_documents_folder(void)
{
    CHECK(mkdir(in_dir("doc"), 0700) == 0, "mkdir doc");
    write_file("doc/p.json", "{\"coverage_target\": 0.45, \"beta_weight\": 0.5}");
    write_file("p.json", "{\"coverage_target\": 0.55}"); /* the working directory's */
    char folder[256];
    snprintf(folder, sizeof folder, "%s", in_dir("doc"));
    const alvh_call_context in_doc = {folder_of, folder};
    const alvh_call_context unsaved = {folder_of, NULL};
    const alvh_call_context no_function = {NULL, NULL};
    alvh_value args[3] = {{.kind = ALVH_TEXT, .text = "coverage_target"},
                          {.kind = ALVH_TEXT, .text = " p.json\n"}};
    char buf[768];
    CHECK_STATUS(call_with(&in_doc, "ALVH_POLICY", args, 2, buf, sizeof buf), ALVH_OK, buf);
    CHECK(strcmp(buf, "0.45000000000000001") == 0, "document folder: %s", buf);
    /* No context (the CLI): the working directory. */
    char cwd[512];
    CHECK(getcwd(cwd, sizeof cwd) != NULL && chdir(g_dir) == 0, "chdir");
    CHECK_STATUS(call_with(NULL, "ALVH_POLICY", args, 2, buf, sizeof buf), ALVH_OK, buf);
    CHECK(strcmp(buf, "0.55000000000000004") == 0, "working directory: %s", buf);
    /* A document never saved has no folder: refused, whatever the working directory holds. */
    static const char k_unsaved[] =
        "#ERR policy: the policy file \"p.json\" is a relative path, read from the document's "
        "folder, and this document has none (it has not been saved, or is not a local file): "
        "save it, or give the file's full path";
    CHECK_STATUS(call_with(&unsaved, "ALVH_POLICY", args, 2, buf, sizeof buf),
                 ALVH_E_POLICY_FILE, "unsaved");
    CHECK(strcmp(buf, k_unsaved) == 0, "unsaved: %s", buf);
    CHECK_STATUS(call_with(&no_function, "ALVH_POLICY", args, 2, buf, sizeof buf),
                 ALVH_E_POLICY_FILE, "no folder function");
    CHECK(chdir(cwd) == 0, "chdir back");
    /* An absolute path is read as it is. */
    char abs_path[256];
    snprintf(abs_path, sizeof abs_path, "%s", in_dir("p.json"));
    alvh_value abs_args[2] = {args[0], {.kind = ALVH_TEXT, .text = abs_path}};
    CHECK_STATUS(call_with(&unsaved, "ALVH_POLICY", abs_args, 2, buf, sizeof buf), ALVH_OK, buf);
    CHECK(strcmp(buf, "0.55000000000000004") == 0, "absolute: %s", buf);
    /* A missing relative file names the path it looked for. */
    alvh_value gone[2] = {args[0], {.kind = ALVH_TEXT, .text = "gone.json"}};
    CHECK_STATUS(call_with(&in_doc, "ALVH_POLICY", gone, 2, buf, sizeof buf), ALVH_E_POLICY_FILE,
                 "gone");
    char want[768];
    snprintf(want, sizeof want, "#ERR policy \"%s/gone.json\" is neither JSON text (starting "
                                "with '{') nor a file that can be read: the file does not exist",
             folder);
    CHECK(strcmp(buf, want) == 0, "gone: %s", buf);
    /* A policy in a one-cell range (VIX_BETA's params) and through ALVH_ERROR: the same file. */
    alvh_value cell = {.kind = ALVH_TEXT, .text = "p.json"};
    alvh_value beta[2] = {{.kind = ALVH_NUMBER, .number = 0.0},
                          {.kind = ALVH_RANGE, .rows = 1, .cols = 1, .cells = &cell}};
    CHECK_STATUS(call_with(&in_doc, "VIX_BETA", beta, 2, buf, sizeof buf), ALVH_OK, buf);
    CHECK(strcmp(buf, "1") == 0, "VIX_BETA at 0 years is 1 whatever the weight: %s", buf);
    CHECK_STATUS(call_with(&unsaved, "VIX_BETA", beta, 2, buf, sizeof buf), ALVH_E_POLICY_FILE,
                 "VIX_BETA unsaved");
    CHECK(strstr(buf, "#ERR params: the policy file \"p.json\" is a relative path") == buf,
          "VIX_BETA unsaved: %s", buf);
    alvh_value nested[3] = {{.kind = ALVH_TEXT, .text = "ALVH_POLICY"}, args[0], args[1]};
    CHECK_STATUS(call_with(&in_doc, "ALVH_ERROR", nested, 3, buf, sizeof buf), ALVH_OK, buf);
    CHECK(strcmp(buf, "OK") == 0, "ALVH_ERROR reads the same file: %s", buf);
    CHECK_STATUS(call_with(&unsaved, "ALVH_ERROR", nested, 3, buf, sizeof buf), ALVH_OK, buf);
    CHECK(strcmp(buf, k_unsaved + 5) != 0 && strncmp(buf, "POLICY_FILE: ", 13) == 0 &&
              strcmp(buf + 13, k_unsaved + 5) == 0,
          "ALVH_ERROR explains the unsaved document: %s", buf);
}

int main(void)
{
    if (!mkdtemp(g_dir)) {
        perror("mkdtemp");
        return 1;
    }
    only_regular_json_files_are_read();
    a_file_that_is_not_a_policy_is_not_quoted();
    relative_paths_are_told_apart();
    a_relative_path_reads_from_the_documents_folder();
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", g_dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", g_dir);
    return check_summary("test_policy_files");
}
