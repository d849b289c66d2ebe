# if/elif/else, while, until, for, break, continue, and their exit statuses.
for n in 1 2 3 4; do
  if [ $n -eq 1 ]; then echo one
  elif [ $n -eq 2 ]; then echo two
  elif [ $n = 3 ]
  then
    echo three
  else echo many; fi
done
i=0
while [ $i -lt 3 ]; do echo "while $i"; i=$((i+1)); done
until [ $i -eq 0 ]; do echo "until $i"; i=$((i-1)); done
for x in a b c d e; do
  [ $x = b ] && continue
  [ $x = d ] && break
  echo "for $x"
done
for i in 1 2 3; do
  for j in 1 2 3; do
    [ $j = 2 ] && continue 2
    [ $i = 3 ] && break 2
    echo "$i$j"
  done
done
echo after
if false; then :; fi
echo "if status $?"
if false; then :; else false; fi
echo "else status $?"
while false; do :; done
echo "while status $?"
for x in; do echo never; done
echo "empty for $?"
for x
do echo "arg $x"; done
{ echo group; echo braces; }
if true; then
  if false; then echo no; else echo nested; fi
fi
x=0; while :; do x=$((x+1)); if [ $x -ge 3 ]; then break; fi; done; echo "x=$x"
