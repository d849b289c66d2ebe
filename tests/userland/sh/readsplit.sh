# needs: kernel
# read: how a line is split among the names, the last one taking the rest (one field and its
# delimiter: only the field), with IFS white space, other delimiters and the default IFS.
for inp in 'a:b:c:' 'a:b::' 'a:b: :' 'a: b : ' 'a:b' 'a::' 'a:' ':' 'a: :' '  lead : trail :  ' 'x  y  z  '; do
  printf '%s\n' "$inp" | { IFS=" :" read x y; echo "[$x][$y]"; }
  printf '%s\n' "$inp" | { IFS=":" read x y; echo " :[$x][$y]"; }
  printf '%s\n' "$inp" | { read x y; echo " dflt[$x][$y]"; }
  printf '%s\n' "$inp" | { read x; echo " one[$x]"; }
done
