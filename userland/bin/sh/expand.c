/*
 * expand.c - word expansion: what turns the raw word `"$HOME"/*.c` into the arguments a command
 * sees. POSIX's steps, in order:
 *
 *   1. tilde expansion          ~/x -> $HOME/x
 *   2. parameter expansion      $x ${x:-default} ${#x} $1 $@ ...
 *      command substitution     $(cmd) `cmd`
 *      arithmetic expansion     $((1 + 2))
 *   3. field splitting          unquoted results of step 2 are split at $IFS characters
 *   4. pathname expansion       unquoted * ? [ match file names
 *   5. quote removal
 *
 * Step 2 writes its result into an xbuf: the characters, and beside each one a set of flags that
 * remember what steps 3-5 need to know - was this character quoted (then it is literal: never
 * split, never a wildcard)? did it come from an unquoted expansion (then an IFS character splits)?
 * Two zero-width markers complete the picture: X_EMPTYQ says "a quoted empty string was here", so
 * "" is an (empty) argument while an empty unquoted $x is none; X_BREAK separates the fields of
 * "$@", one per positional parameter.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "sh.h"

#define X_QUOTED 1      /* quoted: literal */
#define X_SPLIT 2       /* from an unquoted expansion: subject to field splitting */
#define X_EMPTYQ 4      /* zero-width: a quoted (possibly empty) string was here */
#define X_BREAK 8       /* zero-width: a field ends here ("$@") */

struct xbuf {
    struct strbuf chars;
    struct strbuf flags;
    int saw_at;         /* "$@" was expanded (so "$@" with no parameters is no field at all) */
    int literal;        /* the flags of unquoted literal text: X_SPLIT in the word of an
                           unquoted ${x-word}, whose result is split like any expansion's */
    int brace_word;     /* in the word of ${x-word}: "..." quotes even inside "..." */
};

static void xb_init(struct xbuf *x)
{
    sb_init(&x->chars);
    sb_init(&x->flags);
    x->saw_at = 0;
    x->literal = 0;
    x->brace_word = 0;
}

static void xb_free(struct xbuf *x)
{
    sb_free(&x->chars);
    sb_free(&x->flags);
}

static void emit(struct xbuf *x, int c, int flags)
{
    sb_addc(&x->chars, c);
    sb_addc(&x->flags, flags);
}

/* A whole value at once (a variable may hold a big here-document's worth) */
static void emit_value(struct xbuf *x, const char *v, int inq)
{
    size_t n = strlen(v);

    sb_addn(&x->chars, v, n);
    sb_addrep(&x->flags, inq ? X_QUOTED : X_SPLIT, n);
}

static void expand_raw(struct xbuf *x, const char *s, size_t n, int inq);

/* ---- finding the end of a construct in a raw word (the lexer made sure it is there) ---- */

static size_t skip_dollar(const char *s, size_t i, size_t n);

static size_t skip_squote(const char *s, size_t i, size_t n)
{
    for (i++; i < n && s[i] != '\''; i++)
        ;
    return i + 1;
}

static size_t skip_bquote(const char *s, size_t i, size_t n)
{
    for (i++; i < n && s[i] != '`'; i++)
        if (s[i] == '\\')
            i++;
    return i + 1;
}

static size_t skip_dquote(const char *s, size_t i, size_t n)
{
    for (i++; i < n && s[i] != '"';) {
        if (s[i] == '\\')
            i += 2;
        else if (s[i] == '$')
            i = skip_dollar(s, i, n);
        else if (s[i] == '`')
            i = skip_bquote(s, i, n);
        else
            i++;
    }
    return i + 1;
}

/* i is at "${": returns the index after the matching } */
static size_t skip_brace(const char *s, size_t i, size_t n)
{
    for (i += 2; i < n && s[i] != '}';) {
        if (s[i] == '\\')
            i += 2;
        else if (s[i] == '\'')
            i = skip_squote(s, i, n);
        else if (s[i] == '"')
            i = skip_dquote(s, i, n);
        else if (s[i] == '$')
            i = skip_dollar(s, i, n);
        else if (s[i] == '`')
            i = skip_bquote(s, i, n);
        else
            i++;
    }
    return i + 1;
}

/* i is at "$((": returns the index after the closing "))" */
static size_t skip_arith(const char *s, size_t i, size_t n)
{
    int depth = 0;

    for (i += 3; i < n; i++) {
        if (s[i] == '$' && i + 1 < n && (s[i + 1] == '(' || s[i + 1] == '{')) {
            i = skip_dollar(s, i, n) - 1;
        } else if (s[i] == '(') {
            depth++;
        } else if (s[i] == ')') {
            if (depth == 0)
                return i + 2;
            depth--;
        }
    }
    return n;
}

/* i is at "$(": the end is found by parsing, as the lexer did */
static size_t skip_subst(const char *s, size_t i, size_t n)
{
    struct input in;
    char *rest = xstrndup(s + i + 2, n - i - 2);
    size_t end;

    input_from_string(&in, rest);
    end = parse_subst_end(&in);
    input_free(&in);
    free(rest);
    return i + 2 + end;
}

static size_t skip_dollar(const char *s, size_t i, size_t n)
{
    if (i + 1 >= n)
        return i + 1;
    if (s[i + 1] == '{')
        return skip_brace(s, i, n);
    if (s[i + 1] == '(') {
        if (i + 2 < n && s[i + 2] == '(')
            return skip_arith(s, i, n);
        return skip_subst(s, i, n);
    }
    return i + 1;
}

/* ---- parameters ---- */

static int is_special_param(int c)
{
    return c == '@' || c == '*' || c == '#' || c == '?' || c == '$' || c == '!' || c == '-'
        || c == '0';
}

static char *number_string(long v)
{
    char buf[32];

    snprintf(buf, sizeof buf, "%ld", v);
    return xstrdup(buf);
}

/* The parameters joined by sep (a string; "" for none): "$*", or $@ where no splitting happens. */
static char *join_params(const char *sep)
{
    struct strbuf sb;
    int i;

    sb_init(&sb);
    for (i = 1; i <= params_count(); i++) {
        if (i > 1)
            sb_adds(&sb, sep);
        sb_adds(&sb, params_get(i));
    }
    return sb_take(&sb);
}

static char *ifs_first(void)
{
    const char *ifs = var_get("IFS");
    char sep[2] = { ' ', '\0' };

    if (ifs != NULL)
        sep[0] = ifs[0];
    return xstrdup(sep);
}

/* The value of a parameter (a name, digits or a special character), newly allocated; NULL if
 * it is unset. */
static char *param_value(const char *name)
{
    const char *v;
    long k;

    if (name[0] >= '0' && name[0] <= '9' && name[1] != '\0') {      /* ${10} */
        k = atol(name);
        v = params_get((int)k);
        return v ? xstrdup(v) : NULL;
    }
    if (name[1] == '\0' && (is_special_param(name[0]) || (name[0] >= '1' && name[0] <= '9'))) {
        switch (name[0]) {
        case '#': return number_string(params_count());
        case '?': return number_string(sh.status);
        case '$': return number_string(sh.pid);
        case '!': return sh.last_bg ? number_string(sh.last_bg) : NULL;
        case '-': return option_string();
        case '0': return xstrdup(sh.arg0);
        case '@':
        case '*': {
            char *sep = ifs_first(), *all;

            if (params_count() == 0) {
                free(sep);
                return NULL;
            }
            all = join_params(name[0] == '*' ? sep : " ");
            free(sep);
            return all;
        }
        default:
            v = params_get(name[0] - '0');
            return v ? xstrdup(v) : NULL;
        }
    }
    v = var_get(name);
    if (v == NULL && strcmp(name, "LINENO") == 0)     /* unless the script set it itself */
        return number_string(sh.line);
    return v ? xstrdup(v) : NULL;
}

static void check_set(const char *name, const char *value)
{
    if (value == NULL && sh.opt_u && strcmp(name, "@") != 0 && strcmp(name, "*") != 0)
        sh_error("%s: parameter not set", name);
}

/* $@ and $* (plain or in ${}), which may make several fields. */
static void emit_all_params(struct xbuf *x, int star, int inq)
{
    int i;

    if (inq && star) {
        char *sep = ifs_first(), *all = join_params(sep);

        emit_value(x, all, 1);
        free(sep);
        free(all);
        return;
    }
    if (inq)
        x->saw_at = 1;
    for (i = 1; i <= params_count(); i++) {
        if (i > 1)
            emit(x, 0, X_BREAK);
        if (inq)
            emit(x, 0, X_EMPTYQ);
        emit_value(x, params_get(i), inq);
    }
}

/* ---- ${...} ---- */

static char *xb_string(struct xbuf *x);
static char *xb_pattern(struct xbuf *x);
static void expand_word_raw(struct xbuf *x, const char *s, size_t n, int inq);

/* Expand part of a word into one string (no splitting, no globbing), made by `finish`:
 * xb_string for a value, xb_pattern for a pattern (quoted characters stay literal). */
static char *expand_part(const char *s, size_t n, int inq, char *(*finish)(struct xbuf *))
{
    struct xbuf x;
    char *r;

    xb_init(&x);
    x.brace_word = 1;
    expand_word_raw(&x, s, n, inq);
    r = finish(&x);
    xb_free(&x);
    return r;
}

/* ${x#pat} ${x##pat} ${x%pat} ${x%%pat}: the value with the shortest/longest match removed */
static char *remove_pattern(const char *value, const char *pat, int suffix, int longest)
{
    size_t len = strlen(value), k;
    char *tmp = xstrdup(value);

    for (k = 0; k <= len; k++) {
        size_t cut = longest ? len - k : k;     /* how much of the value the pattern covers */
        int ok;

        if (suffix) {
            ok = pattern_match(pat, value + (len - cut));
        } else {
            char saved = tmp[cut];

            tmp[cut] = '\0';
            ok = pattern_match(pat, tmp);
            tmp[cut] = saved;
        }
        if (ok) {
            free(tmp);
            return suffix ? xstrndup(value, len - cut) : xstrdup(value + cut);
        }
    }
    free(tmp);
    return xstrdup(value);
}

/* The word of ${x-word} or ${x+word}, in place of the value: unquoted, it is split. */
static void expand_alternative(struct xbuf *x, const char *word, size_t wlen, int inq)
{
    int literal = x->literal, brace_word = x->brace_word;

    x->literal = X_SPLIT;
    x->brace_word = 1;
    expand_word_raw(x, word, wlen, inq);
    x->literal = literal;
    x->brace_word = brace_word;
}

/* The inside of ${...}: name [op word] or #name */
static void expand_brace(struct xbuf *x, const char *s, size_t n, int inq)
{
    size_t i = 0, namelen;
    char *name, *value;
    int length = 0, colon = 0, op = 0;

    if (n > 1 && s[0] == '#') {         /* ${#x}, but ${#} is $# */
        length = 1;
        i = 1;
    }
    if (i < n && (s[i] == '_' || (s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z'))) {
        while (i < n && (s[i] == '_' || (s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')
                         || (s[i] >= '0' && s[i] <= '9')))
            i++;
    } else if (i < n && s[i] >= '0' && s[i] <= '9') {
        while (i < n && s[i] >= '0' && s[i] <= '9')
            i++;
    } else if (i < n && is_special_param(s[i])) {
        i++;
    } else {
        sh_error("Bad substitution");
    }
    namelen = i - length;
    name = xstrndup(s + length, namelen);
    if (length && i != n)
        sh_error("Bad substitution");
    if (i < n && s[i] == ':') {
        colon = 1;
        i++;
    }
    if (i < n) {
        op = s[i++];
        if ((op == '#' || op == '%') && i < n && s[i] == op) {
            op = op == '#' ? 'H' : 'P';     /* ## and %%: the longest match */
            i++;
        }
        if (!strchr("-=+?#%HP", op) || (colon && strchr("#%HP", op)))
            sh_error("Bad substitution");
    }
    if (!op && !length && (strcmp(name, "@") == 0 || strcmp(name, "*") == 0)) {
        emit_all_params(x, name[0] == '*', inq);
        free(name);
        return;
    }
    value = param_value(name);
    if (length) {
        char *len;

        check_set(name, value);
        len = number_string(value ? (long)strlen(value) : 0);
        emit_value(x, len, inq);
        free(len);
    } else {
        int unset = value == NULL || (colon && value[0] == '\0');
        const char *word = s + i;
        size_t wlen = n - i;

        if (op == 0) {
            check_set(name, value);
            if (value)
                emit_value(x, value, inq);
        } else if (op == '-') {
            if (unset)
                expand_alternative(x, word, wlen, inq);
            else
                emit_value(x, value, inq);
        } else if (op == '+') {
            if (!unset)
                expand_alternative(x, word, wlen, inq);
        } else if (op == '=') {
            if (unset) {
                if (!is_name(name))
                    sh_error("%s: cannot assign in this way", name);
                free(value);
                value = expand_part(word, wlen, inq, xb_string);
                var_set(name, value, 0);
            }
            emit_value(x, value, inq);
        } else if (op == '?') {
            if (unset) {
                char *msg = expand_part(word, wlen, inq, xb_string);

                sh_error("%s: %s", name, wlen ? msg : colon ? "parameter not set or null"
                                                          : "parameter not set");
            }
            emit_value(x, value, inq);
        } else {                        /* # ## % %% */
            char *pat = expand_part(word, wlen, 0, xb_pattern), *rest;

            check_set(name, value);
            rest = remove_pattern(value ? value : "", pat, op == '%' || op == 'P', op == 'H' || op == 'P');
            emit_value(x, rest, inq);
            free(pat);
            free(rest);
        }
    }
    free(value);
    free(name);
}

/* ---- $( ), ` `, $(( )) ---- */

/* Run text in a child with its output into a pipe; return the output without trailing newlines.
 * The status is kept for $? of a command that is only assignments: x=$(false) sets $? to 1. */
char *command_subst(const char *text)
{
    int p[2], wstatus;
    pid_t pid;
    struct strbuf out;
    char buf[512];
    ssize_t k;

    sb_init(&out);
    if (pipe(p) < 0) {
        sh_warn("cannot create pipe: %s", strerror(errno));
        sh.subst_status = 2;
        return sb_take(&out);
    }
    job_slot_for_subst();
    pid = fork();
    if (pid < 0) {
        sh_warn("cannot fork: %s", strerror(errno));
        close(p[0]);
        close(p[1]);
        sh.subst_status = 2;
        return sb_take(&out);
    }
    if (pid == 0) {                     /* the child: run the command, output into the pipe */
        become_child();
        close(p[0]);
        if (p[1] != 1) {
            dup2(p[1], 1);
            close(p[1]);
        }
        sh_exit(run_string(text, RUN_EXIT | RUN_INLINE));
    }
    close(p[1]);
    while ((k = read(p[0], buf, sizeof buf)) != 0) {
        ssize_t i;

        if (k < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        for (i = 0; i < k; i++)
            if (buf[i] != '\0')            /* dropped, as dash drops them: a value cannot hold one */
                sb_addc(&out, buf[i]);
    }
    close(p[0]);
    while (waitpid(pid, &wstatus, 0) < 0)
        if (errno != EINTR) {
            wstatus = 0;
            break;
        }
    report_signal(wstatus);
    sh.subst_status = exit_status_of(wstatus);
    while (out.len > 0 && out.s[out.len - 1] == '\n')
        out.s[--out.len] = '\0';
    return sb_take(&out);
}

/* `cmd`: inside backquotes, a backslash quotes only $ ` \ (and " within double quotes). */
static char *unescape_backquoted(const char *s, size_t n, int inq)
{
    struct strbuf sb;
    size_t i;

    sb_init(&sb);
    for (i = 0; i < n; i++) {
        if (s[i] == '\\' && i + 1 < n
            && (s[i + 1] == '$' || s[i + 1] == '`' || s[i + 1] == '\\' || (inq && s[i + 1] == '"')))
            i++;
        sb_addc(&sb, s[i]);
    }
    return sb_take(&sb);
}

static void emit_subst(struct xbuf *x, const char *text, int inq)
{
    char *out = command_subst(text);

    emit_value(x, out, inq);
    free(out);
}

static void emit_arith(struct xbuf *x, const char *s, size_t n, int inq)
{
    char *expr = expand_part(s, n, 1, xb_string), *num;

    num = number_string(arith_eval(expr));
    emit_value(x, num, inq);
    free(num);
    free(expr);
}

/* i is at '$': expand what follows and return the index after it. */
static size_t expand_dollar(struct xbuf *x, const char *s, size_t i, size_t n, int inq)
{
    size_t j;
    char *name, *value;

    if (i + 1 >= n) {
        emit(x, '$', inq ? X_QUOTED : x->literal);
        return i + 1;
    }
    if (s[i + 1] == '{') {
        j = skip_brace(s, i, n);
        expand_brace(x, s + i + 2, j - i - 3, inq);
        return j;
    }
    if (s[i + 1] == '(') {
        if (i + 2 < n && s[i + 2] == '(') {
            j = skip_arith(s, i, n);
            emit_arith(x, s + i + 3, j - i - 5, inq);
        } else {
            char *text;

            j = skip_subst(s, i, n);
            text = xstrndup(s + i + 2, j - i - 3);
            emit_subst(x, text, inq);
            free(text);
        }
        return j;
    }
    j = i + 1;
    if (s[j] == '_' || (s[j] >= 'a' && s[j] <= 'z') || (s[j] >= 'A' && s[j] <= 'Z')) {
        while (j < n && (s[j] == '_' || (s[j] >= 'a' && s[j] <= 'z') || (s[j] >= 'A' && s[j] <= 'Z')
                         || (s[j] >= '0' && s[j] <= '9')))
            j++;
    } else if ((s[j] >= '0' && s[j] <= '9') || is_special_param(s[j])) {
        j++;
    } else {
        emit(x, '$', inq ? X_QUOTED : x->literal);     /* a $ that starts nothing is itself */
        return i + 1;
    }
    name = xstrndup(s + i + 1, j - i - 1);
    if (strcmp(name, "@") == 0 || strcmp(name, "*") == 0) {
        emit_all_params(x, name[0] == '*', inq);
    } else {
        value = param_value(name);
        check_set(name, value);
        if (value != NULL)
            emit_value(x, value, inq);
        free(value);
    }
    free(name);
    return j;
}

/* Step 2 over a stretch of raw text; inq says it is inside double quotes. */
static void expand_raw(struct xbuf *x, const char *s, size_t n, int inq)
{
    size_t i = 0, j;

    while (i < n) {
        char c = s[i];

        if (c == '\'' && !inq) {
            j = skip_squote(s, i, n);
            emit(x, 0, X_EMPTYQ);
            for (i++; i < j - 1; i++)
                emit(x, s[i], X_QUOTED);
            i = j;
        } else if (c == '"' && (!inq || x->brace_word)) {
            int saw_at = x->saw_at;

            j = skip_dquote(s, i, n);
            x->saw_at = 0;
            expand_raw(x, s + i + 1, j - i - 2, 1);
            if (!x->saw_at)
                emit(x, 0, X_EMPTYQ);
            x->saw_at |= saw_at;
            i = j;
        } else if (c == '\\') {
            if (i + 1 >= n) {
                emit(x, '\\', X_QUOTED);
                i++;
            } else if (s[i + 1] == '\n') {            /* a line continued (in a here-document) */
                i += 2;
            } else if (!inq || strchr("$`\"\\\n", s[i + 1])
                       || (x->brace_word && s[i + 1] == '}')) {   /* "${x-\}}" is } */
                emit(x, s[i + 1], X_QUOTED);
                i += 2;
            } else {
                emit(x, '\\', X_QUOTED);      /* "\a" is a backslash and an a */
                i++;
            }
        } else if (c == '$') {
            i = expand_dollar(x, s, i, n, inq);
        } else if (c == '`') {
            char *text;

            j = skip_bquote(s, i, n);
            text = unescape_backquoted(s + i + 1, j - i - 2, inq);
            emit_subst(x, text, inq);
            free(text);
            i = j;
        } else {
            emit(x, c, inq ? X_QUOTED : x->literal);
            i++;
        }
    }
}

/* ~ and ~/dir at the start of a word (raw, n characters): $HOME. ends: the characters that may
 * follow the ~ ("/", or "/:" in an assignment's value, where ~:~/bin is two of them). Its
 * length (0 or 1) is returned: what the caller skips. */
static size_t expand_tilde(struct xbuf *x, const char *raw, size_t n, const char *ends)
{
    const char *home;

    if (n == 0 || raw[0] != '~' || (n > 1 && strchr(ends, raw[1]) == NULL))
        return 0;
    home = var_get("HOME");
    if (home == NULL)
        return 0;
    emit(x, 0, X_EMPTYQ);
    emit_value(x, home, 1);
    return 1;
}

/* A word, or the word of ${x-word} (inq: inside "..."), from its start: an unquoted one may
 * begin with a tilde. */
static void expand_word_raw(struct xbuf *x, const char *s, size_t n, int inq)
{
    size_t skip = inq ? 0 : expand_tilde(x, s, n, "/");

    expand_raw(x, s + skip, n - skip, inq);
}

/* ---- steps 3-5 ---- */

static char *xb_string(struct xbuf *x)
{
    struct strbuf sb;
    size_t i;

    sb_init(&sb);
    for (i = 0; i < x->chars.len;) {
        size_t run = i;

        while (run < x->chars.len && !(x->flags.s[run] & (X_BREAK | X_EMPTYQ)))
            run++;
        sb_addn(&sb, x->chars.s + i, run - i);      /* characters in one go */
        if (run < x->chars.len && (x->flags.s[run] & X_BREAK)) {
            /* "$@" where there is no field splitting (x="$@", a here-document): its fields
             * joined as "$*"'s are, by IFS's first character (dash) */
            char *sep = ifs_first();

            sb_adds(&sb, sep);
            free(sep);
        }
        i = run + 1;
    }
    return sb_take(&sb);
}

/* A pattern for pattern_match: quoted characters that would be special get a backslash, also
 * those special in brackets only (['!'a] and [a\-z] are sets of three characters). */
static void add_pattern_char(struct strbuf *sb, int c, int flags)
{
    if ((flags & X_QUOTED) && strchr("*?[]\\!^-", c))
        sb_addc(sb, '\\');
    sb_addc(sb, c);
}

static char *xb_pattern(struct xbuf *x)
{
    struct strbuf sb;
    size_t i;

    sb_init(&sb);
    for (i = 0; i < x->chars.len; i++)
        if (!(x->flags.s[i] & (X_BREAK | X_EMPTYQ)))
            add_pattern_char(&sb, x->chars.s[i], x->flags.s[i]);
    return sb_take(&sb);
}

/* One field, as text and as a pattern, and whether it has unquoted wildcards. */
struct field {
    struct strbuf text, pattern;
    int wild;
    int started;
};

static void field_start(struct field *f)
{
    sb_init(&f->text);
    sb_init(&f->pattern);
    f->wild = 0;
    f->started = 0;
}

/* A field is done: glob it (if it has wildcards) and add the result to out. */
static void field_finish(struct field *f, struct strlist *out)
{
    if (f->wild && !sh.opt_f) {
        int before = out->n;

        glob_expand(f->pattern.s, out);
        if (out->n > before) {
            sb_free(&f->text);
            sb_free(&f->pattern);
            field_start(f);
            return;
        }
    }
    sl_add(out, sb_take(&f->text));
    sb_free(&f->pattern);
    field_start(f);
}

static int is_ifs_white(int c)
{
    return c == ' ' || c == '\t' || c == '\n';
}

/* Field splitting (POSIX 2.6.5): unquoted expansion results are cut at IFS characters. White
 * space in IFS separates fields and runs of it count once; any other IFS character ends a field,
 * even an empty one ("a::b" with IFS=: is a, "" and b). */
static void xb_fields(struct xbuf *x, struct strlist *out)
{
    const char *ifs = var_get("IFS");
    struct field f;
    size_t i;
    int after_white = 0;    /* white space just ended a field: a following ':' belongs to it */

    if (ifs == NULL)
        ifs = " \t\n";
    field_start(&f);
    for (i = 0; i < x->chars.len; i++) {
        int c = (unsigned char)x->chars.s[i], fl = x->flags.s[i];

        if (fl & X_BREAK) {
            if (f.started)
                field_finish(&f, out);
            after_white = 0;
        } else if (fl & X_EMPTYQ) {
            f.started = 1;
        } else if ((fl & X_SPLIT) && c != 0 && strchr(ifs, c) != NULL) {
            if (is_ifs_white(c)) {
                if (f.started) {
                    field_finish(&f, out);
                    after_white = 1;
                }
            } else {
                if (f.started || !after_white)
                    field_finish(&f, out);
                after_white = 0;
            }
        } else {
            sb_addc(&f.text, c);
            add_pattern_char(&f.pattern, c, fl);
            if (!(fl & X_QUOTED) && (c == '*' || c == '?' || c == '['))
                f.wild = 1;
            f.started = 1;
            after_white = 0;
        }
    }
    if (f.started)
        field_finish(&f, out);
    sb_free(&f.text);
    sb_free(&f.pattern);
}

/* ---- the entry points ---- */

void expand_words(char **raw, struct strlist *out)
{
    int i;

    for (i = 0; raw != NULL && raw[i] != NULL; i++) {
        struct xbuf x;

        xb_init(&x);
        expand_word_raw(&x, raw[i], strlen(raw[i]), 0);
        xb_fields(&x, out);
        xb_free(&x);
    }
}

/* Expand a word and make one string of it, as `finish` does (xb_string or xb_pattern). */
static char *expand_to(const char *raw, char *(*finish)(struct xbuf *))
{
    struct xbuf x;
    char *r;

    xb_init(&x);
    expand_word_raw(&x, raw, strlen(raw), 0);
    r = finish(&x);
    xb_free(&x);
    return r;
}

char *expand_string(const char *raw)
{
    return expand_to(raw, xb_string);
}

char *expand_pattern(const char *raw)
{
    return expand_to(raw, xb_pattern);
}

/* NAME=value, as one string: the value has no field splitting or globbing, and a tilde is
 * expanded at its start and after each unquoted ':' in it (POSIX 2.6.1: PATH=~/bin:~/sbin). */
char *expand_assignment(const char *raw)
{
    struct xbuf x;
    size_t n = strlen(raw), i = strchr(raw, '=') + 1 - raw, start = 0;
    char *r;

    xb_init(&x);
    for (;;) {      /* i: where a tilde may start; the text from start to it is expanded first */
        expand_raw(&x, raw + start, i - start, 0);
        start = i += expand_tilde(&x, raw + i, n - i, "/:");
        while (i < n && raw[i] != ':') {        /* on to the next unquoted ':' */
            if (raw[i] == '\'')
                i = skip_squote(raw, i, n);
            else if (raw[i] == '"')
                i = skip_dquote(raw, i, n);
            else if (raw[i] == '$')
                i = skip_dollar(raw, i, n);
            else if (raw[i] == '`')
                i = skip_bquote(raw, i, n);
            else
                i += raw[i] == '\\' && i + 1 < n ? 2 : 1;
        }
        if (i >= n)
            break;
        i++;
    }
    expand_raw(&x, raw + start, n - start, 0);
    r = xb_string(&x);
    xb_free(&x);
    return r;
}

/* A here-document's text: as inside double quotes, except that " is an ordinary character. */
char *expand_heredoc(const char *text)
{
    struct xbuf x;
    size_t i = 0, n = strlen(text), start = 0;
    char *r;

    xb_init(&x);
    while (i < n) {      /* cut at each " so expand_raw (in quote mode) treats it as text */
        if (text[i] == '"') {
            expand_raw(&x, text + start, i - start, 1);
            emit(&x, '"', X_QUOTED);
            start = ++i;
        } else if (text[i] == '\\' && i + 1 < n && text[i + 1] == '"') {    /* \" is both */
            expand_raw(&x, text + start, i - start, 1);
            emit(&x, '\\', X_QUOTED);
            emit(&x, '"', X_QUOTED);
            start = i += 2;
        } else if (text[i] == '\\' && i + 1 < n) {
            i += 2;
        } else if (text[i] == '$' || text[i] == '`') {
            i = text[i] == '$' ? skip_dollar(text, i, n) : skip_bquote(text, i, n);
        } else {
            i++;
        }
    }
    expand_raw(&x, text + start, n - start, 1);
    r = xb_string(&x);
    xb_free(&x);
    return r;
}
