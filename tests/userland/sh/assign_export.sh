# needs: kernel
# VAR=x before a function or a builtin that is not special: exported to the programs it runs for
# its duration (as dash), then put back as it was - value, unset, and not exported. Before a
# special builtin (eval) it stays, not exported.
f() { sh -c 'echo "child of f: ${VAR-unset}"'; echo "in f: $VAR"; }
VAR=x f
echo "after: ${VAR-unset}"
VAR=old; VAR=new f
echo "after: $VAR"; sh -c 'echo "exported after: ${VAR-no}"'
VAR=y command sh -c 'echo "command: $VAR"'
unset VAR
VAR=z eval 'sh -c "echo eval: \${VAR-unset}"'
echo "after eval: ${VAR-unset}"
unset VAR
g() { export VAR; VAR=changed; }
VAR=w g
echo "after g: ${VAR-unset}"; sh -c 'echo "g exported: ${VAR-unset}"'
EV=1; export EV
h() { sh -c 'echo "h: $EV"'; }
EV=3 h; sh -c 'echo "after h: $EV"'
