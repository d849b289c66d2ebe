/*
 * wctype.h - classes and case of wide characters (C11 7.30), for the C locale. Implemented in
 * userland/libc/wctype.c.
 *
 * As in glibc's C locale, only ASCII characters belong to classes and have a case: iswalpha
 * and the rest are 0 for every character above 0x7f (and for WEOF), and towlower/towupper
 * return those unchanged. wctype knows the twelve names of ctype.h's classes ("alpha", ...),
 * wctrans "tolower" and "toupper"; another name gives 0.
 */
#ifndef _WCTYPE_H
#define _WCTYPE_H

typedef unsigned int wint_t;        /* as in wchar.h */
typedef unsigned long wctype_t;     /* a class from wctype; 0: none */
typedef unsigned long wctrans_t;    /* a mapping from wctrans; 0: none */

#ifndef WEOF
#define WEOF ((wint_t)-1)
#endif

int iswalnum(wint_t wc);
int iswalpha(wint_t wc);
int iswblank(wint_t wc);
int iswcntrl(wint_t wc);
int iswdigit(wint_t wc);
int iswgraph(wint_t wc);
int iswlower(wint_t wc);
int iswprint(wint_t wc);
int iswpunct(wint_t wc);
int iswspace(wint_t wc);
int iswupper(wint_t wc);
int iswxdigit(wint_t wc);
int iswctype(wint_t wc, wctype_t desc);
wctype_t wctype(const char *property);
wint_t towlower(wint_t wc);
wint_t towupper(wint_t wc);
wint_t towctrans(wint_t wc, wctrans_t desc);
wctrans_t wctrans(const char *property);

#endif
