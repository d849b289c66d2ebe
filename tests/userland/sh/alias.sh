# alias and unalias: expansion where a command name goes, at parse time, the blank rule, listing.
alias say='echo said' two='echo one; echo two' e='echo ' w=world
say hello
two
e w w
alias
alias say
alias nosuch 2>/dev/null; echo "not found $?"
alias x=1 nosuch 2>/dev/null; echo "mixed $?"
alias ls='ls -F' self='self'
alias ls
\say quoted 2>/dev/null; echo "quoted name is no alias: $?"
"say" 2>/dev/null; echo "nor in quotes: $?"
echo say
alias loop1=loop2 loop2=loop1
loop1 2>/dev/null; echo "no endless loop: $?"
alias iff='if true; then'
iff echo in an alias; fi
alias sq="echo 'it''s'"; sq
alias dq='echo "a  b"'; dq
f() { say in function; }
f
alias say='echo changed'; f; say now
unalias say; say 2>/dev/null; echo "unaliased: $?"
unalias nosuch 2>/dev/null; echo "unalias missing $?"
alias a1=x a2=y; unalias -a; alias; echo "all gone"
alias late='echo late'; late 2>/dev/null; echo "same line: $?"
late
