/*
 * util.c - the shell's small tools: memory that never returns NULL, strings and string lists that
 * grow, writing to a file descriptor, error messages, and a guard on the stack's depth.
 *
 * Output goes straight to the descriptor with write(), never through stdio's buffers: the shell
 * moves descriptors around (redirections of builtins, forks), and a buffer filled before a dup2
 * would come out in the wrong place, or twice after a fork.
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>
#include "sh.h"

void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);

    if (p == NULL) {
        out_str(2, "sh: out of memory\n");
        _exit(2);
    }
    return p;
}

void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);

    if (q == NULL) {
        out_str(2, "sh: out of memory\n");
        _exit(2);
    }
    return q;
}

char *xstrndup(const char *s, size_t n)
{
    char *p = xmalloc(n + 1);

    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *xstrdup(const char *s)
{
    return xstrndup(s, strlen(s));
}

/* ---- struct strbuf ---- */

void sb_init(struct strbuf *sb)
{
    sb->cap = 32;
    sb->len = 0;
    sb->s = xmalloc(sb->cap);
    sb->s[0] = '\0';
}

/* Make room for n more characters and the NUL. */
static void sb_grow(struct strbuf *sb, size_t n)
{
    if (sb->len + n + 1 <= sb->cap)
        return;
    while (sb->len + n + 1 > sb->cap)
        sb->cap *= 2;
    sb->s = xrealloc(sb->s, sb->cap);
}

void sb_addc(struct strbuf *sb, int c)
{
    sb_grow(sb, 1);
    sb->s[sb->len++] = (char)c;
    sb->s[sb->len] = '\0';
}

void sb_addn(struct strbuf *sb, const char *s, size_t n)
{
    sb_grow(sb, n);
    memcpy(sb->s + sb->len, s, n);
    sb->len += n;
    sb->s[sb->len] = '\0';
}

void sb_addrep(struct strbuf *sb, int c, size_t n)
{
    sb_grow(sb, n);
    memset(sb->s + sb->len, c, n);
    sb->len += n;
    sb->s[sb->len] = '\0';
}

void sb_adds(struct strbuf *sb, const char *s)
{
    sb_addn(sb, s, strlen(s));
}

char *sb_take(struct strbuf *sb)
{
    char *s = sb->s;

    sb->s = NULL;
    sb->len = sb->cap = 0;
    return s;
}

void sb_free(struct strbuf *sb)
{
    free(sb->s);
    sb->s = NULL;
    sb->len = sb->cap = 0;
}

/* ---- struct strlist ---- */

void sl_init(struct strlist *sl)
{
    sl->cap = 8;
    sl->n = 0;
    sl->v = xmalloc(sizeof(char *) * (size_t)sl->cap);
    sl->v[0] = NULL;
}

void sl_add(struct strlist *sl, char *s)
{
    if (sl->n + 2 > sl->cap) {
        sl->cap *= 2;
        sl->v = xrealloc(sl->v, sizeof(char *) * (size_t)sl->cap);
    }
    sl->v[sl->n++] = s;
    sl->v[sl->n] = NULL;
}

void sl_free(struct strlist *sl)
{
    int i;

    for (i = 0; i < sl->n; i++)
        free(sl->v[i]);
    free(sl->v);
    sl->v = NULL;
    sl->n = sl->cap = 0;
}

/* ---- output ---- */

void out_n(int fd, const char *s, size_t n)
{
    while (n > 0) {
        ssize_t k = write(fd, s, n);

        if (k < 0) {
            if (errno == EINTR)
                continue;
            sh.write_failed = 1;
            return;
        }
        s += k;
        n -= (size_t)k;
    }
}

void out_str(int fd, const char *s)
{
    out_n(fd, s, strlen(s));
}

static void out_vfmt(int fd, const char *fmt, va_list ap)
{
    char small[256];
    va_list again;
    int n;

    va_copy(again, ap);
    n = vsnprintf(small, sizeof small, fmt, ap);
    if (n < 0) {
        va_end(again);
        return;
    }
    if ((size_t)n < sizeof small) {
        out_n(fd, small, (size_t)n);
    } else {
        char *big = xmalloc((size_t)n + 1);

        vsnprintf(big, (size_t)n + 1, fmt, again);
        out_n(fd, big, (size_t)n);
        free(big);
    }
    va_end(again);
}

void out_fmt(int fd, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    out_vfmt(fd, fmt, ap);
    va_end(ap);
}

/* Messages name the script and line as dash does: "sh: 3: foo: not found". Interactive shells
 * and -c strings only say "sh:". Inside eval, or a file run by `.`, dash names that too:
 * "sh: 3: eval: foo: not found". */
static void warn_prefix(void)
{
    if (sh.interactive)
        out_fmt(2, "%s: ", sh.source_name);
    else
        out_fmt(2, "%s: %d: ", sh.source_name, sh.line);
    if (sh.context != NULL)
        out_fmt(2, "%s: ", sh.context);
}

static void warn_v(const char *fmt, va_list ap)
{
    warn_prefix();
    out_vfmt(2, fmt, ap);
    out_str(2, "\n");
}

void sh_warn(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    warn_v(fmt, ap);
    va_end(ap);
}

void sh_error(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    warn_v(fmt, ap);
    va_end(ap);
    sh_abandon(2);
}

void sh_abandon(int status)
{
    sh.status = status;
    if (sh.on_error == NULL)
        sh_exit(status);
    longjmp(*sh.on_error, 1);
}

/* dash's hash of a name (alias and command tables): the order in which it lists them */
unsigned dash_hash(const char *name)
{
    unsigned h = (unsigned)(unsigned char)name[0] << 4;

    for (; *name; name++)
        h += (unsigned char)*name;
    return h & 0x7fff;
}

/* Why a file could not be opened, in dash's words: a missing file is "No such file", and a
 * missing directory on the way to a file being created "Directory nonexistent". */
const char *open_error(int err, int creating)
{
    if (err == ENOENT)
        return creating ? "Directory nonexistent" : "No such file";
    return strerror(err);
}

int is_name_n(const char *s, size_t n)
{
    size_t i;

    if (n == 0 || !(s[0] == '_' || (s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z')))
        return 0;
    for (i = 1; i < n; i++) {
        char c = s[i];

        if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
            return 0;
    }
    return 1;
}

/* ---- the stack's depth ---- */

#define STACK_MARGIN (1024 * 1024)     /* kept for what an error needs on its way out */

static char *stack_top;         /* in main's frame: the stack goes down from there */
static size_t stack_room;       /* how far below it the shell may go */

void stack_init(char *top)
{
    struct rlimit rl;
    size_t size = 8 * 1024 * 1024;

    if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY)
        size = rl.rlim_cur;
    stack_top = top;
    stack_room = size > 2 * STACK_MARGIN ? size - STACK_MARGIN : size / 2;
}

/* Text that runs or parses itself without end (x='eval "$x"'; eval "$x", a . file that reads
 * itself, thousands of nested ( ) would overflow the stack, which is a capability fault here
 * (a segfault in dash). Called at each level of the parser and of the tree's walk, it stops
 * them with a mistake while there is room left. */
void stack_check(void)
{
    char here;

    if (stack_top != NULL && (size_t)(stack_top - &here) > stack_room)
        sh_error("Maximum nesting depth reached");
}

int is_name(const char *s)
{
    return is_name_n(s, strlen(s));
}

int parse_int(const char *s, long *out)
{
    char *end;
    long v;

    while (*s == ' ' || *s == '\t' || *s == '\n')
        s++;
    if (*s == '\0')
        return 0;
    errno = 0;
    v = strtol(s, &end, 10);
    if (end == s || errno != 0)
        return 0;
    while (*end == ' ' || *end == '\t' || *end == '\n')
        end++;
    if (*end != '\0')
        return 0;
    *out = v;
    return 1;
}

/* A builtin's number operand (exit 3, shift 2, wait 123): a decimal from min to INT_MAX, as
 * dash's number() takes it. Anything else - 1x, or 2147483648, which would wrap - is "Illegal
 * number", an error (status 2; it ends a script when the builtin is a special one). */
int number_arg(const char *builtin, const char *arg, long min)
{
    long n;

    if (!parse_int(arg, &n) || n < min || n > INT_MAX)
        sh_error("%s: Illegal number: %s", builtin, arg);
    return (int)n;
}
