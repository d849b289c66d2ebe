# needs: kernel
# set: options by letter and by name, $-, set -o / +o listings, set --, and what each option does.
echo "[$-]"
set -ef; echo "[$-]"; set +ef
set -o noglob -o nounset; echo "[$-]"; set +o noglob +o nounset
pick() { while read -r a b c; do case "$a $b $c" in *errexit*|*noglob*|*nounset*|*xtrace*|*noclobber*|Current*) echo "$a $b $c";; esac; done; }
set -o | pick
set -u; set +o | pick; set +u
set -o
set -- a "b c"; echo "$# $2"; set -; echo "still $#"; set --; echo "none $#"
set -o nosuch 2>/dev/null || echo never
