// status: 162
/* A variable-length array is bounded to exactly its size: writing one element past its end
   stops the program with SIGPROT. */
#include <stdio.h>

static void overflow(int n)
{
    int a[n];
    for (int i = 0; i <= n; i++) {
        a[i] = i;
        printf("wrote a[%d]\n", i);
        fflush(stdout);
    }
}

int main(void)
{
    overflow(4);
    puts("not reached");
    return 0;
}
