# needs: kernel
# Here-documents: <<, <<-, quoted delimiters, expansion inside.
x=world
cat <<EOF2
hello $x
  indented $((1 + 2))
EOF2
cat <<'END'
no $x expansion here
END
cat <<-TABS
	leading tabs go
	away
	TABS
while read a b; do echo "$b $a"; done <<IN
1 one
2 two
IN
cat <<A; echo after
body
A
