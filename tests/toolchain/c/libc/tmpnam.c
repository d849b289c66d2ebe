// expected: host
/* tmpnam (C11 7.21.4.4): a name that no file has, in the caller's L_tmpnam bytes or (NULL) in
   a static buffer, different at each call; a file can be made under it, and removed. */
#include <stdio.h>
#include <string.h>

int main(void)
{
    char mine[L_tmpnam], again[L_tmpnam];
    char *name = tmpnam(mine);
    FILE *f;

    printf("into the caller's buffer: %d\n", name == mine);
    printf("fits L_tmpnam: %d\n", strlen(mine) < L_tmpnam);
    f = fopen(mine, "r");
    printf("no such file yet: %d\n", f == NULL);
    f = fopen(mine, "w");
    printf("can be created: %d\n", f != NULL && fputs("x", f) >= 0 && fclose(f) == 0);
    printf("a different name next: %d\n", strcmp(tmpnam(again), mine) != 0);
    name = tmpnam(NULL);
    printf("static buffer: %d, differs: %d\n", name != NULL && name != mine,
           strcmp(name, mine) != 0 && strcmp(name, again) != 0);
    printf("removed: %d\n", remove(mine) == 0);
    return 0;
}
