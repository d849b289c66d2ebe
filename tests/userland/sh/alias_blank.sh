# An alias whose value ends in a blank makes the next word eligible for alias expansion (POSIX
# 2.3.1), also when that alias's text is inside another's: with c='b ', "a c d" checks d.
alias a='echo ' b='hi' c='b ' d='there' x='y z' y='echo ' z='zed' w='hi there' c2='w '
a b
a c d
a a b
x w
a c2 d
a 'b' \b b
