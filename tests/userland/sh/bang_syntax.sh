# needs: kernel
# compare: stderr
# ! begins a pipeline and nothing else: "! ! cmd" and "a | ! b" are syntax errors in dash, where
# the second ! was run as a command named "!". A quoted '!' is a word like any other.
sh -c '! true; echo "one: $?"; ! ! true; echo not reached'; echo "status $?"
sh -c 'echo before; true | ! false'; echo "status $?"
sh -c '! { ! true; }; echo "group: $?"; ! (false); echo "subshell: $?"'
sh -c "'!' 2>/dev/null; echo \"quoted: \$?\"; x=!; echo \"\$x\" !"
sh -c 'if ! false; then echo "if: negated"; fi; while ! true; do :; done; echo "while: $?"'
