// strcpy of a string that does not fit its heap buffer faults inside strcpy.
// Hand-written expectations.
// status: 162
// stderr: capability bounds fault: store
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
    char *name = malloc(8);
    strcpy(name, "seven77");
    printf("%s fits\n", name);
    fflush(stdout);
    strcpy(name, "eight888");
    printf("not reached\n");
    return 0;
}
