// expected: host
// A static object initialised from a compound literal of its own type, as gcc and clang accept
// (C only promises it for automatic objects): `#define POINT_ZERO ((struct point){0, 0})` and
// `static struct point origin = POINT_ZERO;` is a common idiom. The literal reads as its braced list.
#include <stdio.h>

struct point { int x, y; };
struct rect { struct point min, max; const char *name; };

#define POINT(x, y) ((struct point){ (x), (y) })
#define EMPTY_RECT ((struct rect){ .name = "empty" })

static struct point origin = POINT(0, 0);
struct point unit = (struct point){ .y = 1, .x = 1 };
static struct rect box = { POINT(1, 2), (struct point){ 3, 4 }, "box" };
static struct rect nothing = EMPTY_RECT;
static struct rect boxes[] = { EMPTY_RECT, { .max = POINT(5, 6), .name = "second" } };
static int answer = (int){ 42 };
static const char *greeting = (const char *){ "hi" };

static void hello(void) { printf("hello from a function pointer\n"); }
struct callback { void (*fn)(void); };
static struct callback callbacks[] = { (struct callback){ hello }, (struct callback){ 0 } };

static void show(const char *what, struct rect r) {
    printf("%s: %s (%d,%d)-(%d,%d)\n", what, r.name, r.min.x, r.min.y, r.max.x, r.max.y);
}

int main(void) {
    static struct point local_static = POINT(7, 8);
    printf("origin %d,%d unit %d,%d local %d,%d\n", origin.x, origin.y, unit.x, unit.y,
           local_static.x, local_static.y);
    show("box", box);
    show("nothing", nothing);
    for (unsigned i = 0; i < sizeof boxes / sizeof boxes[0]; i++)
        show("boxes", boxes[i]);
    printf("%d %s\n", answer, greeting);
    for (int i = 0; callbacks[i].fn; i++)
        callbacks[i].fn();
    return 0;
}
