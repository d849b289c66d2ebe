// strcpy past the end of a global char array faults. Hand-written expectations.
// status: 162
// stderr: capability bounds fault: store
#include <stdio.h>
#include <string.h>

char name[8];
char secret[8] = "hidden";

int main(void) {
    strcpy(name, "short");
    printf("%s %s\n", name, secret);
    fflush(stdout);
    strcpy(name, "overwrites the secret");
    printf("not reached %s\n", secret);
    return 0;
}
