/*
 * faas.h - what main.c and server.c share: the configuration, and the two ways of serving.
 * The interpreter is lisp.h's.
 */
#ifndef FAAS_H
#define FAAS_H

#include "lisp.h"

#define DEFAULT_STEPS 10000000L     /* evaluation steps a call may take (-s); float_operation: 8 a round */

struct config {
    int port;                       /* -p: where the server listens */
    int cold;                       /* -c: exec a fresh faas per request instead of forking a warm one */
    const char *library;            /* -l: the Lisp file of functions */
    long steps;                     /* -s: the step limit of one call (0: none) */
    const char *self;               /* this program, as cold start executes it */
};

int serve(const struct config *c);                        /* the zygote, or the cold-start server */
int serve_connection(int fd, const struct config *c);     /* one request, answered; fd closed */

#endif
