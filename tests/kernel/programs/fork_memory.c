/* fork: the child sees the parent's memory, every pointer moved into its own slot; writes on
 * either side stay on that side. Prints addresses as "slot offsets" so the output is the same
 * under every policy; the test checks the raw addresses itself. */
#include <cheriintrin.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

struct node { struct node *next; int value; };
int global = 5;
char *global_ptr;

int main(void)
{
    struct node *list = NULL;
    int i, status, sum = 0;
    char *big = malloc(64 * 4096);
    for (i = 0; i < 5; i++) {
        struct node *n = malloc(sizeof *n);
        n->value = i;
        n->next = list;
        list = n;
    }
    memset(big, 'p', 64 * 4096);
    global_ptr = big;
    printf("parent heap %#lx\n", (unsigned long)cheri_address_get(big));
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        struct node *n;
        for (n = list; n; n = n->next)
            sum += n->value;
        printf("child heap %#lx tag %d list sum %d global %d big[100] %c same %d\n",
               (unsigned long)cheri_address_get(global_ptr), (int)cheri_tag_get(global_ptr), sum,
               global, big[100], global_ptr == big);
        big[0] = 'c';
        global = 7;
        list->value = 100;
        printf("child sees big[0] %c global %d\n", big[0], global);
        exit(3);
    }
    waitpid(pid, &status, 0);
    printf("parent: child exited %d; big[0] %c global %d list %d\n", WEXITSTATUS(status), big[0],
           global, list->value);
    big[1] = 'P';
    return 0;
}
