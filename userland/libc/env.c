/*
 * env.c - the environment: getenv, setenv, unsetenv, putenv, clearenv.
 *
 * environ starts as the envp array the kernel gave the program (start.c). The first change
 * copies the array into one malloc'd here (the kernel's cannot grow), and later changes
 * grow or edit that copy. Strings made by setenv are malloc'd; putenv's are the caller's.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

char **environ;             /* the environment: NAME=value strings, then NULL */
static char **owned;        /* environ, when it is our own copy */

/* The index of the variable called name (len bytes) in environ, or -1. */
static int find(const char *name, size_t len)
{
    int i;

    if (environ == NULL)
        return -1;
    for (i = 0; environ[i] != NULL; i++)
        if (strncmp(environ[i], name, len) == 0 && environ[i][len] == '=')
            return i;
    return -1;
}

static int count(void)
{
    int n = 0;

    while (environ != NULL && environ[n] != NULL)
        n++;
    return n;
}

/* Make environ our own array, with room for `extra` more entries. */
static int own(int extra)
{
    int n = count(), i;
    char **copy = malloc(((size_t)n + (size_t)extra + 1) * sizeof(char *));

    if (copy == NULL)
        return -1;
    for (i = 0; i < n; i++)
        copy[i] = environ[i];
    copy[n] = NULL;
    free(owned);
    environ = owned = copy;
    return 0;
}

char *getenv(const char *name)
{
    size_t len = strlen(name);
    int i = find(name, len);

    return i < 0 ? NULL : environ[i] + len + 1;
}

/* Put entry (NAME=value) in the environment, replacing the variable called name. */
static int put(char *entry, size_t name_len)
{
    int i = find(entry, name_len), n;

    if (i >= 0) {
        if (environ != owned && own(0) < 0)
            return -1;
        environ[i] = entry;
        return 0;
    }
    n = count();
    if (own(1) < 0)
        return -1;
    environ[n] = entry;
    environ[n + 1] = NULL;
    return 0;
}

int setenv(const char *name, const char *value, int overwrite)
{
    size_t nlen, vlen;
    char *entry;

    if (name == NULL || *name == '\0' || strchr(name, '=') != NULL) {
        errno = EINVAL;
        return -1;
    }
    nlen = strlen(name);
    if (!overwrite && find(name, nlen) >= 0)
        return 0;
    vlen = strlen(value);
    entry = malloc(nlen + vlen + 2);
    if (entry == NULL)
        return -1;
    memcpy(entry, name, nlen);
    entry[nlen] = '=';
    memcpy(entry + nlen + 1, value, vlen + 1);
    return put(entry, nlen);
}

int putenv(char *string)
{
    char *eq = strchr(string, '=');

    if (eq == NULL)
        return unsetenv(string);
    return put(string, (size_t)(eq - string));
}

int unsetenv(const char *name)
{
    size_t len;
    int i;

    if (name == NULL || *name == '\0' || strchr(name, '=') != NULL) {
        errno = EINVAL;
        return -1;
    }
    len = strlen(name);
    while ((i = find(name, len)) >= 0) {
        if (environ != owned && own(0) < 0)
            return -1;
        for (; environ[i] != NULL; i++)
            environ[i] = environ[i + 1];
    }
    return 0;
}

int clearenv(void)
{
    free(owned);
    owned = NULL;
    environ = NULL;
    return 0;
}
