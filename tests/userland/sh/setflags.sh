# needs: kernel
# What the options do: -e (and where it does not apply), -u, -x (on stderr), -n, -f, -v, -C, -a.
sh -c 'set -e; false; echo never'; echo "-e: $?"
sh -c 'set -e; false || true; ! true; if false; then :; fi; while false; do :; done; false && :; echo survived'
sh -c 'set -e; f() { false; echo "in f, not at the end"; }; f; echo after'; echo "-e in function: $?"
sh -c 'set -e; (false); echo never'; echo "-e subshell: $?"
sh -c 'set -e; x=$(false); echo never'; echo "-e assignment: $?"
sh -c 'set -e; false | true; echo "pipeline ok"'
sh -c 'set -u; echo "${unset_var-default} ${unset_var:+x}"; echo $unset_var; echo never' 2>/dev/null; echo "-u: $?"
sh -c 'set -u; echo "$@" $# "$*"; echo with no parameters'
sh -c 'set -x; echo traced' 2>/dev/null
sh -c 'set -n; echo not run; exit 3'; echo "-n: $?"
sh -c 'set -n; if then' 2>/dev/null; echo "-n syntax: $?"
d=/tmp/setflags.$$; mkdir $d && cd $d && : > f1 && : > f2
sh -c 'set -f; echo f*; set +f; echo f*'
sh -c 'set -v; echo verbose' 2>/dev/null
rm -f clob
sh -c 'set -C; echo a > clob; echo b > clob; echo "status $?"; cat clob; echo c >| clob; cat clob; echo d >> clob; cat clob; echo e > /dev/null; echo "dev null $?"' 2>/dev/null
sh -c 'set -a; exported=yes; sh -c "echo \$exported"'
sh -c 'set +a; notexported=no; sh -c "echo [\$notexported]"'
sh -ec 'false; echo never'; echo "sh -e: $?"
sh -uc 'echo $nope' 2>/dev/null; echo "sh -u: $?"
cd / && rm -f $d/f1 $d/f2 $d/clob && rmdir $d
