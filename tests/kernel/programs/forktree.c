/* A tree of processes: each level forks two children and waits for both; exit statuses add up. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static int tree(int depth)
{
    int i, status, total = 1;
    pid_t kids[2];
    if (depth == 0)
        return 1;
    for (i = 0; i < 2; i++) {
        kids[i] = fork();
        if (kids[i] < 0) {
            perror("fork");
            exit(99);
        }
        if (kids[i] == 0)
            exit(tree(depth - 1));
    }
    for (i = 0; i < 2; i++) {
        if (waitpid(kids[i], &status, 0) != kids[i] || !WIFEXITED(status))
            exit(98);
        total += WEXITSTATUS(status);
    }
    return total;
}

int main(void)
{
    printf("processes in a tree of depth 4: %d\n", tree(4));
    printf("wait with no children: %d\n", wait(NULL));
    return 0;
}
