/*
 * pthread.c - POSIX threads for a μprocess, which has exactly one thread (pthread.h says what
 * that means for each call). The one thread's id is MAIN_THREAD; a mutex is a type and the
 * number of times the thread holds it; a key is a slot of `specific`.
 */
#include <errno.h>
#include <pthread.h>
#include <stddef.h>
#include <stdlib.h>
#include <time.h>

#define MAIN_THREAD 1UL

/* ---- threads ------------------------------------------------------------------------------ */

int pthread_create(pthread_t *thread, const pthread_attr_t *attr, void *(*start)(void *), void *arg)
{
    (void)thread, (void)attr, (void)start, (void)arg;
    return EAGAIN;                      /* a μprocess has one thread: fork for concurrency */
}

pthread_t pthread_self(void)
{
    return MAIN_THREAD;
}

int pthread_equal(pthread_t a, pthread_t b)
{
    return a == b;
}

/* No other thread exists to join or detach; joining oneself is the deadlock POSIX names. */
int pthread_join(pthread_t thread, void **result)
{
    (void)result;
    return thread == MAIN_THREAD ? EDEADLK : ESRCH;
}

int pthread_detach(pthread_t thread)
{
    return thread == MAIN_THREAD ? 0 : ESRCH;
}

int pthread_cancel(pthread_t thread)
{
    return thread == MAIN_THREAD ? 0 : ESRCH;   /* deferred, and nothing here is a cancellation point */
}

static int cancel_state, cancel_type;

static int set_int(int *where, int value, int *old, int max)
{
    if (value < 0 || value > max)
        return EINVAL;
    if (old != NULL)
        *old = *where;
    *where = value;
    return 0;
}

int pthread_setcancelstate(int state, int *old)
{
    return set_int(&cancel_state, state, old, PTHREAD_CANCEL_DISABLE);
}

int pthread_setcanceltype(int type, int *old)
{
    return set_int(&cancel_type, type, old, PTHREAD_CANCEL_ASYNCHRONOUS);
}

void pthread_testcancel(void)
{
}

int pthread_kill(pthread_t thread, int sig)
{
    if (thread != MAIN_THREAD)
        return ESRCH;
    return raise(sig) == 0 ? 0 : errno;
}

int pthread_sigmask(int how, const sigset_t *set, sigset_t *old)
{
    return sigprocmask(how, set, old) == 0 ? 0 : errno;
}

int pthread_once(pthread_once_t *once, void (*init)(void))
{
    if (*once == PTHREAD_ONCE_INIT) {
        *once = 1;
        init();
    }
    return 0;
}

/* fork handlers: with one thread, no lock can be held by another across fork, so the handlers
 * have nothing to protect; they are accepted and not called. */
int pthread_atfork(void (*prepare)(void), void (*parent)(void), void (*child)(void))
{
    (void)prepare, (void)parent, (void)child;
    return 0;
}

/* ---- attributes --------------------------------------------------------------------------- */

int pthread_attr_init(pthread_attr_t *attr)
{
    attr->detachstate = PTHREAD_CREATE_JOINABLE;
    attr->stacksize = 8 << 20;
    return 0;
}

int pthread_attr_destroy(pthread_attr_t *attr)
{
    (void)attr;
    return 0;
}

int pthread_attr_setdetachstate(pthread_attr_t *attr, int state)
{
    return set_int(&attr->detachstate, state, NULL, PTHREAD_CREATE_DETACHED);
}

int pthread_attr_getdetachstate(const pthread_attr_t *attr, int *state)
{
    *state = attr->detachstate;
    return 0;
}

int pthread_attr_setstacksize(pthread_attr_t *attr, size_t size)
{
    if (size < PTHREAD_STACK_MIN)
        return EINVAL;
    attr->stacksize = size;
    return 0;
}

int pthread_attr_getstacksize(const pthread_attr_t *attr, size_t *size)
{
    *size = attr->stacksize;
    return 0;
}

/* ---- mutexes ------------------------------------------------------------------------------ */

int pthread_mutexattr_init(pthread_mutexattr_t *attr)
{
    attr->type = PTHREAD_MUTEX_DEFAULT;
    attr->pshared = PTHREAD_PROCESS_PRIVATE;
    return 0;
}

int pthread_mutexattr_destroy(pthread_mutexattr_t *attr)
{
    (void)attr;
    return 0;
}

int pthread_mutexattr_settype(pthread_mutexattr_t *attr, int type)
{
    return set_int(&attr->type, type, NULL, PTHREAD_MUTEX_ERRORCHECK);
}

int pthread_mutexattr_gettype(const pthread_mutexattr_t *attr, int *type)
{
    *type = attr->type;
    return 0;
}

int pthread_mutexattr_setpshared(pthread_mutexattr_t *attr, int pshared)
{
    return set_int(&attr->pshared, pshared, NULL, PTHREAD_PROCESS_SHARED);
}

int pthread_mutexattr_getpshared(const pthread_mutexattr_t *attr, int *pshared)
{
    *pshared = attr->pshared;
    return 0;
}

int pthread_mutex_init(pthread_mutex_t *mutex, const pthread_mutexattr_t *attr)
{
    mutex->type = attr ? attr->type : PTHREAD_MUTEX_DEFAULT;
    mutex->count = 0;
    return 0;
}

int pthread_mutex_destroy(pthread_mutex_t *mutex)
{
    return mutex->count ? EBUSY : 0;
}

/* Held already (by the one thread): a recursive mutex counts once more, others would deadlock. */
int pthread_mutex_trylock(pthread_mutex_t *mutex)
{
    if (mutex->count && mutex->type != PTHREAD_MUTEX_RECURSIVE)
        return EBUSY;
    mutex->count++;
    return 0;
}

int pthread_mutex_lock(pthread_mutex_t *mutex)
{
    return pthread_mutex_trylock(mutex) == EBUSY ? EDEADLK : 0;
}

int pthread_mutex_timedlock(pthread_mutex_t *mutex, const struct timespec *abstime)
{
    if (pthread_mutex_trylock(mutex) == 0)
        return 0;
    if (mutex->type == PTHREAD_MUTEX_ERRORCHECK)
        return EDEADLK;
    clock_nanosleep(CLOCK_REALTIME, TIMER_ABSTIME, abstime, NULL);   /* nobody will unlock it */
    return ETIMEDOUT;
}

int pthread_mutex_unlock(pthread_mutex_t *mutex)
{
    if (mutex->count == 0)
        return EPERM;
    mutex->count--;
    return 0;
}

/* ---- condition variables ------------------------------------------------------------------ */

int pthread_condattr_init(pthread_condattr_t *attr)
{
    attr->clock = CLOCK_REALTIME;
    attr->pshared = PTHREAD_PROCESS_PRIVATE;
    return 0;
}

int pthread_condattr_destroy(pthread_condattr_t *attr)
{
    (void)attr;
    return 0;
}

int pthread_condattr_setclock(pthread_condattr_t *attr, clockid_t clock)
{
    if (clock != CLOCK_REALTIME && clock != CLOCK_MONOTONIC)
        return EINVAL;
    attr->clock = clock;
    return 0;
}

int pthread_condattr_getclock(const pthread_condattr_t *attr, clockid_t *clock)
{
    *clock = attr->clock;
    return 0;
}

int pthread_cond_init(pthread_cond_t *cond, const pthread_condattr_t *attr)
{
    cond->clock = attr ? attr->clock : CLOCK_REALTIME;
    return 0;
}

int pthread_cond_destroy(pthread_cond_t *cond)
{
    (void)cond;
    return 0;
}

int pthread_cond_signal(pthread_cond_t *cond)
{
    (void)cond;
    return 0;                           /* no thread waits */
}

int pthread_cond_broadcast(pthread_cond_t *cond)
{
    (void)cond;
    return 0;
}

/* No other thread could ever signal: fail rather than sleep forever. */
int pthread_cond_wait(pthread_cond_t *cond, pthread_mutex_t *mutex)
{
    (void)cond;
    return mutex->count ? EDEADLK : EPERM;
}

/* The mutex is released for the wait and taken again, as POSIX says; only the time can end it. */
int pthread_cond_timedwait(pthread_cond_t *cond, pthread_mutex_t *mutex, const struct timespec *abstime)
{
    int count = mutex->count;

    if (count == 0)
        return EPERM;
    if (abstime->tv_nsec < 0 || abstime->tv_nsec >= 1000000000L)
        return EINVAL;
    mutex->count = 0;
    while (clock_nanosleep(cond->clock, TIMER_ABSTIME, abstime, NULL) == EINTR)
        continue;
    mutex->count = count;
    return ETIMEDOUT;
}

/* ---- read-write locks --------------------------------------------------------------------- */

int pthread_rwlock_init(pthread_rwlock_t *lock, const pthread_rwlockattr_t *attr)
{
    (void)attr;
    lock->readers = lock->writer = 0;
    return 0;
}

int pthread_rwlock_destroy(pthread_rwlock_t *lock)
{
    return lock->readers || lock->writer ? EBUSY : 0;
}

int pthread_rwlock_tryrdlock(pthread_rwlock_t *lock)
{
    if (lock->writer)
        return EBUSY;
    lock->readers++;
    return 0;
}

int pthread_rwlock_rdlock(pthread_rwlock_t *lock)
{
    return lock->writer ? EDEADLK : pthread_rwlock_tryrdlock(lock);
}

int pthread_rwlock_trywrlock(pthread_rwlock_t *lock)
{
    if (lock->writer || lock->readers)
        return EBUSY;
    lock->writer = 1;
    return 0;
}

int pthread_rwlock_wrlock(pthread_rwlock_t *lock)
{
    return pthread_rwlock_trywrlock(lock) == EBUSY ? EDEADLK : 0;
}

int pthread_rwlock_unlock(pthread_rwlock_t *lock)
{
    if (lock->writer)
        lock->writer = 0;
    else if (lock->readers)
        lock->readers--;
    else
        return EPERM;
    return 0;
}

/* ---- thread-specific data ----------------------------------------------------------------- */

static struct {
    int used;
    void (*destructor)(void *);
    const void *value;
} specific[PTHREAD_KEYS_MAX];

int pthread_key_create(pthread_key_t *key, void (*destructor)(void *))
{
    for (unsigned i = 0; i < PTHREAD_KEYS_MAX; i++)
        if (!specific[i].used) {
            specific[i].used = 1;
            specific[i].destructor = destructor;
            specific[i].value = NULL;
            *key = i;
            return 0;
        }
    return EAGAIN;
}

int pthread_key_delete(pthread_key_t key)
{
    if (key >= PTHREAD_KEYS_MAX || !specific[key].used)
        return EINVAL;
    specific[key].used = 0;
    return 0;
}

void *pthread_getspecific(pthread_key_t key)
{
    if (key >= PTHREAD_KEYS_MAX || !specific[key].used)
        return NULL;
    return (void *)specific[key].value;
}

int pthread_setspecific(pthread_key_t key, const void *value)
{
    if (key >= PTHREAD_KEYS_MAX || !specific[key].used)
        return EINVAL;
    specific[key].value = value;
    return 0;
}

/* The thread ends, and with it the process: first the keys' destructors, for each value not
 * NULL, again while destructors set new values (PTHREAD_DESTRUCTOR_ITERATIONS rounds). */
_Noreturn void pthread_exit(void *result)
{
    (void)result;
    for (int round = 0; round < PTHREAD_DESTRUCTOR_ITERATIONS; round++) {
        int called = 0;
        for (unsigned i = 0; i < PTHREAD_KEYS_MAX; i++) {
            void *value = (void *)specific[i].value;
            if (specific[i].used && specific[i].destructor && value) {
                specific[i].value = NULL;
                specific[i].destructor(value);
                called = 1;
            }
        }
        if (!called)
            break;
    }
    exit(0);
}
