// expected: host
// A character array may be initialised by a string literal in braces (C11 6.7.9p14), at the top
// (Lua's luac.c: static char Output[] = { "luac" ".out" };) or as an element of an aggregate;
// the array's length comes from the literal as without the braces.
#include <stdio.h>
#include <wchar.h>

static char output[] = { "luac" ".out" };
static const char fixed[8] = { "abc" };
struct named { int id; char name[6]; };
static struct named table[] = { {1, {"one"}}, {2, {"two"}}, {3, "three"} };

int main(void) {
    char local[] = { "local" };
    char grid[2][4] = { {"ab"}, {"cde"} };
    wchar_t wide[] = { L"wide" };
    struct named n = { 4, {"four"} };
    printf("%s %zu\n", output, sizeof output);
    printf("%s %zu %d\n", fixed, sizeof fixed, fixed[7]);
    for (int i = 0; i < 3; i++)
        printf("%d %s\n", table[i].id, table[i].name);
    printf("%s %zu\n", local, sizeof local);
    printf("%s %s\n", grid[0], grid[1]);
    printf("%zu %d\n", sizeof wide / sizeof wide[0], (int)wide[3]);
    printf("%d %s\n", n.id, n.name);
    return 0;
}
