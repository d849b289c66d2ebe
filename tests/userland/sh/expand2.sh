# needs: kernel
# Expansions together: read with IFS, case patterns quoted and not, $@ and $* with IFS, bracket
# patterns in ${x#...}, arithmetic operators, the +/- forms on unset, empty and set variables.
IFS=: read a b c <<E
x:y:z:w
E
echo "[$a][$b][$c]"
IFS=' :' read a b <<E
  lead : trail :  
E
echo "[$a][$b]"
read a b <<E
  one  
E
echo "[$a][$b]"
IFS=, read -r a b <<E
a\,b,c
E
echo "[$a][$b]"
x='a*b'; case $x in "a*b") echo quoted;; esac; case 'axb' in $x) echo pattern;; esac
case 'a*b' in a\*b) echo escaped;; esac
set -- "a b" c; echo "${1}x" "${#1}" "$#"
s="x y"; set -- $s; echo $#
f() { echo $#; }; f "$@"; f $@ ""; f "${@}"
echo "${@:-none}" ; set --; echo "${@:-none}" "${*:-star}"
set -- a b c; IFS=; echo $*; echo "$*"; unset IFS; echo "$*"
v=/a/b/c; echo "${v#*[/]}" "${v%[/]*}" "${v##*/}"
v='[x]'; echo "${v#[}" "${v%]}" "${v#\[}"
echo $(( 7 % 3 )) $(( -7 / 2 )) $(( 1 << 4 )) $(( 0x1f )) $(( 010 )) $(( 3 > 2 ? 10 : 20 ))
i=5; echo $(( i += 2 )) $i
echo ${#?} ${#$} >/dev/null; echo ok
unset x; echo ${x:-a}${x-b}${x:+c}${x+d}
x=; echo ${x:-a}${x-b}${x:+c}${x+d}
x=v; echo ${x:-a}${x-b}${x:+c}${x+d}
echo "${x:+"$x and more"}"
echo ${x:+'single $x'}
echo "$(printf '%s\n' a b | while read l; do echo "<$l>"; done)"
echo `echo a \`echo b\` c`
