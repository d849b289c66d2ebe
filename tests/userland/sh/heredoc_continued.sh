# In a here-document whose delimiter is not quoted, a backslash-newline joins two lines: the
# line after it is text, even if it reads like the delimiter (dash). When the input ends before
# the delimiter, without a newline (this file has none at its end), the text has none either.
cat <<EOF
joined \
EOF
EOF
cat <<'EOF'
quoted \
EOF
cat <<EOF
two \\
EOF
echo after
cat <<EOF
the end \
EOF
and no newline