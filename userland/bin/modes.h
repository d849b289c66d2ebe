/*
 * modes.h - permission modes as chmod(1) reads them, and mkdir -m too (POSIX's grammar, GNU's
 * behaviour): what chmod.c and mkdir.c share.
 *
 *   octal      644, 4755: the bits themselves (up to 07777)
 *   symbolic   clauses joined by ',': who, then one or more of an operator and what it is about:
 *                who   u (the owner), g (the group), o (others), a (all); several, or none
 *                op    + adds, - removes, = sets exactly (clearing who's other bits)
 *                what  r w x, X (execute, but only for a directory or for a file some execute
 *                      bit is set on by then: "u+x,a+X" is 755 for a 644 file, as GNU's), s (set-user-ID, set-group-ID), t (sticky),
 *                      or one of u g o: a copy of that class's bits in the mode as it is
 *              "u+x,go-w", "a=r", "g=u", "+X", "u-x+s".
 * With no who, a clause is about everyone, but leaves alone the bits set in the umask ("chmod +w
 * f" gives only the owner write permission when the umask is 022), as POSIX says.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The bits a who letter stands for, its special bit included. */
static mode_t who_bits(char c)
{
    switch (c) {
    case 'u': return S_ISUID | S_IRWXU;
    case 'g': return S_ISGID | S_IRWXG;
    case 'o': return S_ISVTX | S_IRWXO;
    default:  return 07777;                           /* 'a' */
    }
}

/* The bits one "what" letter stands for, for everyone (who masks them after), in a mode that is
 * `current` so far. (mode_t)-1 if c is not a what letter. */
static mode_t what_bits(char c, mode_t current, int is_dir)
{
    mode_t class;

    switch (c) {
    case 'r': return 0444;
    case 'w': return 0222;
    case 'x': return 0111;
    case 'X': return is_dir || (current & 0111) ? 0111 : 0;
    case 's': return S_ISUID | S_ISGID;
    case 't': return S_ISVTX;
    case 'u': class = (current >> 6) & 7; break;
    case 'g': class = (current >> 3) & 7; break;
    case 'o': class = current & 7; break;
    default:  return (mode_t)-1;
    }
    return class << 6 | class << 3 | class;
}

/* Apply one clause, clause[0..n), to mode: the new mode, or -1 if it is not a clause. */
static long apply_clause(const char *clause, size_t n, mode_t mode, int is_dir, mode_t umask_bits)
{
    mode_t who = 0, bits, affected, w;
    size_t i = 0;
    char op;

    for (; i < n && strchr("ugoa", clause[i]); i++)
        who |= who_bits(clause[i]);
    affected = who ? who : 07777 & ~umask_bits;      /* no who: all, but what the umask has */
    if (i == n)
        return -1;                                   /* "u": an operator is needed */
    while (i < n) {
        op = clause[i++];
        if (!strchr("+-=", op))
            return -1;
        for (bits = 0; i < n && !strchr("+-=", clause[i]); i++) {
            if ((w = what_bits(clause[i], mode, is_dir)) == (mode_t)-1)
                return -1;
            bits |= w;
        }
        bits &= affected;
        if (op == '+')
            mode |= bits;
        else if (op == '-')
            mode &= ~bits;
        else
            mode = (mode & ~(who ? who : 07777)) | bits;
    }
    return mode;
}

/* The mode spec makes of `mode` (a directory's if is_dir), with umask_bits for the clauses with
 * no who; -1 if spec is not a mode. */
static long apply_mode(const char *spec, mode_t mode, int is_dir, mode_t umask_bits)
{
    const char *clause = spec;
    long result = mode;
    char *end;

    if (*spec >= '0' && *spec <= '7') {
        result = strtol(spec, &end, 8);
        return *end == '\0' && result <= 07777 ? result : -1;
    }
    for (;;) {
        size_t n = strcspn(clause, ",");
        result = apply_clause(clause, n, (mode_t)result, is_dir, umask_bits);
        if (result < 0 || clause[n] == '\0')
            return result;
        clause += n + 1;
    }
}

/* The umask, which reading it changes: set back at once. */
static mode_t current_umask(void)
{
    mode_t mask = umask(0);

    umask(mask);
    return mask;
}
