# needs: kernel
# sh takes set's -o name and +o name on its command line, as well as the option letters.
sh -o errexit -c 'false; echo "not reached"'; echo "status $?"
sh -o nounset -c 'echo "$-"'
sh -e -o noglob -c 'echo "$-" /*'
sh -o errexit +o errexit -c 'false; echo "+o turned it off"'
sh -eo nounset -c 'echo "$-"'
sh -o nounset -o noclobber -c 'echo "$-"'
sh -o nosuchoption -c 'echo "not reached"' 2>/dev/null; echo "bad name: status $?"
