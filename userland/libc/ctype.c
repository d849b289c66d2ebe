/*
 * ctype.c - character classes for the "C" locale (ASCII).
 *
 * The argument is an int holding EOF or an unsigned char value. Bytes 128-255 belong to no
 * class; so do negative values such as a plain (signed) char above 127 passed by mistake.
 * The classes can also be looked up by name (__ctype_class: fnmatch's [:alpha:], wctype).
 */
#include <ctype.h>
#include <string.h>
#include "libc.h"

int isascii(int c) { return c >= 0 && c <= 127; }
int isdigit(int c) { return c >= '0' && c <= '9'; }
int islower(int c) { return c >= 'a' && c <= 'z'; }
int isupper(int c) { return c >= 'A' && c <= 'Z'; }
int isalpha(int c) { return islower(c) || isupper(c); }
int isalnum(int c) { return isalpha(c) || isdigit(c); }
int isxdigit(int c) { return isdigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
int isblank(int c) { return c == ' ' || c == '\t'; }
int isspace(int c) { return c == ' ' || (c >= '\t' && c <= '\r'); }   /* \t \n \v \f \r */
int iscntrl(int c) { return (c >= 0 && c < 32) || c == 127; }
int isprint(int c) { return c >= 32 && c < 127; }
int isgraph(int c) { return c > 32 && c < 127; }
int ispunct(int c) { return isgraph(c) && !isalnum(c); }
int tolower(int c) { return isupper(c) ? c - 'A' + 'a' : c; }
int toupper(int c) { return islower(c) ? c - 'a' + 'A' : c; }
int toascii(int c) { return c & 0x7f; }

const struct __ctype_class __ctype_classes[] = {
    {"alnum", isalnum}, {"alpha", isalpha}, {"blank", isblank}, {"cntrl", iscntrl},
    {"digit", isdigit}, {"graph", isgraph}, {"lower", islower}, {"print", isprint},
    {"punct", ispunct}, {"space", isspace}, {"upper", isupper}, {"xdigit", isxdigit},
};
const int __ctype_nclasses = sizeof __ctype_classes / sizeof __ctype_classes[0];

int __ctype_class(const char *name, size_t len)
{
    for (int i = 0; i < __ctype_nclasses; i++)
        if (strncmp(__ctype_classes[i].name, name, len) == 0 && __ctype_classes[i].name[len] == '\0')
            return i;
    return -1;
}
