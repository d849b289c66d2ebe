/*
 * locale.c - setlocale and localeconv for the one locale ufos has, "C" (C11 7.11).
 *
 * setlocale(cat, NULL) asks for the current name; "C", "POSIX" and "" (the environment's choice,
 * which can only be C here) select it; any other name is refused with NULL, as C says.
 */
#include <limits.h>
#include <locale.h>
#include <string.h>

char *setlocale(int category, const char *locale)
{
    if (category < LC_CTYPE || category > LC_ALL)
        return NULL;
    if (locale == NULL || locale[0] == '\0' || strcmp(locale, "C") == 0 || strcmp(locale, "POSIX") == 0)
        return "C";
    return NULL;
}

/* The C locale's conventions: "." and nothing else; CHAR_MAX means "not available". */
struct lconv *localeconv(void)
{
    static struct lconv c_locale = {
        ".", "", "", "", "", "", "", "", "", "",
        CHAR_MAX, CHAR_MAX, CHAR_MAX, CHAR_MAX, CHAR_MAX, CHAR_MAX, CHAR_MAX, CHAR_MAX,
        CHAR_MAX, CHAR_MAX, CHAR_MAX, CHAR_MAX, CHAR_MAX, CHAR_MAX,
    };
    return &c_locale;
}
