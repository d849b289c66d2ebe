// A tiny bytecode interpreter with a dispatch table of function pointers: factorials, a
// countdown and a sum, with loops and conditional jumps.
// expected: host
#include <stdio.h>

enum { PUSH, ADD, SUB, MUL, DUP, SWAP, JZ, JMP, PRINT, HALT, OVER, DROP };

struct vm { long stack[64]; int sp; int pc; const long *code; int running; };

static void op_push(struct vm *m) { m->stack[m->sp++] = m->code[m->pc++]; }
static void op_add(struct vm *m) { m->sp--; m->stack[m->sp - 1] += m->stack[m->sp]; }
static void op_sub(struct vm *m) { m->sp--; m->stack[m->sp - 1] -= m->stack[m->sp]; }
static void op_mul(struct vm *m) { m->sp--; m->stack[m->sp - 1] *= m->stack[m->sp]; }
static void op_dup(struct vm *m) { m->stack[m->sp] = m->stack[m->sp - 1]; m->sp++; }
static void op_swap(struct vm *m) { long t = m->stack[m->sp - 1]; m->stack[m->sp - 1] = m->stack[m->sp - 2]; m->stack[m->sp - 2] = t; }
static void op_jz(struct vm *m) { long target = m->code[m->pc++]; if (m->stack[--m->sp] == 0) m->pc = (int)target; }
static void op_jmp(struct vm *m) { m->pc = (int)m->code[m->pc]; }
static void op_print(struct vm *m) { printf("%ld\n", m->stack[--m->sp]); }
static void op_halt(struct vm *m) { m->running = 0; }
static void op_over(struct vm *m) { m->stack[m->sp] = m->stack[m->sp - 2]; m->sp++; }
static void op_drop(struct vm *m) { m->sp--; }

static void (*const dispatch[])(struct vm *) = {op_push, op_add, op_sub, op_mul, op_dup, op_swap,
                                                 op_jz, op_jmp, op_print, op_halt, op_over, op_drop};

static long run(const long *code) {
    struct vm m = {{0}, 0, 0, code, 1};
    long steps = 0;
    while (m.running) {
        dispatch[code[m.pc++]](&m);
        steps++;
    }
    return steps;
}

int main(void) {
    /* factorial(n) for n = 1..10 with straight-line code built at run time */
    for (int n = 1; n <= 10; n++) {
        long code[64];
        int k = 0;
        code[k++] = PUSH;
        code[k++] = 1;
        for (int i = 2; i <= n; i++) {
            code[k++] = PUSH;
            code[k++] = i;
            code[k++] = MUL;
        }
        code[k++] = PRINT;
        code[k++] = HALT;
        run(code);
    }
    /* a loop: count down from 5, printing each value, using JZ and JMP */
    static const long countdown[] = {
        PUSH, 5,                           /* 0: n */
        DUP, JZ, 13,                       /* 2: if n == 0 goto 13 */
        DUP, PRINT,                        /* 5: print n */
        PUSH, 1, SUB,                      /* 7: n - 1 */
        JMP, 2,                            /* 10 */
        HALT,                              /* 12 */
        DROP, HALT,                        /* 13 */
    };
    printf("%ld steps\n", run(countdown));
    /* sum of 1..100: acc n -> loop { acc += n; n -= 1 } */
    static const long sum[] = {
        PUSH, 0, PUSH, 100,                /* 0: acc n */
        DUP, JZ, 19,                       /* 4: if n == 0 goto 19 */
        SWAP, OVER, ADD,                   /* 7: n acc+n */
        SWAP, PUSH, 1, SUB,                /* 10: acc+n n-1 */
        JMP, 4,                            /* 14 */
        HALT, HALT, HALT,                  /* 16 (unused) */
        DROP, PRINT, HALT,                 /* 19: print acc */
    };
    printf("%ld steps\n", run(sum));
    return 0;
}
