// %p and %#p print capabilities. Only stable properties are checked: %p starts with the address
// in hex, and %#p (CHERI C's full form, e.g. "0x1010 [rwRW,0x1000-0x1040]") shows the bounds that
// cheri_base_get and cheri_length_get report. Hand-written expectations.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cheriintrin.h>

static int starts_with(const char *s, const char *prefix) {
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

static void check(const char *what, void *p) {
    char text[160], addr[40], bounds[80];
    snprintf(addr, sizeof addr, "0x%lx", (unsigned long)cheri_address_get(p));
    unsigned long base = (unsigned long)cheri_base_get(p);
    unsigned long top = base + (unsigned long)cheri_length_get(p);
    snprintf(bounds, sizeof bounds, ",0x%lx-0x%lx]", base, top);
    snprintf(text, sizeof text, "%p", p);
    int plain = starts_with(text, addr);
    snprintf(text, sizeof text, "%#p", p);
    int full_addr = starts_with(text, addr);
    int full_bounds = strstr(text, bounds) != NULL;
    printf("%s: %%p address %d, %%#p address %d, %%#p bounds %d\n", what, plain, full_addr, full_bounds);
}

static char global_buf[100];

int main(void) {
    char *heap = malloc(40);
    int local = 5;
    check("heap", heap);
    check("heap + 8", heap + 8);
    check("stack", &local);
    check("global", global_buf);
    check("global + 99", global_buf + 99);
    check("literal", (void *)"literal");
    char line[200];
    int n = snprintf(line, sizeof line, "[%p]", (void *)heap);
    printf("%d\n", n > 4 && line[0] == '[' && line[1] == '0' && line[2] == 'x' && line[n - 1] == ']');
    free(heap);
    return 0;
}
