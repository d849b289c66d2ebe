/*
 * builtins.c - the primitives: the procedures written in C that the library builds on.
 *
 *   numbers   + - * / quotient remainder modulo = < > <= >= abs min max
 *             sin cos tan atan sqrt exp log expt floor ceiling round truncate exact inexact
 *   tests     number? integer? real? string? symbol? pair? null? list? procedure? boolean?
 *             zero? not eq? equal?
 *   lists     cons car cdr list length append reverse list-ref set-car! set-cdr! apply
 *   strings   string-length string-append substring string=? string<? string-split
 *             string-downcase string-upcase string->number number->string string->symbol
 *             symbol->string
 *   output    display write newline          errors  error bad-argument
 *
 * Integers stay integers under + - * (and / when the division is exact); any real makes the
 * result real. map, filter, fold, sort, assoc and the like are Lisp, in the library's prelude.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lisp.h"

void require_kind(const char *who, value v, enum kind k)
{
    if (v.kind != k)
        fail(FAIL_ERROR, "%s: expected a %s, got a %s", who, kind_name(k), kind_name(v.kind));
}

void require_number(const char *who, value v)
{
    if (!is_number(v))
        fail(FAIL_ERROR, "%s: expected a number, got a %s", who, kind_name(v.kind));
}

static void require_numbers(const char *who, int argc, value *argv)
{
    for (int i = 0; i < argc; i++)
        require_number(who, argv[i]);
}

/* A number as a double (an integer converted). */
static double real_arg(const char *who, value v)
{
    if (v.kind == K_REAL)
        return v.as.d;
    if (v.kind != K_INT)
        fail(FAIL_ERROR, "%s: expected a number, got a %s", who, kind_name(v.kind));
    return (double)v.as.i;
}

static int all_ints(int argc, value *argv)
{
    for (int i = 0; i < argc; i++)
        if (argv[i].kind != K_INT)
            return 0;
    return 1;
}

/* ---- arithmetic ---- */

/* The sum stays an integer until a real comes; from there on it is real. */
static value p_add(int argc, value *argv)
{
    long isum = 0;
    int i = 0;
    for (; i < argc && argv[i].kind == K_INT; i++)
        isum += argv[i].as.i;
    if (i == argc)
        return make_int(isum);
    double sum = (double)isum;
    for (; i < argc; i++)
        sum += real_arg("+", argv[i]);
    return make_real(sum);
}

static value p_mul(int argc, value *argv)
{
    require_numbers("*", argc, argv);
    if (all_ints(argc, argv)) {
        long product = 1;
        for (int i = 0; i < argc; i++)
            product *= argv[i].as.i;
        return make_int(product);
    }
    double product = 1;
    for (int i = 0; i < argc; i++)
        product *= as_double(argv[i]);
    return make_real(product);
}

static value p_sub(int argc, value *argv)
{
    require_numbers("-", argc, argv);
    if (argc == 1)
        return argv[0].kind == K_INT ? make_int(-argv[0].as.i) : make_real(-argv[0].as.d);
    if (all_ints(argc, argv)) {
        long r = argv[0].as.i;
        for (int i = 1; i < argc; i++)
            r -= argv[i].as.i;
        return make_int(r);
    }
    double r = as_double(argv[0]);
    for (int i = 1; i < argc; i++)
        r -= as_double(argv[i]);
    return make_real(r);
}

static value p_div(int argc, value *argv)
{
    require_numbers("/", argc, argv);
    value r = argc == 1 ? make_int(1) : argv[0];
    for (int i = argc == 1 ? 0 : 1; i < argc; i++) {
        value d = argv[i];
        if (r.kind == K_INT && d.kind == K_INT) {
            if (d.as.i == 0)
                fail(FAIL_ERROR, "/: division by zero");
            if (r.as.i % d.as.i == 0) {
                r = make_int(r.as.i / d.as.i);
                continue;
            }
        }
        r = make_real(as_double(r) / as_double(d));
    }
    return r;
}

static long int_arg(const char *who, value v)
{
    require_kind(who, v, K_INT);
    return v.as.i;
}

static long divisor(const char *who, value v)
{
    long d = int_arg(who, v);
    if (d == 0)
        fail(FAIL_ERROR, "%s: division by zero", who);
    return d;
}

static value p_quotient(int argc, value *argv)
{
    return make_int(int_arg("quotient", argv[0]) / divisor("quotient", argv[1]));
}

static value p_remainder(int argc, value *argv)
{
    return make_int(int_arg("remainder", argv[0]) % divisor("remainder", argv[1]));
}

static value p_modulo(int argc, value *argv)
{
    long d = divisor("modulo", argv[1]), m = int_arg("modulo", argv[0]) % d;
    return make_int(m != 0 && (m < 0) != (d < 0) ? m + d : m);
}

/* = < > <= >=: each pair of neighbours compared (as integers if both are); op says which
 * comparison. A NaN compares false with everything, as in IEEE arithmetic. */
static value compare(const char *who, int op, int argc, value *argv)
{
    if (argc == 1)
        real_arg(who, argv[0]);
    for (int i = 0; i + 1 < argc; i++) {
        value a = argv[i], b = argv[i + 1];
        int order;                  /* <0, 0, >0 */
        if (a.kind == K_INT && b.kind == K_INT) {
            order = (a.as.i > b.as.i) - (a.as.i < b.as.i);
        } else {
            double x = real_arg(who, a), y = real_arg(who, b);
            if (isnan(x) || isnan(y))
                return FALSE;
            order = (x > y) - (x < y);
        }
        int ok = op == 0 ? order == 0 : op == 1 ? order < 0 : op == 2 ? order > 0 : op == 3 ? order <= 0 : order >= 0;
        if (!ok)
            return FALSE;
    }
    return TRUE;
}

static value p_eqn(int argc, value *argv) { return compare("=", 0, argc, argv); }
static value p_lt(int argc, value *argv) { return compare("<", 1, argc, argv); }
static value p_gt(int argc, value *argv) { return compare(">", 2, argc, argv); }
static value p_le(int argc, value *argv) { return compare("<=", 3, argc, argv); }
static value p_ge(int argc, value *argv) { return compare(">=", 4, argc, argv); }

static value extreme(const char *who, int want_max, int argc, value *argv)
{
    require_numbers(who, argc, argv);
    value best = argv[0];
    for (int i = 1; i < argc; i++)
        if ((as_double(argv[i]) > as_double(best)) == want_max && as_double(argv[i]) != as_double(best))
            best = argv[i];
    return all_ints(argc, argv) ? best : make_real(as_double(best));
}

static value p_min(int argc, value *argv) { return extreme("min", 0, argc, argv); }
static value p_max(int argc, value *argv) { return extreme("max", 1, argc, argv); }

static value p_abs(int argc, value *argv)
{
    require_number("abs", argv[0]);
    return argv[0].kind == K_INT ? make_int(labs(argv[0].as.i)) : make_real(fabs(argv[0].as.d));
}

/* The real functions of one real: the argument may be an integer; the result is real. */
static value p_sin(int argc, value *argv) { return make_real(sin(real_arg("sin", argv[0]))); }
static value p_cos(int argc, value *argv) { return make_real(cos(real_arg("cos", argv[0]))); }
static value p_tan(int argc, value *argv) { return make_real(tan(real_arg("tan", argv[0]))); }
static value p_exp(int argc, value *argv) { return make_real(exp(real_arg("exp", argv[0]))); }
static value p_log(int argc, value *argv) { return make_real(log(real_arg("log", argv[0]))); }
static value p_sqrt(int argc, value *argv) { return make_real(sqrt(real_arg("sqrt", argv[0]))); }

static value p_atan(int argc, value *argv)
{
    double y = real_arg("atan", argv[0]);
    return make_real(argc == 2 ? atan2(y, real_arg("atan", argv[1])) : atan(y));
}

static value p_expt(int argc, value *argv)
{
    if (all_ints(2, argv) && argv[1].as.i >= 0) {
        long r = 1;
        for (long i = 0; i < argv[1].as.i; i++)
            r *= argv[0].as.i;
        return make_int(r);
    }
    return make_real(pow(real_arg("expt", argv[0]), real_arg("expt", argv[1])));
}

/* floor ceiling round truncate: an integer stays as it is; a real is rounded, still real. */
static value rounding(const char *who, double (*f)(double), value v)
{
    require_number(who, v);
    return v.kind == K_INT ? v : make_real(f(v.as.d));
}

static value p_floor(int argc, value *argv) { return rounding("floor", floor, argv[0]); }
static value p_ceiling(int argc, value *argv) { return rounding("ceiling", ceil, argv[0]); }
static value p_round(int argc, value *argv) { return rounding("round", rint, argv[0]); }
static value p_truncate(int argc, value *argv) { return rounding("truncate", trunc, argv[0]); }

static value p_exact(int argc, value *argv)
{
    double d = real_arg("exact", argv[0]);
    if (!isfinite(d))
        fail(FAIL_ERROR, "exact: %s has no integer", isnan(d) ? "nan" : "an infinity");
    return make_int((long)d);
}

static value p_inexact(int argc, value *argv) { return make_real(real_arg("inexact", argv[0])); }

/* ---- tests ---- */

static value p_numberp(int argc, value *argv) { return make_bool(is_number(argv[0])); }
static value p_integerp(int argc, value *argv) { return make_bool(argv[0].kind == K_INT); }
static value p_realp(int argc, value *argv) { return make_bool(argv[0].kind == K_REAL); }
static value p_stringp(int argc, value *argv) { return make_bool(argv[0].kind == K_STRING); }
static value p_symbolp(int argc, value *argv) { return make_bool(argv[0].kind == K_SYMBOL); }
static value p_pairp(int argc, value *argv) { return make_bool(argv[0].kind == K_PAIR); }
static value p_nullp(int argc, value *argv) { return make_bool(argv[0].kind == K_NIL); }
static value p_listp(int argc, value *argv) { return make_bool(is_list(argv[0])); }
static value p_booleanp(int argc, value *argv) { return make_bool(argv[0].kind == K_BOOL); }
static value p_not(int argc, value *argv) { return make_bool(!is_true(argv[0])); }
static value p_eqp(int argc, value *argv) { return make_bool(eq(argv[0], argv[1])); }
static value p_equalp(int argc, value *argv) { return make_bool(equal(argv[0], argv[1])); }

static value p_procedurep(int argc, value *argv)
{
    return make_bool(argv[0].kind == K_PRIM || argv[0].kind == K_CLOSURE);
}

static value p_zerop(int argc, value *argv)
{
    require_number("zero?", argv[0]);
    return make_bool(as_double(argv[0]) == 0);
}

/* ---- lists ---- */

static value p_cons(int argc, value *argv) { return cons(argv[0], argv[1]); }
static value p_car(int argc, value *argv) { return car(argv[0]); }
static value p_cdr(int argc, value *argv) { return cdr(argv[0]); }

static value p_list(int argc, value *argv)
{
    value list = NIL;
    while (argc > 0)
        list = cons(argv[--argc], list);
    return list;
}

static value proper_list(const char *who, value v)
{
    if (!is_list(v))
        fail(FAIL_ERROR, "%s: expected a list, got a %s", who, kind_name(v.kind));
    return v;
}

static value p_length(int argc, value *argv)
{
    return make_int(list_length(proper_list("length", argv[0])));
}

static value p_reverse(int argc, value *argv)
{
    value r = NIL;
    for (value l = proper_list("reverse", argv[0]); l.kind == K_PAIR; l = l.as.pair->cdr)
        r = cons(l.as.pair->car, r);
    return r;
}

/* (append l1 l2 ... last): copies of all the lists but the last, which is shared. */
static value p_append(int argc, value *argv)
{
    if (argc == 0)
        return NIL;
    value head = NIL, *tail = &head;
    for (int i = 0; i < argc - 1; i++)
        for (value l = proper_list("append", argv[i]); l.kind == K_PAIR; l = l.as.pair->cdr) {
            *tail = cons(l.as.pair->car, NIL);
            tail = &tail->as.pair->cdr;
        }
    *tail = argv[argc - 1];
    return head;
}

static value p_list_ref(int argc, value *argv)
{
    value l = argv[0];
    for (long k = int_arg("list-ref", argv[1]); k > 0; k--)
        l = cdr(l);
    return car(l);
}

static value p_set_car(int argc, value *argv)
{
    require_kind("set-car!", argv[0], K_PAIR);
    argv[0].as.pair->car = argv[1];
    return argv[1];
}

static value p_set_cdr(int argc, value *argv)
{
    require_kind("set-cdr!", argv[0], K_PAIR);
    argv[0].as.pair->cdr = argv[1];
    return argv[1];
}

/* (apply fn a b ... list): fn called with a, b, ... and the elements of list. */
static value p_apply(int argc, value *argv)
{
    value last = proper_list("apply", argv[argc - 1]);
    int n = argc - 2 + (int)list_length(last);
    value *args = arena_alloc(sizeof(value) * (n + 1));
    int i;
    for (i = 0; i < argc - 2; i++)
        args[i] = argv[i + 1];
    for (; last.kind == K_PAIR; last = last.as.pair->cdr)
        args[i++] = last.as.pair->car;
    return apply(argv[0], n, args);
}

/* ---- strings ---- */

static struct string *str_arg(const char *who, value v)
{
    require_kind(who, v, K_STRING);
    return v.as.str;
}

static value p_string_length(int argc, value *argv)
{
    return make_int(str_arg("string-length", argv[0])->len);
}

static value p_string_append(int argc, value *argv)
{
    struct buf b;
    buf_init(&b);
    for (int i = 0; i < argc; i++) {
        struct string *s = str_arg("string-append", argv[i]);
        buf_addn(&b, s->chars, s->len);
    }
    value v = make_string(b.s, b.len);
    free(b.s);
    return v;
}

static value p_substring(int argc, value *argv)
{
    struct string *s = str_arg("substring", argv[0]);
    long start = int_arg("substring", argv[1]);
    long end = argc == 3 ? int_arg("substring", argv[2]) : s->len;
    if (start < 0 || start > end || end > s->len)
        fail(FAIL_ERROR, "substring: %ld..%ld is outside a string of %ld", start, end, s->len);
    return make_string(s->chars + start, end - start);
}

static int string_compare(const char *who, value a, value b)
{
    struct string *x = str_arg(who, a), *y = str_arg(who, b);
    long n = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->chars, y->chars, n);
    return c ? c : (x->len > y->len) - (x->len < y->len);
}

static value p_string_eq(int argc, value *argv) { return make_bool(string_compare("string=?", argv[0], argv[1]) == 0); }
static value p_string_lt(int argc, value *argv) { return make_bool(string_compare("string<?", argv[0], argv[1]) < 0); }

/* (string-split s): the words of s, split at white space, as a list of strings. */
static value p_string_split(int argc, value *argv)
{
    struct string *s = str_arg("string-split", argv[0]);
    value head = NIL, *tail = &head;
    long i = 0;
    for (;;) {
        while (i < s->len && isspace((unsigned char)s->chars[i]))
            i++;
        if (i == s->len)
            return head;
        long start = i;
        while (i < s->len && !isspace((unsigned char)s->chars[i]))
            i++;
        *tail = cons(make_string(s->chars + start, i - start), NIL);
        tail = &tail->as.pair->cdr;
    }
}

static value change_case(const char *who, int (*f)(int), value v)
{
    struct string *s = str_arg(who, v);
    value r = make_string(s->chars, s->len);
    for (long i = 0; i < s->len; i++)
        r.as.str->chars[i] = (char)f((unsigned char)s->chars[i]);
    return r;
}

static value p_string_downcase(int argc, value *argv) { return change_case("string-downcase", tolower, argv[0]); }
static value p_string_upcase(int argc, value *argv) { return change_case("string-upcase", toupper, argv[0]); }

/* (string->number s): the number s reads as (as the reader reads numbers), or #f. */
static value p_string_to_number(int argc, value *argv)
{
    struct string *s = str_arg("string->number", argv[0]);
    value v;
    return parse_number(s->chars, &v) && (long)strlen(s->chars) == s->len ? v : FALSE;
}

static value p_number_to_string(int argc, value *argv)
{
    require_number("number->string", argv[0]);
    struct buf b;
    buf_init(&b);
    print_value(&b, argv[0], 0);
    value v = make_string(b.s, b.len);
    free(b.s);
    return v;
}

static value p_string_to_symbol(int argc, value *argv)
{
    struct string *s = str_arg("string->symbol", argv[0]);
    return intern_n(s->chars, s->len);
}

static value p_symbol_to_string(int argc, value *argv)
{
    require_kind("symbol->string", argv[0], K_SYMBOL);
    return make_cstring(argv[0].as.sym->name);
}

/* ---- output and errors ---- */

static value output(int argc, value *argv, int readable)
{
    struct buf b;
    buf_init(&b);
    print_value(&b, argv[0], readable);
    fwrite(b.s, 1, b.len, stdout);
    free(b.s);
    return NIL;
}

static value p_display(int argc, value *argv) { return output(argc, argv, 0); }
static value p_write(int argc, value *argv) { return output(argc, argv, 1); }

static value p_newline(int argc, value *argv)
{
    putchar('\n');
    return NIL;
}

/* The message of (error "text" irritant ...): the text, then each irritant as write shows it. */
_Noreturn static void raise_failure(enum failure kind, int argc, value *argv)
{
    struct buf b;
    buf_init(&b);
    for (int i = 0; i < argc; i++) {
        if (i)
            buf_adds(&b, " ");
        print_value(&b, argv[i], i > 0);
    }
    fail(kind, "%s", b.s);
}

static value p_error(int argc, value *argv) { raise_failure(FAIL_ERROR, argc, argv); }
static value p_bad_argument(int argc, value *argv) { raise_failure(FAIL_ARGUMENT, argc, argv); }

static const struct prim primitives[] = {
    {"+", p_add, 0, -1}, {"-", p_sub, 1, -1}, {"*", p_mul, 0, -1}, {"/", p_div, 1, -1},
    {"quotient", p_quotient, 2, 2}, {"remainder", p_remainder, 2, 2}, {"modulo", p_modulo, 2, 2},
    {"=", p_eqn, 1, -1}, {"<", p_lt, 1, -1}, {">", p_gt, 1, -1}, {"<=", p_le, 1, -1},
    {">=", p_ge, 1, -1}, {"min", p_min, 1, -1}, {"max", p_max, 1, -1}, {"abs", p_abs, 1, 1},
    {"sin", p_sin, 1, 1}, {"cos", p_cos, 1, 1}, {"tan", p_tan, 1, 1}, {"atan", p_atan, 1, 2},
    {"sqrt", p_sqrt, 1, 1}, {"exp", p_exp, 1, 1}, {"log", p_log, 1, 1}, {"expt", p_expt, 2, 2},
    {"floor", p_floor, 1, 1}, {"ceiling", p_ceiling, 1, 1}, {"round", p_round, 1, 1},
    {"truncate", p_truncate, 1, 1}, {"exact", p_exact, 1, 1}, {"inexact", p_inexact, 1, 1},
    {"number?", p_numberp, 1, 1}, {"integer?", p_integerp, 1, 1}, {"real?", p_realp, 1, 1},
    {"string?", p_stringp, 1, 1}, {"symbol?", p_symbolp, 1, 1}, {"pair?", p_pairp, 1, 1},
    {"null?", p_nullp, 1, 1}, {"list?", p_listp, 1, 1}, {"procedure?", p_procedurep, 1, 1},
    {"boolean?", p_booleanp, 1, 1}, {"zero?", p_zerop, 1, 1}, {"not", p_not, 1, 1},
    {"eq?", p_eqp, 2, 2}, {"equal?", p_equalp, 2, 2},
    {"cons", p_cons, 2, 2}, {"car", p_car, 1, 1}, {"cdr", p_cdr, 1, 1}, {"list", p_list, 0, -1},
    {"length", p_length, 1, 1}, {"append", p_append, 0, -1}, {"reverse", p_reverse, 1, 1},
    {"list-ref", p_list_ref, 2, 2}, {"set-car!", p_set_car, 2, 2}, {"set-cdr!", p_set_cdr, 2, 2},
    {"apply", p_apply, 2, -1},
    {"string-length", p_string_length, 1, 1}, {"string-append", p_string_append, 0, -1},
    {"substring", p_substring, 2, 3}, {"string=?", p_string_eq, 2, 2},
    {"string<?", p_string_lt, 2, 2}, {"string-split", p_string_split, 1, 1},
    {"string-downcase", p_string_downcase, 1, 1}, {"string-upcase", p_string_upcase, 1, 1},
    {"string->number", p_string_to_number, 1, 1}, {"number->string", p_number_to_string, 1, 1},
    {"string->symbol", p_string_to_symbol, 1, 1}, {"symbol->string", p_symbol_to_string, 1, 1},
    {"display", p_display, 1, 1}, {"write", p_write, 1, 1}, {"newline", p_newline, 0, 0},
    {"error", p_error, 1, -1}, {"bad-argument", p_bad_argument, 1, -1},
};

void builtins_init(void)
{
    for (size_t i = 0; i < sizeof primitives / sizeof primitives[0]; i++) {
        value v = {K_PRIM};
        v.as.prim = &primitives[i];
        define_global(intern(primitives[i].name), v);
    }
}
