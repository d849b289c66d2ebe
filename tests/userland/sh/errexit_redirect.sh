# needs: kernel
# A compound command whose redirection cannot be applied fails with status 2; under set -e
# that ends the shell as any failed command does (dash), and in a condition it does not.
missing=/nonexistent/input
{ cat; } 2>/dev/null < $missing; echo "group: $?"
while read line; do echo "$line"; done 2>/dev/null < $missing; echo "while: $?"
set -e
if { cat; } 2>/dev/null < $missing; then echo "not reached"; else echo "in a condition: $?"; fi
for i in 1; do echo "$i"; done 2>/dev/null < $missing || echo "before ||: $?"
case x in x) echo "case ran" ;; esac 2>/dev/null < $missing
echo "not reached: set -e ended the shell"
