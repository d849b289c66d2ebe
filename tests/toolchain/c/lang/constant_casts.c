// expected: host
/* Integer constant expressions with casts, enum constants, sizeof and ?: are constants: array
   sizes (not variable-length arrays), case labels, bit-field widths, enum values, static
   initializers. */
#include <stdio.h>

enum op { OP_ADD, OP_SUB, OP_MUL, LAST_OP = OP_MUL };
enum { WIDTH = (int)(sizeof(long) * 2 - 3) };

static int table[((int)(LAST_OP) + 1)];
static char names[(unsigned char)300][2];                  /* 300 wraps to 44 */
static const long scaled = (long)(3.75 * 4);
static int from_enum[(int)OP_SUB + (short)WIDTH];

struct bits {
    unsigned a : (int)(LAST_OP + 1);
    unsigned b : (unsigned char)WIDTH;
};

const char *op_name(enum op o)
{
    switch ((int)o) {
    case (int)OP_ADD: return "add";
    case (char)(OP_SUB + 256): return "sub";
    case (int)(long)OP_MUL: return "mul";
    default: return "?";
    }
}

int main(void)
{
    int local[(int)LAST_OP * 2 + (int)sizeof(int)];
    enum { LOCAL = (int)(unsigned char)-1 };
    struct bits b = {7, 8191};
    printf("%d %d %d %d\n", (int)(sizeof table / sizeof table[0]), (int)sizeof names,
           (int)(sizeof from_enum / sizeof from_enum[0]), (int)(sizeof local / sizeof local[0]));
    printf("%ld %d %d\n", scaled, LOCAL, WIDTH);
    printf("%u %u\n", b.a, b.b);
    printf("%s %s %s\n", op_name(OP_ADD), op_name(OP_SUB), op_name(OP_MUL));
    _Static_assert((int)LAST_OP == 2, "three ops");
    return 0;
}
