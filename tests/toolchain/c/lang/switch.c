// switch: fallthrough, default in the middle, nested switches, char and negative cases,
// no match without default, Duff's device.
// expected: host
#include <stdio.h>

static const char *classify(int n) {
    switch (n) {
    case -1: return "minus one";
    case 0: return "zero";
    default: return "many";
    case 1: return "one";
    case 2:
    case 3: return "a few";
    case 1000000: return "a million";
    }
}

static int fallthrough(int n) {
    int r = 0;
    switch (n) {
    case 0: r += 1;
    case 1: r += 10;
    case 2: r += 100; break;
    case 3: r += 1000;
    default: r += 10000;
    }
    return r;
}

static void copy_duff(char *to, const char *from, int count) {
    int n = (count + 7) / 8;
    switch (count % 8) {
    case 0: do { *to++ = *from++;
    case 7:      *to++ = *from++;
    case 6:      *to++ = *from++;
    case 5:      *to++ = *from++;
    case 4:      *to++ = *from++;
    case 3:      *to++ = *from++;
    case 2:      *to++ = *from++;
    case 1:      *to++ = *from++;
            } while (--n > 0);
    }
}

int main(void) {
    for (int i = -2; i <= 4; i++)
        printf("%d: %s\n", i, classify(i));
    printf("%s\n", classify(1000000));
    for (int i = 0; i <= 4; i++)
        printf("%d ", fallthrough(i));
    printf("\n");
    const char *text = "a1-B ?z";
    int letters = 0, digits = 0, other = 0;
    for (const char *p = text; *p; p++) {
        switch (*p) {
        case 'a': case 'B': case 'z': letters++; break;
        case '0': case '1': case '2': digits++; break;
        default: other++;
        }
    }
    printf("%d %d %d\n", letters, digits, other);
    int hits = 0;
    for (int i = 0; i < 5; i++) {
        switch (i) {
        case 1: hits += 1; break;
        case 3: hits += 3; break;
        }
    }
    printf("%d\n", hits);
    for (int a = 0; a < 2; a++)
        for (int b = 0; b < 2; b++) {
            switch (a) {
            case 0:
                switch (b) {
                case 0: printf("00 "); break;
                default: printf("0x "); break;
                }
                break;
            case 1:
                switch (b) {
                case 1: printf("11 "); continue;
                }
                printf("1- ");
            }
        }
    printf("\n");
    char out[20] = {0};
    copy_duff(out, "duff's device!", 14);
    printf("%s\n", out);
    long big = 5000000000L;
    switch (big) {
    case 5000000000L: printf("long case\n"); break;
    default: printf("wrong\n");
    }
    switch (3) {
    default: ;
    }
    return 0;
}
