# needs: kernel
# Deep nesting: twenty ifs, eight $( ), braces, subshells, cases, loops with break 3, functions
# calling functions, quotes and backquotes inside substitutions, here-documents inside $( ).
if true; then if true; then if true; then if true; then if true; then if true; then if true; then if true; then if true; then if true; then
if true; then if true; then if true; then if true; then if true; then if true; then if true; then if true; then if true; then if true; then
echo twenty deep
fi; fi; fi; fi; fi; fi; fi; fi; fi; fi
fi; fi; fi; fi; fi; fi; fi; fi; fi; fi
x=$(echo $(echo $(echo $(echo $(echo $(echo $(echo $(echo deep8)))))))); echo $x
{ { { { { { { { { { echo braces; }; }; }; }; }; }; }; }; }; }
( ( ( ( ( echo parens ) ) ) ) )
echo "$(( (((((((1+2)))))) * ((((3)))) ) ))"
case a in a) case b in b) case c in c) echo cases;; esac;; esac;; esac
while true; do while true; do while true; do break 3; done; done; done; echo broke
f1() { f2; }; f2() { f3; }; f3() { echo "f3 $#"; return 7; }; f1; echo $?
echo "a$(echo "b$(echo "c$(echo d)c")b")a"
echo `echo \`echo \\\`echo three\\\`\``
x=`echo "a b"`; echo "$x"
echo "$(echo "\$HOME \"q\" \\")"
echo '$(not)' "\$(not)" \$\(not\)
cat <<E | (read a; echo "got $a")
$(echo "in heredoc $(echo nested)")
E
echo $(cat <<E
heredoc in subst
E
)
echo "$(case x in (x) echo paren-pattern;; esac)"
