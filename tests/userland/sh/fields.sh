# Field splitting with IFS, and where it does not happen.
x="  a   b  c  "
set -- $x
echo "$#: $1 $2 $3"
set -- "$x"
echo "$#"
IFS=:
y="a::b:c:"
set -- $y
echo "$#:$1:$2:$3:$4"
IFS=' :'
z=" a : b c :d"
set -- $z
echo "$#:$1:$2:$3:$4"
IFS=
set -- $x
echo "$#"
unset IFS
set -- $x
echo "$#"
IFS=' 	
'
v="one two"
w=$v
echo "$w"
e=""
set -- $e
echo "empty unquoted: $#"
set -- "$e"
echo "empty quoted: $#"
set -- $e"" ''$e
echo "mixed: $#"
a="1 2"
for i in $a "$a" x$a; do echo "[$i]"; done
