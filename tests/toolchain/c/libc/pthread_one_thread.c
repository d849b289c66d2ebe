// expected: host
/* <pthread.h> in a process with one thread (POSIX threads): mutexes of each type, once-control,
 * thread-specific keys, pthread_self/equal, attributes, read-write locks and a timed condition
 * wait behave as the standard says for a single thread. (pthread_create itself is not called:
 * on ufos it fails with EAGAIN, since a μprocess has one thread; see pthread_single.c.) */
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static int inits;
static void init_once(void) { inits++; }

static void destroy(void *value)
{
    printf("the key's destructor ran with %d\n", *(int *)value);
}

static const char *err(int e)
{
    return e == 0 ? "0" : e == EBUSY ? "EBUSY" : e == EDEADLK ? "EDEADLK" : e == EPERM ? "EPERM" :
           e == EINVAL ? "EINVAL" : e == ETIMEDOUT ? "ETIMEDOUT" : "other";
}

int main(void)
{
    pthread_mutex_t plain = PTHREAD_MUTEX_INITIALIZER, rec, check;
    pthread_mutexattr_t attr;
    int type, r;

    printf("self equals self: %d\n", pthread_equal(pthread_self(), pthread_self()) != 0);

    r = pthread_mutex_lock(&plain);
    printf("lock: %s", err(r));
    r = pthread_mutex_trylock(&plain);
    printf(", trylock while held: %s", err(r));
    r = pthread_mutex_unlock(&plain);
    printf(", unlock: %s", err(r));
    r = pthread_mutex_trylock(&plain);
    printf(", trylock: %s", err(r));
    r = pthread_mutex_unlock(&plain);
    printf(", unlock: %s\n", err(r));

    pthread_mutexattr_init(&attr);
    pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutexattr_gettype(&attr, &type);
    printf("the type is recursive: %d\n", type == PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init(&rec, &attr);
    r = pthread_mutex_lock(&rec);
    printf("recursive: lock %s", err(r));
    r = pthread_mutex_lock(&rec);
    printf(", again %s", err(r));
    r = pthread_mutex_trylock(&rec);
    printf(", trylock %s", err(r));
    r = pthread_mutex_destroy(&rec);
    printf(", destroy while held %s", err(r));
    for (int i = 0; i < 3; i++)
        pthread_mutex_unlock(&rec);
    r = pthread_mutex_unlock(&rec);
    printf(", a fourth unlock %s\n", err(r));

    pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_ERRORCHECK);
    pthread_mutex_init(&check, &attr);
    r = pthread_mutex_unlock(&check);
    printf("errorcheck: unlock unlocked %s", err(r));
    pthread_mutex_lock(&check);
    r = pthread_mutex_lock(&check);
    printf(", relock %s", err(r));
    r = pthread_mutex_unlock(&check);
    printf(", unlock %s\n", err(r));
    r = pthread_mutexattr_settype(&attr, 99);
    printf("a bad type: %s\n", err(r));
    pthread_mutexattr_destroy(&attr);

    pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, init_once);
    pthread_once(&once, init_once);
    printf("once: init ran %d time\n", inits);

    pthread_key_t k1, k2;
    static int v1 = 10, v2 = 20;
    pthread_key_create(&k1, destroy);
    pthread_key_create(&k2, NULL);
    printf("keys differ: %d, a new key holds NULL: %d\n", k1 != k2, pthread_getspecific(k1) == NULL);
    pthread_setspecific(k1, &v1);
    pthread_setspecific(k2, &v2);
    printf("getspecific: %d %d\n", *(int *)pthread_getspecific(k1), *(int *)pthread_getspecific(k2));
    r = pthread_key_delete(k2);
    printf("key_delete: %s\n", err(r));

    pthread_attr_t ta;
    int state;
    size_t size;
    pthread_attr_init(&ta);
    pthread_attr_setdetachstate(&ta, PTHREAD_CREATE_DETACHED);
    pthread_attr_getdetachstate(&ta, &state);
    pthread_attr_setstacksize(&ta, 1 << 20);
    pthread_attr_getstacksize(&ta, &size);
    printf("attr: detached %d, stack %lu\n", state == PTHREAD_CREATE_DETACHED, (unsigned long)size);
    pthread_attr_destroy(&ta);

    pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
    r = pthread_rwlock_rdlock(&rw);
    printf("rwlock: rdlock %s", err(r));
    r = pthread_rwlock_tryrdlock(&rw);
    printf(", tryrdlock %s", err(r));
    r = pthread_rwlock_trywrlock(&rw);
    printf(", trywrlock while read %s", err(r));
    pthread_rwlock_unlock(&rw);
    pthread_rwlock_unlock(&rw);
    r = pthread_rwlock_wrlock(&rw);
    printf(", wrlock %s", err(r));
    r = pthread_rwlock_tryrdlock(&rw);
    printf(", tryrdlock while written %s", err(r));
    r = pthread_rwlock_unlock(&rw);
    printf(", unlock %s\n", err(r));

    pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
    struct timespec when;
    r = pthread_cond_signal(&cond);
    printf("signal with no waiter: %s", err(r));
    r = pthread_cond_broadcast(&cond);
    printf(", broadcast: %s\n", err(r));
    clock_gettime(CLOCK_REALTIME, &when);
    when.tv_nsec += 20000000;
    if (when.tv_nsec >= 1000000000) {
        when.tv_sec++;
        when.tv_nsec -= 1000000000;
    }
    pthread_mutex_lock(&plain);
    r = pthread_cond_timedwait(&cond, &plain, &when);
    printf("timedwait: %s", err(r));
    r = pthread_mutex_trylock(&plain);
    printf(", the mutex is held again: %s\n", err(r));
    pthread_mutex_unlock(&plain);
    pthread_cond_destroy(&cond);

    pthread_exit(NULL);         /* runs k1's destructor, then the process exits 0 */
}
