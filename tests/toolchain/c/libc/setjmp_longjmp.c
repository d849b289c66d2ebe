// setjmp and longjmp: the second return carries the value (0 becomes 1), jumps out of nested
// calls, volatile locals keep their values, and a jmp_buf can be reused.
// expected: host
#include <stdio.h>
#include <setjmp.h>

static jmp_buf env;
static int depth_reached;

static void dive(int depth, int limit) {
    depth_reached = depth;
    if (depth == limit)
        longjmp(env, depth * 10);
    dive(depth + 1, limit);
    printf("never printed\n");
}

static int safe_div(int a, int b, jmp_buf err) {
    if (b == 0)
        longjmp(err, 0);                        /* setjmp returns 1 */
    return a / b;
}

int main(void) {
    volatile int count = 0;
    switch (setjmp(env)) {           /* setjmp may only be used in contexts like this one */
    case 0:
        count++;
        printf("setjmp returned 0 (count %d)\n", count);
        dive(1, 5);
        break;
    case 50:
        count++;
        printf("setjmp returned 50 (count %d)\n", count);
        break;
    default:
        printf("unexpected\n");
    }
    printf("depth %d\n", depth_reached);
    jmp_buf err;
    int tries[] = {5, 0, 2};
    for (int i = 0; i < 3; i++) {
        volatile int k = i;
        switch (setjmp(err)) {
        case 0:
            printf("100/%d = %d\n", tries[k], safe_div(100, tries[k], err));
            break;
        case 1:
            printf("error 1 at %d\n", k);
            break;
        default:
            printf("unexpected\n");
        }
    }
    volatile int loops = 0;
    if (setjmp(env) < 3) {
        loops++;
        if (loops < 4)
            longjmp(env, loops);
    }
    printf("loops %d\n", loops);
    return 0;
}
