# needs: kernel
# compare: stderr
# Signal names as dash reads them, in trap and kill: any case (int, Term), never with SIG in
# front (trap x SIGINT is a bad trap in dash, whatever bash does). fg and bg without a job are
# mistakes: status 2.
trap 'echo x' SIGINT; echo "SIGINT: $?"
trap 'echo y' int Term; echo "int Term: $?"
trap
trap - INT term
kill -s SIGTERM $$; echo "kill -s SIGTERM: $?"
kill -SIGTERM $$; echo "kill -SIGTERM: $?"
sh -c 'kill -s term $$'; echo "kill -s term: $(kill -l $?)"
sh -c 'kill -Hup $$'; echo "kill -Hup: $(kill -l $?)"
fg; echo "fg: $?"
bg %3; echo "bg %3: $?"
