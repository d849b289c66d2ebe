# needs: kernel
# shift N, exec with only redirections, umask, times, break N / continue N, return from `.`.
set -- 1 2 3 4 5
shift 2; echo "$# $*"
shift 0; echo "$#"
(shift 9) 2>/dev/null; echo "too many: $?"
(shift x) 2>/dev/null; echo "not a number: $?"
d=/tmp/builtins2.$$; mkdir $d; cd $d
exec 3>out.txt
echo "to three" >&3
echo "again" >&3
exec 3>&-
cat out.txt
echo "closed: $(echo x >&3 2>/dev/null; echo $?)"
exec 4<out.txt; read -r first <&4; read -r second <&4; exec 4<&-; echo "$first / $second"
(exec >sub.txt; echo "into the file"); cat sub.txt
(exec 5</nonexistent) 2>/dev/null; echo "exec failure: $?"
umask; umask -S
umask 027; umask; umask -S
(umask 077; umask); umask
umask a=rx,u+w; umask
umask g-x; umask
umask o=; umask -S
umask -S 022; umask
(umask 8) 2>/dev/null; echo "bad mask: $?"
sh -c 'umask 0; sh -c umask'
times | tr 0-9 N
for i in 1 2 3; do
  for j in a b c; do
    for k in x y; do
      [ $k = y ] && continue 3
      [ $i = 3 ] && break 3
      echo "$i$j$k"
    done
  done
done
echo "loops done $?"
for i in 1 2; do break 5; echo no; done; echo "break 5 in one loop"
(for i in 1; do break 0; done) 2>/dev/null; echo "break 0: $?"
printf 'echo in sourced\nreturn 4\necho never\n' > src.sh
. ./src.sh; echo "after return: $?"
printf 'f() { return 2; }\nf\necho "f in file: $?"\nreturn\n' > src2.sh
false; . ./src2.sh; echo "bare return: $?"
printf 'echo sourced args: $# $1\n' > src3.sh
set -- a b; . ./src3.sh
g() { . ./src.sh; echo "in g after the file: $?"; }; g
printf 'for i in 1 2 3; do echo "src loop $i"; [ $i = 2 ] && break; done\n' > src4.sh; . ./src4.sh
(. ./nonexistent) 2>/dev/null; echo "missing file: $?"
cd / && rm -r $d
