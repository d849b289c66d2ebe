# needs: kernel
# compare: stderr
# A script that ends inside a compound command (the fi or done forgotten): dash names what it
# was waiting for, also when nothing came after the keyword; a case item ends with ;; or esac,
# and a pattern with ).
for s in 'if' 'if true' 'if true; then echo' 'if true; then :; else' 'while' 'until false' \
         'for i in a; do' 'while true; do echo a' '{' 'f() {' 'case x in x) echo' 'case x in x)' \
         'case x in' 'case x in x) ;; ' 'case x in x) echo; fi' '$(' 'echo $(' 'if then' '{ }'; do
  sh -c "$s"; echo "status $?"
done
case x in (x) echo "last item without ;;"; esac
