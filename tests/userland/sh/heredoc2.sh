# needs: kernel
# Here-documents: quoted delimiters of every kind, <<-, backslash-newline, several on one line,
# expansions and quotes inside, in functions and loops, and a large one.
x=val
cat <<"Q1"
$x `echo no` \$x \\ "quoted"
Q1
cat <<\Q2
$x literal\
Q2
cat <<Q'3'
$x $(echo no)
Q3
cat <<E
a $x "in quotes $x" 'single $x'
backslash-newline joins \
this line
\$x escaped, \\ one backslash, \" stays, \a stays
$(echo "subst $x") `echo back` $((2 * 3)) ${x#v} ${#x}
E
cat <<-E
	tabs	inside stay
		all leading tabs go
	E
cat <<A; cat <<B
first
A
second
B
cat <<A <<B
never shown
A
only the last counts
B
while read -r line; do echo "read: $line"; done <<E
one
  two with spaces  
E
f() { cat <<E
in function $1
E
}
f arg; f again
for i in 1 2; do cat <<E; done
loop $i
E
cat <<E | tr a-z A-Z
piped $x
E
cat <<E
E
echo "empty: $?"
cat <<'E' >/dev/null; echo "status $?"
x
E
i=0; big=
while [ $i -lt 400 ]; do big="$big line $i of a big here-document with some text in it
"; i=$((i+1)); done
cat <<E | wc -l
$big
E
cat <<E | wc -c
$big
E
cat <<E
${x:+alt "q"} ${nope:-"dflt"}
E
