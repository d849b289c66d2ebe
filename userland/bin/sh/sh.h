/*
 * sh.h - the ufos shell's shared declarations: the syntax tree, the shell's global state, and the
 * functions each file exports.
 *
 * How a command travels through the shell:
 *
 *   input.c    characters, a line at a time, from a string, a file or the terminal
 *   lex.c      characters -> tokens (words keep their quotes: expansion needs them)
 *   parse.c    tokens -> a syntax tree (struct node)
 *   expand.c   a word -> fields: $VAR, $(cmd), $((expr)), field splitting, globbing, quote removal
 *   arith.c    $(( ... )) arithmetic
 *   glob.c     pattern matching (case, ${x#pat}) and pathname expansion
 *   exec.c     runs the tree: builtins, functions, fork/exec, pipes, redirections
 *   jobs.c     background jobs, waiting, process groups and the terminal
 *   vars.c     variables, the environment, positional parameters, functions
 *   builtins.c cd, echo, read, getopts, ... ; test.c: test and [ ; printf.c: printf (tools.h:
 *              also /bin/test and /bin/printf)
 *   options.c  set and its options, $-
 *   trap.c     trap: actions on signals and at exit
 *   lookup.c   what a name is (command, type) and where programs are (hash)
 *   alias.c    aliases, replaced in the input as it is parsed
 *   util.c     strings that grow, error messages, memory
 *   main.c     options, the read-parse-execute loop
 */
#ifndef SH_H
#define SH_H

#include <setjmp.h>
#include <stddef.h>
#include <sys/types.h>

/* ---- util.c: memory, growing strings, messages ---------------------------------------------- */

void *xmalloc(size_t n);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* A string that grows as characters are appended; s is always NUL-terminated. */
struct strbuf {
    char *s;
    size_t len, cap;
};
void sb_init(struct strbuf *sb);
void sb_addc(struct strbuf *sb, int c);
void sb_addn(struct strbuf *sb, const char *s, size_t n);
void sb_adds(struct strbuf *sb, const char *s);
void sb_addrep(struct strbuf *sb, int c, size_t n);    /* n times c */
char *sb_take(struct strbuf *sb);       /* the string, which the caller now owns */
void sb_free(struct strbuf *sb);

/* A growing array of strings, ended by NULL (ready to be an argv). */
struct strlist {
    char **v;
    int n, cap;
};
void sl_init(struct strlist *sl);
void sl_add(struct strlist *sl, char *s);    /* takes ownership of s */
void sl_free(struct strlist *sl);

void out_n(int fd, const char *s, size_t n);
void out_str(int fd, const char *s);
void out_fmt(int fd, const char *fmt, ...);
void sh_warn(const char *fmt, ...);      /* "sh: ..." on stderr */
_Noreturn void sh_error(const char *fmt, ...);   /* warn, then abandon the command (longjmp) */
_Noreturn void sh_abandon(int status);  /* abandon the command line silently, with status $? */
int is_name(const char *s);              /* a valid variable name? */
int is_name_n(const char *s, size_t n);
int parse_int(const char *s, long *out); /* a whole decimal number (optional sign)? */
int number_arg(const char *builtin, const char *arg, long min);   /* min..INT_MAX, or sh_error */
int skip_options(int argc, char **argv, const char *allowed);  /* builtins.c: first operand */
unsigned dash_hash(const char *name);    /* for tables listed in dash's order */
void stack_init(char *top);             /* main: where the stack starts */
void stack_check(void);                 /* sh_error if the stack is nearly used up */
const char *open_error(int err, int creating);   /* "No such file", as dash says it */

/* ---- input.c ------------------------------------------------------------------------------- */

struct input {
    char *buf;          /* the text read so far (since the last input_discard) */
    size_t len, cap, pos;
    int fd;             /* where more comes from, or -1 (a string: all of it is in buf) */
    int bytewise;       /* read stdin a byte at a time: what follows belongs to the commands */
    int eof;
    int line;           /* the line number at pos, for messages */
    int prompt;         /* 0: none; 1: print PS1 at the next read; 2: print PS2 */
    int exit_after;     /* the process ends with this input: its last command may exec */
    int condition;      /* eval's text run as a condition (if eval ...): set -e is off in it */
};
void input_from_string(struct input *in, const char *s);
void input_from_fd(struct input *in, int fd);
int input_peek(struct input *in);        /* the next character, or -1 at the end */
int input_peek2(struct input *in);       /* the one after it */
int input_get(struct input *in);
void input_discard(struct input *in);    /* forget what has been parsed */
void input_replace(struct input *in, size_t start, size_t oldlen, const char *text, size_t newlen);
void input_free(struct input *in);

/* ---- lex.c / parse.c: the syntax tree ------------------------------------------------------ */

enum tok {
    T_EOF, T_NEWLINE, T_WORD,
    T_SEMI, T_DSEMI, T_AMP, T_PIPE, T_AND, T_OR, T_LPAREN, T_RPAREN,
    T_LESS, T_GREAT, T_DGREAT, T_LESSAND, T_GREATAND, T_LESSGREAT, T_CLOBBER, T_DLESS, T_DLESSDASH
};

struct token {
    enum tok type;
    char *text;         /* a word's raw text, quotes and all */
    int fd;             /* an IO number before a redirection operator, or -1 */
    size_t start;       /* where the token began in the input */
};

/* Everything the parser allocates for one command is remembered here, so that it can all be freed
 * when the command has run - unless the command defined a function, whose body must live on. */
struct arena {
    void **ptrs;
    int n, cap;
    int pinned;
};
void *arena_alloc(struct arena *a, size_t n);
char *arena_strndup(struct arena *a, const char *s, size_t n);
void arena_free(struct arena *a);

struct lexer {
    struct input *in;
    struct arena *arena;
    struct token peeked;
    int have_peeked;
    struct redir *heredocs;    /* here-documents whose text follows the next newline */
    int no_alias;       /* finding the end of $( ... ): leave aliases alone */
    int dquotes;        /* how many "..." the word being read is inside */
};
struct token lex_next(struct lexer *lx);

enum redir_kind { R_IN, R_OUT, R_APPEND, R_DUPIN, R_DUPOUT, R_RDWR, R_CLOBBER, R_HEREDOC };

struct redir {
    enum redir_kind kind;
    int fd;             /* the descriptor redirected */
    char *word;         /* the file name, the descriptor to copy, or the here-document's text */
    int heredoc_quoted; /* here-document: the delimiter was quoted, so no expansion */
    int strip_tabs;     /* here-document with <<-: leading tabs are removed */
    char *heredoc_end;  /* here-document: the delimiter (quotes removed) */
    struct redir *next;
    struct redir *next_heredoc;
};

enum node_kind {
    N_SIMPLE, N_PIPE, N_AND, N_OR, N_SEQ, N_BG, N_NOT,
    N_SUBSHELL, N_GROUP, N_IF, N_WHILE, N_UNTIL, N_FOR, N_CASE, N_FUNC
};

struct caseitem {
    char **patterns;    /* raw words, NULL-terminated */
    struct node *body;  /* may be NULL */
    struct caseitem *next;
};

struct node {
    enum node_kind kind;
    int line;
    struct redir *redirs;   /* simple and compound commands */
    char *text;             /* the command's source text (for jobs), N_BG and N_PIPE */
    /* N_SIMPLE */
    char **assigns;         /* raw NAME=value words */
    char **words;           /* raw words */
    /* N_PIPE: cmds[0..ncmds-1] */
    struct node **cmds;
    int ncmds;
    /* binary nodes, loops, if: left/right or cond/body/orelse */
    struct node *left, *right;
    struct node *cond, *body, *orelse;
    /* N_FOR: var, list (NULL: "$@"); N_CASE: word, items; N_FUNC: name, body */
    char *name;
    char **list;
    struct caseitem *items;
};

/* Parse one line's complete command from the input into *out (NULL for an empty line); 0 at the
 * end of the input. A syntax error is reported and longjmps to the current error handler. */
int parse_line(struct input *in, struct arena *arena, struct node **out);
size_t parse_subst_end(struct input *in);   /* lex.c calls this at "$(": parse to the ")" */
int is_assignment(const char *raw);
_Noreturn void syntax_error(struct lexer *lx, const char *fmt, ...);

/* ---- expand.c --------------------------------------------------------------------------------- */

void expand_words(char **raw, struct strlist *out);   /* split and glob: arguments, for lists */
char *expand_string(const char *raw);                  /* one string: assignments, redirections */
char *expand_pattern(const char *raw);                 /* for case: quoted chars escaped by \ */
char *expand_assignment(const char *raw);              /* NAME=value, with ~ after = and : */
char *expand_heredoc(const char *text);                /* $, ` and \ only */
char *command_subst(const char *text);                 /* run text, return its output */

/* ---- arith.c ------------------------------------------------------------------------------- */

long arith_eval(const char *expr);     /* sh_error on a mistake */

/* ---- glob.c -------------------------------------------------------------------------------- */

int pattern_match(const char *pat, const char *s);   /* \ quotes the next character */
int has_glob_chars(const char *pat);
void glob_expand(const char *pat, struct strlist *out);   /* adds matches, sorted; 0 if none */

/* ---- vars.c -------------------------------------------------------------------------------- */

#define V_EXPORT 1
#define V_READONLY 2

void vars_init(char **envp);
const char *var_get(const char *name);
void var_set(const char *name, const char *value, int flags);   /* flags are added */
void var_set_assignment(const char *assignment, int flags);     /* "NAME=value" */
void var_unset(const char *name);
void var_export(const char *name);
char **vars_environ(void);             /* a fresh NAME=value array for execve */
void vars_print(int only);             /* 0: all; V_EXPORT or V_READONLY: those */
int var_readonly(const char *name);
void sb_add_quoted(struct strbuf *sb, const char *s);   /* 'quoted' so that sh reads it back */
int var_is_set(const char *name);
void local_var(const char *name);      /* save name's value; restored when the function returns */
struct saved_var {      /* a variable's value and flags, to be put back: local, VAR=x f */
    char *name;
    char *value;        /* NULL if it was unset */
    int flags;
    struct saved_var *next;
};
struct saved_var *var_save(const char *name, struct saved_var *next);
struct saved_var *var_restore(struct saved_var *s, int put_back);   /* frees s; returns next */

int params_count(void);              /* $# */
const char *params_get(int i);         /* $i (1-based), or NULL */
void params_set(int n, char **v);     /* copies */
void params_shift(int n);
void params_push(int n, char **v);    /* a function call */
void params_pop(void);
int params_depth(void);
struct getopts_state {
    long index;         /* OPTIND: the argument getopts reads next */
    int letter;         /* 0, or where it is inside a group such as -abc */
};
struct getopts_state *params_getopts(void);   /* each function call has its own */
void getopts_restart(const char *optind);
void params_unwind(int depth);

struct func {
    char *name;
    struct node *body;
    struct func *next;
};
struct node *func_get(const char *name);
void func_set(const char *name, struct node *body);
void func_unset(const char *name);

/* ---- exec.c -------------------------------------------------------------------------------- */

#define EV_EXIT 1       /* this is the last thing the process does: exec without forking */
#define EV_COND 2       /* a condition (if, while, &&, !): set -e does not apply */

int run_node(struct node *n, int flags);
#define RUN_EXIT 1      /* run_string: the process ends after the text ($(...)) */
#define RUN_COND 2      /* run_string: the text runs as a condition (eval's: set -e is off) */
#define RUN_INLINE 4    /* run_string: the text is in the command's own ($(...)): its lines are
                           counted from the command's line, not from 1 (eval, a trap) */
int run_string(const char *text, int how);            /* eval, traps, $(...) */
int run_file_text(const char *text);                  /* . file */
int run_input(struct input *in, int toplevel);         /* the read-parse-execute loop */
int exit_status_of(int wstatus);
_Noreturn void sh_exit(int status);
int run_command_bypassing_functions(int argc, char **argv);   /* command name args */
int builtin_exec(int argc, char **argv);
void become_child(void);               /* in a forked subshell: errors end it, traps reset */
int redirect_apply(struct redir *r, int save);        /* 0, or -1 with a message */
void redirect_restore(int mark);
int redirect_mark(void);

/* ---- jobs.c -------------------------------------------------------------------------------- */

struct job;
void jobs_init(void);
struct job *job_new(pid_t pgid, const char *text, int background);
void job_add_pid(struct job *j, pid_t pid);
void job_slot_for_subst(void);          /* $(...) starts: a job that wait is done with may go */
int job_wait(struct job *j);           /* the foreground wait: the status of its last process */
void job_announce(struct job *j);       /* [1] 1234 */
void jobs_notify(void);                 /* report jobs that finished (before a prompt) */
void job_set_foreground(pid_t pgid);   /* give the terminal to a job (or back to the shell) */
int jobs_control_enabled(void);
void report_signal(int wstatus);       /* "Hangup" on stderr, if a signal killed it */
void child_signals(int background);    /* in a new child: signals as a command expects them */
int builtin_jobs(int argc, char **argv);
int builtin_fg(int argc, char **argv);
int builtin_bg(int argc, char **argv);
int builtin_wait(int argc, char **argv);
int builtin_kill(int argc, char **argv);

/* ---- builtins.c (test.c and printf.c, shared with /bin, are declared in tools.h) ------------- */

typedef int (*builtin_fn)(int argc, char **argv);
builtin_fn builtin_find(const char *name, int *special);
int signal_number(const char *name);    /* "INT", "int", "2" -> 2; -1 if unknown */
const char *signal_name(int sig);
void set_pwd(const char *logical);      /* where the shell is, and $PWD: logical if given, else
                                           the inherited $PWD if it names ".", else getcwd */

/* ---- options.c, trap.c, lookup.c, alias.c ----------------------------------------------------- */

int builtin_set(int argc, char **argv);
int option_set_letter(int letter, int on);  /* 0, or -1 if there is no such option */
int option_set_name(const char *name, int on);  /* set -o name: 0, or -1 */
char *option_string(void);                  /* $- */
char *options_save(void);                   /* local -: all the options, to be put back by */
void options_restore(const char *saved);    /* options_restore when the function returns */

int builtin_trap(int argc, char **argv);
void traps_run_pending(void);           /* run the actions of signals that arrived */
int traps_pending(void);                /* a signal with an action arrived: which (or 0) */
int traps_run_exit(int status);         /* the EXIT trap; the status to exit with */
int traps_set(void);                    /* any action set? (then the shell must not exec away) */
void traps_forget(void);                /* a subshell: actions reset, ignored signals stay so */

int builtin_command(int argc, char **argv);
int builtin_type(int argc, char **argv);
int builtin_hash(int argc, char **argv);
const char *hash_find(const char *name);    /* a program's path in $PATH (remembered) or NULL */
const char *path_entry(const char *dir, const char *name, struct strbuf *full);   /* one step along $PATH */
void hash_forget(void);

int builtin_alias(int argc, char **argv);
int builtin_unalias(int argc, char **argv);
const char *alias_get(const char *name);
void alias_reset(void);
int alias_substitute(struct input *in, size_t start, const char *word);
int alias_blank_ended(size_t word_end, size_t next);

/* ---- the shell's state (main.c) ------------------------------------------------------------ */

struct shell {
    char *arg0;             /* $0 */
    int status;             /* $? */
    pid_t last_bg;          /* $! */
    pid_t pid;              /* $$ */
    int interactive;
    int opt_e, opt_x, opt_u, opt_f, opt_n, opt_v, opt_C, opt_a;     /* options.c */
    int loop_depth;         /* loops we are inside, for break/continue */
    int breaking;           /* loops still to break out of */
    int continuing;         /* loops to continue (1: the innermost) */
    int func_depth;         /* functions we are inside, for return */
    int returning;          /* a return is unwinding the function */
    int in_child;           /* this is a forked child (a subshell) */
    int builtin_cond;       /* the builtin running was called as a condition (if eval ...) */
    int subst_status;       /* the status of the last command substitution */
    int write_failed;       /* the builtin running could not write its output (>&-) */
    int in_trap;            /* a trap's action is running */
    int trap_status;        /* $? when it started: what `exit` alone exits with */
    jmp_buf *on_error;      /* where sh_error goes */
    const char *source_name;    /* for messages: "sh" or the script */
    const char *context;    /* for messages: "eval", or the file `.` runs, while their commands run */
    const char *builtin;    /* the builtin running, which names itself when a variable it sets is
                               read only ("read: x: is read only") */
    int line;               /* the line of the command running, for messages */
};
extern struct shell sh;

#endif
