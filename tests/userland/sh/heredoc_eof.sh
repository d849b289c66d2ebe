# A here-document whose input ends before its delimiter line (or before any text): what was read
# is its text, none here, as in dash. read -p writes its prompt only when standard input is a
# terminal (dash). The here-document must be last in the script.
read -p 'prompt: ' x </dev/null; echo "read -p: $?"
echo start
cat <<END