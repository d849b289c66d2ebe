# needs: kernel
# trap: actions for signals and EXIT, listing, resetting, ignoring, subshells, the status rules.
trap 'echo exit trap $?' EXIT
trap 'echo got USR1' USR1
trap
kill -USR1 $$
echo after kill
trap - USR1
trap
trap '' INT
trap
trap 'echo hup' HUP
kill -HUP $$; echo after hup
(trap 'echo sub exit' EXIT; echo in sub)
(trap; echo a subshell lists only the ignored)
t=$(trap); echo "cmdsubst sees [$t]"
trap 'echo "t $?"' USR2
false; kill -USR2 $$; echo "status after the trap $?"
(exit 3); (trap 'echo inner $?' USR2; kill -USR2 $(sh -c 'echo $PPID'); echo "kept $?")
trap 1 HUP; trap 2>&1
trap "echo it\\'s" QUIT; trap | grep QUIT
trap -- - QUIT; trap - 0 HUP 2>/dev/null; trap 'echo exit trap $?' 0
trap x NOSUCHSIGNAL 2>/dev/null; echo "bad trap $?"
f() { trap 'echo f trap' USR1; }; f; kill -USR1 $$; echo "set in a function stays"
trap 'echo term; exit 7' TERM
kill -TERM $$
echo not reached
