// The classic attack: overflow a buffer in a struct into the function pointer after it. On CHERI
// the program stops with SIGPROT, either at the overflowing store or at the call through the
// now-untagged pointer. Hand-written expectations.
// status: 162
// stderr: SIGPROT: capability
#include <stdio.h>
#include <string.h>

struct greeter { char name[16]; void (*greet)(const char *); };

static void polite(const char *n) { printf("hello, %s\n", n); }

int main(void) {
    struct greeter g;
    g.greet = polite;
    strcpy(g.name, "world");
    g.greet(g.name);
    fflush(stdout);
    const char *attack = "AAAAAAAAAAAAAAAABBBBBBBBBBBBBBBB";
    for (int i = 0; attack[i]; i++)
        g.name[i] = attack[i];
    g.greet(g.name);
    printf("not reached\n");
    return 0;
}
