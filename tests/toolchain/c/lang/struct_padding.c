// Struct layout with capabilities: a pointer member is 16-byte aligned, so it pads the struct
// around it; the struct's size is a multiple of its largest alignment. Hand-written expectations.
#include <stdio.h>
#include <stddef.h>

struct cp { char c; void *p; };                 /* c@0, p@16, size 32 */
struct pc { void *p; char c; };                 /* p@0, c@16, size 32 */
struct ipi { int a; char *s; int b; };          /* a@0, s@16, b@32, size 48 */
struct iil { int a; int b; long l; char *s; };  /* a@0 b@4 l@8 s@16, size 32 */
struct nested { char tag; struct cp inner; };   /* tag@0, inner@16, size 48 */
struct arr { char name[5]; int (*fn)(void); };  /* name@0, fn@16, size 32 */
struct nop { char a; short b; int c; long d; }; /* a@0 b@2 c@4 d@8, size 16 */
struct d { char c; double d; };                 /* c@0 d@8, size 16 */
union u { char c[20]; void *p; };               /* size 32 */
struct node { int value; struct node *next; };  /* value@0 next@16, size 32 */

int main(void) {
    printf("cp %d %d\n", (int)sizeof(struct cp), (int)offsetof(struct cp, p));
    printf("pc %d %d\n", (int)sizeof(struct pc), (int)offsetof(struct pc, c));
    printf("ipi %d %d %d\n", (int)sizeof(struct ipi), (int)offsetof(struct ipi, s), (int)offsetof(struct ipi, b));
    printf("iil %d %d %d\n", (int)sizeof(struct iil), (int)offsetof(struct iil, l), (int)offsetof(struct iil, s));
    printf("nested %d %d\n", (int)sizeof(struct nested), (int)offsetof(struct nested, inner));
    printf("arr %d %d\n", (int)sizeof(struct arr), (int)offsetof(struct arr, fn));
    printf("nop %d %d %d %d\n", (int)sizeof(struct nop), (int)offsetof(struct nop, b),
           (int)offsetof(struct nop, c), (int)offsetof(struct nop, d));
    printf("d %d %d\n", (int)sizeof(struct d), (int)offsetof(struct d, d));
    printf("u %d\n", (int)sizeof(union u));
    printf("node %d %d\n", (int)sizeof(struct node), (int)offsetof(struct node, next));
    struct cp two[2];
    printf("array %d %d\n", (int)sizeof two, (int)((char *)&two[1] - (char *)&two[0]));
    struct ipi x = {1, "s", 2};
    printf("values %d %s %d\n", x.a, x.s, x.b);
    return 0;
}
