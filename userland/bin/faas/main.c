/*
 * main.c - faas, functions as a service from a zygote (the μFork paper's MicroPython experiment):
 *
 *     faas [-p PORT] [-c] [-l LIBRARY] [-s STEPS]     serve over HTTP (default port 8081)
 *     faas [-l LIBRARY] [-s STEPS] --call NAME [ARGS] call one function, print its result
 *     faas [-l LIBRARY] --eval EXPRESSIONS            evaluate Lisp, print the last value
 *     faas [-l LIBRARY] [-s STEPS] --inetd            answer one HTTP request on fd 0
 *
 * The server is a zygote: it loads the function library (LIBRARY, default /etc/faas.lisp) once,
 * then forks a warm copy of itself for every request. With -c (--cold) it loads nothing and
 * each request's child executes faas --inetd afresh, which pays the start-up every time: what
 * the zygote saves is the difference. A call may take STEPS evaluation steps (0: no limit).
 *
 * --call's ARGS are as a request's body (invoke.c): '{"n": 10}', '[10]', 'n=10'. It prints the
 * result as JSON and exits with 0, or prints the error on stderr and exits with 1.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "faas.h"

static void usage(void)
{
    fprintf(stderr, "usage: faas [-p PORT] [-c] [-l LIBRARY] [-s STEPS]\n"
                    "       faas [-l LIBRARY] [-s STEPS] --call NAME [ARGS]\n"
                    "       faas [-l LIBRARY] --eval EXPRESSIONS\n"
                    "       faas [-l LIBRARY] [-s STEPS] --inetd\n");
    exit(2);
}

/* A decimal number in [low, high], or usage. */
static long number(const char *s, long low, long high)
{
    char *end;
    long n = strtol(s, &end, 10);
    if (*s == '\0' || *end != '\0' || n < low || n > high)
        usage();
    return n;
}

/* The options before the mode, then the mode and its operands. */
static int parse_options(int argc, char **argv, struct config *c)
{
    int i;
    for (i = 1; i < argc && argv[i][0] == '-'; i++) {
        const char *a = argv[i];
        int has_value = i + 1 < argc;
        if (strcmp(a, "-c") == 0 || strcmp(a, "--cold") == 0)
            c->cold = 1;
        else if (strcmp(a, "-p") == 0 && has_value)
            c->port = (int)number(argv[++i], 1, 65535);
        else if (strcmp(a, "-l") == 0 && has_value)
            c->library = argv[++i];
        else if (strcmp(a, "-s") == 0 && has_value)
            c->steps = number(argv[++i], 0, 1L << 60);
        else if (strcmp(a, "--call") == 0 || strcmp(a, "--eval") == 0 || strcmp(a, "--inetd") == 0)
            break;
        else
            usage();
    }
    return i;
}

static int start_interpreter(const struct config *c)
{
    interpreter_init();
    step_limit = c->steps;
    return load_library(c->library);
}

static int call(const struct config *c, const char *name, const char *args)
{
    if (start_interpreter(c) < 0)
        return 1;
    struct arguments a = {args, (long)strlen(args), 0};
    struct buf body;
    int status = invoke(name, &a, &body);
    fwrite(body.s, 1, body.len, status == 200 ? stdout : stderr);
    return status == 200 ? 0 : 1;
}

static int evaluate(const struct config *c, const char *text)
{
    value last;
    if (start_interpreter(c) < 0 || load_text("--eval", text, (long)strlen(text), &last) < 0)
        return 1;
    struct buf out;
    buf_init(&out);
    print_value(&out, last, 1);
    buf_adds(&out, "\n");
    fwrite(out.s, 1, out.len, stdout);
    return 0;
}

int main(int argc, char **argv)
{
    struct config c = {8081, 0, "/etc/faas.lisp", DEFAULT_STEPS, "/bin/faas"};
    if (argv[0][0] == '/')
        c.self = argv[0];
    int i = parse_options(argc, argv, &c);
    const char *mode = i < argc ? argv[i] : "";
    int operands = argc - i - 1;
    if (strcmp(mode, "--call") == 0 && (operands == 1 || operands == 2))
        return call(&c, argv[i + 1], operands == 2 ? argv[i + 2] : "");
    if (strcmp(mode, "--eval") == 0 && operands == 1)
        return evaluate(&c, argv[i + 1]);
    if (strcmp(mode, "--inetd") == 0 && operands == 0)
        return start_interpreter(&c) < 0 ? 1 : serve_connection(0, &c);
    if (i < argc)
        usage();
    return serve(&c);
}
