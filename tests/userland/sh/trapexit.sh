# needs: kernel
# The EXIT trap and the exit status: exit in the action, exit alone, errors and set -e.
sh -c 'trap "echo x" EXIT; false; exit'; echo "status $?"
sh -c 'trap "false; exit" EXIT; true'; echo "exit alone in EXIT: $?"
sh -c 'trap "echo \$?; exit 3" EXIT; exit 5'; echo "replaced: $?"
sh -c 'trap "exit" USR1; (exit 4); kill -USR1 $$; echo no'; echo "exit alone in a signal trap: $?"
sh -c 'trap "echo e" EXIT; set -e; false; echo no'; echo "set -e: $?"
sh -c 'trap "echo e \$?" EXIT; x=${nosuch?}' 2>/dev/null; echo "error: $?"
sh -c 'trap "echo in trap; trap; exit 9" EXIT'; echo "trap inside: $?"
sh -c 'trap "echo e" EXIT; (echo sub; exit 3); echo $?'
sh -c 'trap "" EXIT; trap; exit 2'; echo "ignored EXIT: $?"
sh -c 'trap "echo one" EXIT; trap "echo two" EXIT'
sh -c 'trap "echo once" EXIT; exit 1; echo no'; echo $?
sh -c 'trap "echo a" USR1; sleep 0 & kill -USR1 $$; wait; echo w'
sh -c 'trap "echo trapped; exit 9" TERM; kill $$; echo no'; echo "TERM: $?"
sh -c 'trap "echo last" EXIT; /bin/true'
sh -c '(trap "echo sub last" EXIT; /bin/true)'
