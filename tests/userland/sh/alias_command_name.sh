# An alias is replaced where the command name is, also after assignments and redirections
# that come before it (POSIX 2.3.1, as in dash).
alias say='echo said:'
say plain
x=1 say after an assignment
x=1 y=2 say after two
2>/dev/null say after a redirection
x=1 2>/dev/null say after both
alias set_x='x=inner '
set_x say after an alias ending in a blank
echo "x is $x"
say=3 echo "say as a variable: $say"
