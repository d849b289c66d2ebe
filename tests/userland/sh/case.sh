# case ... esac: patterns, alternatives, wildcards, quoting, fallthrough to nothing.
for w in apple banana cherry date "a b" '*' x.c ABC 7 ""; do
  case $w in
    apple|banana) echo "$w: fruit A/B" ;;
    c*) echo "$w: starts with c" ;;
    ?a?e) echo "$w: four with a and e" ;;
    "a b") echo "$w: has a space" ;;
    \*) echo "$w: a star" ;;
    *.c) echo "$w: C file" ;;
    [A-Z]*) echo "$w: capital" ;;
    [!a-z]) echo "$w: one non-lowercase" ;;
    '') echo "empty" ;;
  esac
done
case foo in (foo) echo paren ;; esac
case x in y) echo no ;; esac
echo "no match status $?"
v=hello
case $v in h*o) echo glob matched;; esac
case "$v" in "h*o") echo no;; *) echo quoted star is literal;; esac
p='h*'
case $v in $p) echo pattern from variable;; esac
case abc in
  a*)
    echo multi
    echo line
    ;;
esac
case 1 in 1) echo last item without semicolons
esac
