// sizeof every scalar type in the purecap data model (docs/abi.md): pointers are 16-byte
// capabilities, long is 8 bytes. Hand-written expectations.
#include <stdio.h>
#include <stddef.h>
#include <stdint.h>

enum e { E0, E1 };
typedef int (*fnptr)(int);

int main(void) {
    printf("_Bool %d\n", (int)sizeof(_Bool));
    printf("char %d\n", (int)sizeof(char));
    printf("short %d\n", (int)sizeof(short));
    printf("int %d\n", (int)sizeof(int));
    printf("long %d\n", (int)sizeof(long));
    printf("long long %d\n", (int)sizeof(long long));
    printf("float %d\n", (int)sizeof(float));
    printf("double %d\n", (int)sizeof(double));
    printf("enum %d\n", (int)sizeof(enum e));
    printf("void * %d\n", (int)sizeof(void *));
    printf("char * %d\n", (int)sizeof(char *));
    printf("int ** %d\n", (int)sizeof(int **));
    printf("function pointer %d\n", (int)sizeof(fnptr));
    printf("size_t %d\n", (int)sizeof(size_t));
    printf("ptrdiff_t %d\n", (int)sizeof(ptrdiff_t));
    printf("intptr_t %d\n", (int)sizeof(intptr_t));
    printf("uintptr_t %d\n", (int)sizeof(uintptr_t));
    printf("int64_t %d\n", (int)sizeof(int64_t));
    printf("uint8_t %d\n", (int)sizeof(uint8_t));
    printf("pointer array %d\n", (int)sizeof(char *[3]));
    return 0;
}
