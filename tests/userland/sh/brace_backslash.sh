# Inside "${x-word}" a backslash quotes a } as well as $ ` " \ (dash): "${x:-\}}" is a }, not \}.
unset x
echo "${x:-\}}" "${x:-a\}b}" ${x:-\}} ${x:-a\}b}
echo "${x:-"a\}b"}" "${x:-'a\}b'}"
x='}a}'
echo "${x#\}}" "${x%\}}" ${x#\}} "${x:+\}}"
echo "\}" "${y:-\{}" "$x\}"
cat <<E
${y:-\}} \}
E
