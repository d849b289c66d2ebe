// setvbuf(stdout, NULL, _IONBF, 0) before any output: printf and write(2) then reach stdout in
// program order, even for text without a newline.
// expected: host
#include <stdio.h>
#include <unistd.h>

int main(void) {
    int rc = setvbuf(stdout, NULL, _IONBF, 0);
    printf("setvbuf %d\n", rc);
    printf("unbuffered 1\n");
    write(1, "write 2\n", 8);
    printf("unbuffered 3, no newline:");
    write(1, " write 4\n", 9);
    putchar('5');
    write(1, "6\n", 2);
    return 0;
}
