/* What ufos's one-thread <pthread.h> does where a host with threads would start one: pthread_create
 * fails with EAGAIN (a μprocess has one thread; the program can go on alone), and the waits no
 * other thread could ever end fail rather than hang. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

static void *work(void *arg)
{
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
    pthread_cond_t c = PTHREAD_COND_INITIALIZER;
    int r;

    r = pthread_create(&t, NULL, work, NULL);
    printf("pthread_create: %s\n", strerror(r));
    r = pthread_join(pthread_self(), NULL);
    printf("joining itself: %s\n", strerror(r));
    r = pthread_join(pthread_self() + 1, NULL);
    printf("joining another: %s\n", strerror(r));
    pthread_mutex_lock(&m);
    r = pthread_cond_wait(&c, &m);
    printf("cond_wait, which nobody could signal: %s\n", strerror(r));
    r = pthread_mutex_lock(&m);
    printf("relocking a normal mutex: %s\n", strerror(r));
    pthread_mutex_unlock(&m);
    r = pthread_cond_wait(&c, &m);
    printf("cond_wait without the mutex: %s\n", strerror(r));
    return 0;
}
