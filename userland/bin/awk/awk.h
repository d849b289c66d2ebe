/*
 * awk.h - what the parts of /bin/awk share: values, variables, arrays, the syntax tree, and the
 * functions each file offers the others.
 *
 * The program is a small interpreter in the textbook shape:
 *   lex.c      the source text -> tokens
 *   parse.c    tokens -> a tree of Nodes (recursive descent, one function per precedence level)
 *   run.c      walks the tree: rules, statements, expressions
 *   value.c    values and their conversions, variables, associative arrays
 *   fields.c   records: reading them (RS), splitting them into fields (FS), rebuilding $0
 *   io.c       output and input streams: print > >> |, getline < and |, close, system
 *   builtin.c  the built-in functions (length, substr, sub, printf's formatting...)
 *   main.c     the command line, then BEGIN, the input loop, END
 */
#ifndef AWK_H
#define AWK_H

#include <regex.h>
#include <stdio.h>

/* --- values ---------------------------------------------------------------------------------- */

/* A value is a number, a string, or a "strnum": a string from input (a field, getline, ARGV...)
 * that looks like a number, which then compares as a number. An uninitialized value is both 0 and
 * "". A Value owns its str (malloc'd). */
enum { T_UNINIT, T_NUM, T_STR, T_STRNUM };

typedef struct Value {
    int type;
    double num;             /* for T_NUM and T_STRNUM */
    char *str;              /* for T_STR and T_STRNUM */
} Value;

Value num_value(double d);
Value str_value(char *owned);                  /* takes the string */
Value str_copy(const char *s);
Value input_value(const char *s);              /* strnum if it looks numeric, else a string */
Value copy_value(const Value *v);
void free_value(Value *v);
double to_num(const Value *v);
char *to_str(const Value *v);                   /* a new string; numbers through CONVFMT */
char *to_output_str(const Value *v);            /* the same through OFMT (print) */
int to_bool(const Value *v);
int compare_values(const Value *a, const Value *b);    /* <0, 0, >0 */
double str_to_num(const char *s);
char *num_to_str(double d, const char *fmt);

/* --- variables and arrays -------------------------------------------------------------------- */

typedef struct Entry {
    char *key;
    Value val;
    struct Entry *chain;                /* the next entry in the same hash bucket */
    struct Entry *prev, *next;          /* every entry, in the order of insertion */
} Entry;

typedef struct Array {
    Entry **buckets;
    int nbuckets, count;
    Entry *first, *last;
} Array;

Array *new_array(void);
Entry *array_find(Array *a, const char *key);
Entry *array_get(Array *a, const char *key);    /* creates the entry (uninitialized) if missing */
void array_delete(Array *a, const char *key);
void array_clear(Array *a);
void free_array(Array *a);

enum { V_UNSET, V_SCALAR, V_ARRAY };

/* A global variable, or a function's parameter (a slot of its frame). A parameter given an array
 * (or an unset variable, which the function may make an array) refers to the caller's: ref. */
typedef struct Var {
    char *name;
    int kind;
    Value val;
    Array *arr;
    struct Var *ref;
    struct Var *next_global;
} Var;

Var *lookup_global(const char *name);            /* creates it */
Var *var_target(Var *v);                       /* the variable a parameter refers to, or v */
Array *var_array(Var *v, int line);             /* v as an array (an unset v becomes one) */
void set_var_num(Var *v, double d);
void set_var_str(Var *v, const char *s);
const char *var_str(Var *v);                    /* for FS, OFS...: kept in v as a string */

/* The special variables, looked up once at the start. */
extern Var *v_NR, *v_NF, *v_FNR, *v_FS, *v_OFS, *v_ORS, *v_RS, *v_FILENAME, *v_SUBSEP,
           *v_RSTART, *v_RLENGTH, *v_CONVFMT, *v_OFMT, *v_ENVIRON, *v_ARGC, *v_ARGV;

/* --- the syntax tree ------------------------------------------------------------------------- */

enum {
    /* expressions */
    E_NUM, E_STR, E_REGEX, E_VAR, E_LOCAL, E_FIELD, E_INDEX, E_ASSIGN, E_COND, E_AND, E_OR,
    E_NOT, E_NEG, E_PLUS, E_ARITH, E_CONCAT, E_CMP, E_MATCH, E_IN, E_PREINC, E_PREDEC,
    E_POSTINC, E_POSTDEC, E_CALL, E_BUILTIN, E_GETLINE,
    /* statements */
    S_EXPR, S_PRINT, S_PRINTF, S_IF, S_WHILE, S_DO, S_FOR, S_FORIN, S_BLOCK, S_NEXT, S_EXIT,
    S_RETURN, S_BREAK, S_CONTINUE, S_DELETE
};

/* getline's forms (Node.op of E_GETLINE) */
enum { GL_MAIN, GL_FILE, GL_CMD };

typedef struct Func Func;

typedef struct Node {
    int type;
    int op;                     /* the operator's token, a builtin's number, a redirection... */
    int line;                   /* source line, for messages */
    struct Node *a, *b, *c, *d; /* children: what each means depends on type (see parse.c) */
    struct Node *next;          /* the next in a list: statements, arguments */
    double num;                 /* E_NUM */
    char *str;                  /* E_STR, E_REGEX (its source) */
    regex_t *re;                /* E_REGEX */
    Var *var;                   /* E_VAR */
    int slot;                   /* E_LOCAL: the parameter's number */
    Func *func;                 /* E_CALL */
} Node;

struct Func {
    char *name;
    char **params;
    int nparams;
    Node *body;
    int defined;
    int line;                   /* where it was first called, if never defined */
    Func *next;
};

/* A rule: pattern { action }. No pattern: every record; b set: a range pattern a, b. */
typedef struct Rule {
    Node *pattern, *pattern_end;
    Node *action;               /* NULL: print $0 */
    int in_range;
    struct Rule *next;
} Rule;

typedef struct Program {
    Rule *begin, *end, *main;   /* BEGIN actions, END actions, the other rules */
    Func *funcs;
} Program;

/* --- tokens (lex.c) -------------------------------------------------------------------------- */

enum {
    TK_EOF = 256, TK_NEWLINE, TK_NUMBER, TK_STRING, TK_ERE, TK_NAME, TK_FUNC_NAME, TK_BUILTIN,
    /* keywords */
    TK_BEGIN, TK_END, TK_FUNCTION, TK_IF, TK_ELSE, TK_WHILE, TK_FOR, TK_DO, TK_BREAK,
    TK_CONTINUE, TK_NEXT, TK_EXIT, TK_RETURN, TK_DELETE, TK_IN, TK_GETLINE, TK_PRINT, TK_PRINTF,
    /* operators of more than one character */
    TK_ADD_ASSIGN, TK_SUB_ASSIGN, TK_MUL_ASSIGN, TK_DIV_ASSIGN, TK_MOD_ASSIGN, TK_POW_ASSIGN,
    TK_OR, TK_AND, TK_NOMATCH, TK_EQ, TK_LE, TK_GE, TK_NE, TK_INCR, TK_DECR, TK_APPEND, TK_POW
};

/* the built-in functions (TK_BUILTIN's number) */
enum {
    B_LENGTH, B_SUBSTR, B_INDEX, B_SPLIT, B_SUB, B_GSUB, B_MATCH, B_SPRINTF, B_TOLOWER,
    B_TOUPPER, B_INT, B_SQRT, B_EXP, B_LOG, B_SIN, B_COS, B_ATAN2, B_RAND, B_SRAND, B_SYSTEM,
    B_CLOSE, B_FFLUSH
};

typedef struct Lexer {
    const char *src;            /* the whole program text */
    const char *p;              /* where the next token starts */
    const char *tok_start;      /* where the current token starts (for error context) */
    int line;
    int tok;                    /* the current token */
    int prev;                   /* the token before it (decides whether / starts a regex) */
    double num;                 /* TK_NUMBER */
    char *text;                 /* TK_STRING, TK_ERE, TK_NAME, TK_FUNC_NAME (malloc'd) */
    int builtin;                /* TK_BUILTIN */
} Lexer;

void lex_init(Lexer *lx, const char *src);
void lex_next(Lexer *lx);
_Noreturn void lex_error(Lexer *lx, const char *what);     /* a syntax error, exit 2 */
char *unescape_string(const char *s, size_t n);  /* "\t" -> a tab, as in string literals */

/* --- the rest -------------------------------------------------------------------------------- */

Program *parse_program(const char *src);                          /* parse.c */
regex_t *compile_regex(const char *ere, int line);               /* builtin.c (cached) */
char *regex_source(const char *literal, size_t n);              /* builtin.c: /.../'s text */
int regex_search(regex_t *re, const char *s, size_t from, size_t *so, size_t *eo);

void run_program(Program *prog);                                  /* run.c */
Value eval(Node *n);
double eval_num(Node *n);                                         /* run.c: eval, as a number */
char *eval_str(Node *n);                                          /* run.c: eval, as a new string */
regex_t *regex_of(Node *n);                                       /* run.c: a /literal/ or a value's ERE */
Value call_builtin(Node *n);                                      /* builtin.c */
int builtin_arity_ok(int b, Node *args);
char *format(const char *fmt, Node *args, int line);             /* builtin.c: printf's */
Array *node_array(Node *n);                                       /* run.c */
Var *name_var(Node *n);                                           /* run.c: a name's Var */
void assign_node(Node *n, Value v);                              /* run.c: v is taken */
_Noreturn void fatal(int line, const char *fmt, ...);            /* main.c */
int command_line_assignment(const char *arg);                    /* main.c: NAME=VALUE */
void *xmalloc(size_t n);
char *xstrdup(const char *s);

/* fields.c */
void set_record(const char *s, size_t n);
const char *get_record(void);
Value get_field(int i, int line);
void set_field(int i, Value v, int line);
int get_nf(void);
void set_nf(int nf, int line);
int split_string(const char *s, Array *a, const char *fs, regex_t *re, int line);
int read_record(FILE *f, char **out, size_t *len);
void forget_input(FILE *f);                                       /* fields.c: f is being closed */
int next_main_record(char **out, size_t *len);   /* from the files of ARGV (or stdin) */

/* io.c */
FILE *output_stream(int kind, const char *name, int line);     /* kind: '>' TK_APPEND '|' */
FILE *input_stream(int kind, const char *name);               /* kind: GL_FILE GL_CMD */
int close_stream(const char *name);
int flush_stream(const char *name);
void close_all_streams(void);
int run_system(const char *cmd);

#endif
