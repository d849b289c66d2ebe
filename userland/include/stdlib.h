/*
 * stdlib.h - general utilities (C11 7.22, plus setenv and friends from POSIX).
 *
 * malloc returns a capability bounded to exactly the bytes asked for (rounded up only where
 * CHERI Concentrate cannot represent the length, for 16 KiB and more): reading or writing past
 * the end of an allocation is a capability fault, not silent corruption.
 */
#ifndef _STDLIB_H
#define _STDLIB_H

#include <sys/_types.h>
#include <alloca.h>             /* alloca, which glibc's and the BSDs' stdlib.h declare too */

#ifndef NULL
#define NULL ((void *)0)
#endif

#define EXIT_SUCCESS 0
#define EXIT_FAILURE 1
#define RAND_MAX 2147483647
#define MB_CUR_MAX 1

typedef int wchar_t;
/* multibyte characters of the C locale: one ASCII byte each (libc/wchar.c) */
int mblen(const char *s, size_t n);
int mbtowc(wchar_t *pwc, const char *s, size_t n);
int wctomb(char *s, wchar_t wc);
size_t mbstowcs(wchar_t *dest, const char *src, size_t n);
size_t wcstombs(char *dest, const wchar_t *src, size_t n);

typedef struct { int quot; int rem; } div_t;
typedef struct { long quot; long rem; } ldiv_t;
typedef struct { long long quot; long long rem; } lldiv_t;

/* Memory */
void *malloc(size_t size);
void *calloc(size_t nmemb, size_t size);
void *realloc(void *ptr, size_t size);
void *reallocarray(void *ptr, size_t nmemb, size_t size);
void free(void *ptr);
void *aligned_alloc(size_t alignment, size_t size);
int posix_memalign(void **memptr, size_t alignment, size_t size);
size_t malloc_usable_size(void *ptr);

/* Numbers from strings */
int atoi(const char *nptr);
long atol(const char *nptr);
long long atoll(const char *nptr);
double atof(const char *nptr);
long strtol(const char *nptr, char **endptr, int base);
unsigned long strtoul(const char *nptr, char **endptr, int base);
long long strtoll(const char *nptr, char **endptr, int base);
unsigned long long strtoull(const char *nptr, char **endptr, int base);
double strtod(const char *nptr, char **endptr);
float strtof(const char *nptr, char **endptr);
long double strtold(const char *nptr, char **endptr);

/* Arithmetic */
int abs(int j);
long labs(long j);
long long llabs(long long j);
div_t div(int numer, int denom);
ldiv_t ldiv(long numer, long denom);
lldiv_t lldiv(long long numer, long long denom);

/* Pseudo-random numbers: a deterministic 64-bit linear congruential generator */
int rand(void);
void srand(unsigned int seed);
int rand_r(unsigned int *seedp);
long random(void);
void srandom(unsigned int seed);

/* POSIX's drand48 family: a 48-bit generator that gives the same numbers as every other system */
double drand48(void);
double erand48(unsigned short xsubi[3]);
long lrand48(void);
long nrand48(unsigned short xsubi[3]);
long mrand48(void);
long jrand48(unsigned short xsubi[3]);
void srand48(long seedval);
unsigned short *seed48(unsigned short seed16v[3]);

/* Random numbers from the kernel (/dev/urandom), for keys and salts (BSD, glibc 2.36); they
 * never fail. unsigned int is uint32_t (stdint.h). */
unsigned int arc4random(void);
unsigned int arc4random_uniform(unsigned int upper_bound);     /* 0 .. upper_bound - 1 */
void arc4random_buf(void *buf, size_t n);

/* Sorting and searching */
void qsort(void *base, size_t nmemb, size_t size, int (*compar)(const void *, const void *));
void qsort_r(void *base, size_t nmemb, size_t size,             /* POSIX 2024, as glibc's */
             int (*compar)(const void *, const void *, void *), void *arg);
void *bsearch(const void *key, const void *base, size_t nmemb, size_t size,
              int (*compar)(const void *, const void *));

/* Temporary files (POSIX): the template's last six characters, XXXXXX, become a new name */
int mkstemp(char *template);
char *mkdtemp(char *template);

/* The absolute path of a file, without ".", ".." or "//" (resolved: PATH_MAX bytes, or NULL
 * for a malloc'd copy) */
char *realpath(const char *path, char *resolved);
char *canonicalize_file_name(const char *path);    /* GNU's: the same, malloc'd */

/* The environment and the end of the program */
char *getenv(const char *name);
int setenv(const char *name, const char *value, int overwrite);
int unsetenv(const char *name);
int putenv(char *string);
int clearenv(void);
int system(const char *command);
int atexit(void (*function)(void));
int at_quick_exit(void (*function)(void));
_Noreturn void quick_exit(int status);     /* at_quick_exit's functions, then _Exit */
_Noreturn void exit(int status);
_Noreturn void _Exit(int status);
_Noreturn void abort(void);

#endif
