/* canonicalize.h - the canonical name of a file, in gnulib's interface (libc/realpath.c). */
#ifndef _CANONICALIZE_H
#define _CANONICALIZE_H

enum canonicalize_mode_t {
    CAN_EXISTING = 0,           /* every component must exist (realpath(3)) */
    CAN_ALL_BUT_LAST = 1,       /* all but the last */
    CAN_MISSING = 2,            /* none need exist */
    CAN_NOLINKS = 4             /* or'd in: symbolic links are names, not followed */
};
typedef enum canonicalize_mode_t canonicalize_mode_t;

/* The absolute name of path with no ".", "..", repeated '/' (or link): malloc'd, or NULL and
 * errno. */
char *canonicalize_filename_mode(const char *path, int mode);

#endif
