# needs: kernel
# compare: stderr
# exec's failures name exec in the message, as dash does ("exec: nope: not found"); a command
# that is not found outside exec keeps the short form. The statuses are 127 and 126.
(exec no_such_program_here)
echo "exec, not found: $?"
(exec /no/such/file)
echo "exec, a path not found: $?"
: > /tmp/not_executable
chmod -x /tmp/not_executable
(exec /tmp/not_executable)
echo "exec, not executable: $?"
no_such_program_here
echo "not found: $?"
/tmp/not_executable
echo "not executable: $?"
rm -f /tmp/not_executable
