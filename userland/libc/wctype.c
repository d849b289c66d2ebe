/*
 * wctype.c - wide character classes and case (wctype.h) in the C locale: ctype.c's, since a
 * wide character above 0x7f (or WEOF, -1 as an int) is in no class of ctype.c's either.
 */
#include <ctype.h>
#include <string.h>
#include <wctype.h>
#include "libc.h"

int iswalnum(wint_t wc) { return isalnum((int)wc); }
int iswalpha(wint_t wc) { return isalpha((int)wc); }
int iswblank(wint_t wc) { return isblank((int)wc); }
int iswcntrl(wint_t wc) { return iscntrl((int)wc); }
int iswdigit(wint_t wc) { return isdigit((int)wc); }
int iswgraph(wint_t wc) { return isgraph((int)wc); }
int iswlower(wint_t wc) { return islower((int)wc); }
int iswprint(wint_t wc) { return isprint((int)wc); }
int iswpunct(wint_t wc) { return ispunct((int)wc); }
int iswspace(wint_t wc) { return isspace((int)wc); }
int iswupper(wint_t wc) { return isupper((int)wc); }
int iswxdigit(wint_t wc) { return isxdigit((int)wc); }
wint_t towlower(wint_t wc) { return (wint_t)tolower((int)wc); }
wint_t towupper(wint_t wc) { return (wint_t)toupper((int)wc); }

/* A wctype_t is 1 + the class's index in ctype.c's __ctype_classes. */
wctype_t wctype(const char *property)
{
    return (wctype_t)(__ctype_class(property, strlen(property)) + 1);
}

int iswctype(wint_t wc, wctype_t desc)
{
    return desc >= 1 && desc <= (wctype_t)__ctype_nclasses && __ctype_classes[desc - 1].is((int)wc);
}

enum { TO_LOWER = 1, TO_UPPER = 2 };            /* the wctrans_t values */

wctrans_t wctrans(const char *property)
{
    if (strcmp(property, "tolower") == 0)
        return TO_LOWER;
    return strcmp(property, "toupper") == 0 ? TO_UPPER : 0;
}

wint_t towctrans(wint_t wc, wctrans_t desc)
{
    if (desc == TO_LOWER)
        return towlower(wc);
    return desc == TO_UPPER ? towupper(wc) : wc;
}
