# Nested command substitution with quotes and backquotes, and deeply nested control structures.
echo "$(echo "$(echo "$(echo "three deep")")")"
echo $(echo $(echo 'single "inner"' ) )
echo "`echo \`echo backquotes nested\``"
echo "$(echo `echo mixed` "$(echo both)")"
echo "$(echo ')' "(" )"
echo $(case x in x) echo "case in subst";; esac)
echo "$(echo "a   b")" $(echo "c   d")
echo "$( echo "quote \" inside" )"
echo `echo "\$HOME"` "`echo '$HOME'`"
x=$(printf 'trailing\n\n\n'); echo "[$x]"
x=$(printf '\n\nleading'); echo "[$x]"
echo $(( $(echo 3) * $(echo 4) ))
n=0
for a in 1 2; do
  for b in 1 2; do
    while [ $n -lt 100 ]; do
      case $a$b in
        11) if [ $n -eq 0 ]; then
              until false; do
                { ( if true; then echo "deep $a$b"; fi ); } && break
              done
            fi ;;
        *) if [ $a = 2 ]; then
             if [ $b = 2 ]; then echo "deepest $a$b"; else echo "else $a$b"; fi
           fi ;;
      esac
      n=$((n+1)); break
    done
  done
done
f() { g() { h() { echo "h in g in f: $*"; }; h "$@"; }; g "$@"; }
f 1 2
r() { if [ $1 -gt 0 ]; then r $(($1 - 1)); echo "r $1"; fi; }; r 3
v=$(for i in 1 2 3; do if [ $i = 2 ]; then continue; fi; echo $i; done); echo $v
echo "$(x=inner; echo $x)" "${x}"
