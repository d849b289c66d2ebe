# Bracket expressions as dash reads them: only ! negates, a ^ is a member like any other
# character (so *[^0-9]* is "has a digit or a ^"), and quoted characters inside brackets are
# plain members: ['!'a] holds ! and a, [a\-z] holds a, - and z, [\^] holds ^.
for x in 12 1a '' '^' '!' abc; do
  case $x in
    *[^0-9]*) echo "$x: ^ or a digit" ;;
    '') echo "empty" ;;
    *) echo "$x: neither" ;;
  esac
done
for x in '^' a ']' '[' '!' b -; do
  case $x in
    [\^]) echo "$x: escaped caret" ;;
    [[^]) echo "$x: bracket or caret" ;;
    []^]) echo "$x: close bracket" ;;
    ['!'a]) echo "$x: quoted bang or a" ;;
    [a\-z]) echo "$x: a, dash or z" ;;
    [!a-z]) echo "$x: not a letter" ;;
    *) echo "$x: other" ;;
  esac
done
x=abc123^
echo "${x%%[^a-z]*}" "${x##*[^0-9]}" "${x#[^a]}"
case '^a' in [\^]a) echo "escaped caret, then a" ;; esac
case ab in [^b]b) echo "^ is a member" ;; *) echo "^ negates" ;; esac
