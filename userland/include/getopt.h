/* getopt.h - GNU's getopt_long and getopt_long_only (getopt itself is declared in unistd.h);
   libc/getopt.c says how they read their options. */
#ifndef _GETOPT_H
#define _GETOPT_H
#include <unistd.h>

struct option {
    const char *name;           /* the long option's name, without "--" */
    int has_arg;                /* no_argument, required_argument or optional_argument */
    int *flag;                  /* NULL: getopt_long returns val; else it stores val here, returns 0 */
    int val;
};

#define no_argument        0
#define required_argument  1
#define optional_argument  2

int getopt_long(int argc, char *const argv[], const char *optstring, const struct option *longopts,
                int *longindex);
int getopt_long_only(int argc, char *const argv[], const char *optstring, const struct option *longopts,
                     int *longindex);
#endif
