# needs: kernel
# compare: stderr
# dash's syntax errors name a token by its kind: "word unexpected" for an ordinary word, a
# reserved word or an operator in quotes ('"fi" unexpected', '";;" unexpected'); a missing ) of a
# subshell, a case pattern or a function's () is 'X unexpected (expecting ")")', and that comes
# before a bad function name: `[ ( x ]` is 'word unexpected (expecting ")")'.
for s in '(echo) x' '{ echo; } x' 'if true; then :; fi x' 'for i in a; do :; done x' \
         'echo (x)' 'for i a; do :; done' 'case x y in esac' 'case x in a) b ;; d e) ;; esac' \
         '[ ( x ]' 'if [ ( 1 -gt 0 ) ]; then echo y; fi' 'f (' 'a-b() { :; }' '(echo a; fi)' \
         'echo a; fi' 'then' 'echo a ;; b' 'if true; then echo a; done' '(echo a' 'echo a | ;'; do
  sh -c "$s"; echo "status $?"
done
