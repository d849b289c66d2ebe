# needs: kernel
# compare: stderr
# ${x?} and ${x:?} without a word: dash's messages differ, "parameter not set" and "parameter
# not set or null" (the colon form also refuses an empty x); with a word, the word is the message.
(echo ${x?}); echo "unset ?: $?"
(echo ${x:?}); echo "unset :?: $?"
x=
(echo ${x:?}); echo "empty :?: $?"
(echo ${x?}); echo "empty ?: $?"
(echo ${y:?custom words}); echo "word: $?"
