// Struct assignment copies every member, including arrays; the copies are independent.
// expected: host
#include <stdio.h>
#include <string.h>

struct rec { int id; char name[12]; double score; short tags[3]; };

int main(void) {
    struct rec a = {7, "alice", 91.5, {1, 2, 3}};
    struct rec b;
    b = a;
    printf("%d %s %.1f %d %d %d\n", b.id, b.name, b.score, b.tags[0], b.tags[1], b.tags[2]);
    b.id = 8;
    strcpy(b.name, "bob");
    b.tags[1] = 20;
    printf("%d %s %d\n", a.id, a.name, a.tags[1]);
    printf("%d %s %d\n", b.id, b.name, b.tags[1]);
    struct rec arr[3];
    arr[0] = a;
    arr[1] = b;
    arr[2] = arr[0];
    arr[2].score = 50;
    for (int i = 0; i < 3; i++)
        printf("%d %s %.1f\n", arr[i].id, arr[i].name, arr[i].score);
    struct rec c = arr[1], d = c;
    d.name[0] = 'B';
    printf("%s %s\n", c.name, d.name);
    struct rec *p = &arr[0], *q = &arr[1];
    *p = *q;
    printf("%d %s\n", arr[0].id, arr[0].name);
    struct { int x; } s1 = {1}, s2 = {2};
    s1 = s2;
    s2.x = 3;
    printf("%d %d\n", s1.x, s2.x);
    return 0;
}
