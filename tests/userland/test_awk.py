"""/bin/awk (userland/bin/awk/) run under the kernel and compared with the host's awk.

The host's awk is mawk here (Debian's /usr/bin/awk); where it is GNU awk, it runs with --posix.
A case is (arguments, input). Booting costs about 0.3 s, so the cases run in batches: one boot runs
a shell script that calls awk once per case, each on its own input file in /host (the test's
tmp_path), and marks where each case's output and exit status begin; the host runs the same script
with its own sh and awk in the same directory. The default suite runs a few boots of many cases
each; pytest -m slow adds more.

Where POSIX leaves a behaviour open and mawk chooses otherwise, ours is checked against the expected
output written out (OURS_ONLY), with the reason: division by zero is an error (mawk prints inf),
integers up to 2^63 print as integers as POSIX says (mawk: only up to 2^31), ** and **= work,
length(array) works on a parameter too, a field number or NF too large to be real is an error, as
are programs nested too deeply. An RS of more than one character is a regular expression, as in
mawk and gawk.
Errors are compared by status only (2); their messages are checked separately.
"""
from __future__ import annotations

import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers import run_bin

TABLE = b"alice 10 x\nbob 20 y\ncarol 30 z\nbob 5 w\n"
PARAS = b"para one\nline two\n\n\n\npara two\n\nthird  para\nend\n"
CSV = b"a,b,,d\n1,2,3\n,x,\n"
TEXT = b"the quick brown fox\njumps over\n\nthe lazy dog\nthe end\n"
NUMS = b"1e3\n+5\n.5\n5.\n 7 \n-3x\n010\n"

ONE_LINERS = [
    (["{ s += $2 } END { print s, NR }"], TABLE), (["{ print $NF }"], TABLE), (["!seen[$1]++"], TABLE),
    (["NR % 2"], TABLE), (["NR % 2 == 0"], TEXT), (["END { print NR }"], TEXT), (["NF"], TEXT),
    (["{ w += NF; c += length($0) + 1 } END { print NR, w, c }"], TEXT),
    (["{ for (i = NF; i > 0; i--) printf \"%s%s\", $i, (i > 1 ? OFS : ORS) }"], TEXT),
    (["{ for (i = 1; i <= NF; i++) n[$i]++ } END { for (w in n) print w, n[w] | \"sort\" }"], TEXT),
    (["{ printf \"%-6s|%5.1f|%03d\\n\", $1, $2 / 3, NR }"], TABLE), (["length($0) > 10"], TEXT),
    (["{ $2 = \"\"; print }"], TABLE), (["BEGIN { FS = \":\" } { print $1 }"], b"root:x:0\nbin:x:1\n"),
    (["{ line[NR] = $0 } END { for (i = NR; i > 0; i--) print line[i] }"], TEXT),
    (["{ gsub(/o/, \"0\"); sub(/e/, \"[&]\"); print }"], TEXT), (["{ n = split($0, a, \"o\"); print n, a[1] }"], TEXT),
    (["/quick/,/lazy/"], TEXT), (["$2 > 15 { print $1 }"], TABLE), (["{ print NR \": \" $0 }"], b"no newline"),
    (["{ $1 = $1 } 1"], b"  lots   of   space  \n"), (["max < $2 { max = $2 } END { print max }"], TABLE),
]

LANGUAGE = [
    # fields, NF, $0, separators
    (["-F", ",", "{ print NF, $3 }"], CSV), (["-F,", "-v", "OFS=-", "{ $1 = $1; print }"], CSV),
    (["-F", "[,]+", "{ print $2 }"], CSV), (["-F", "\\t", "{ print $2 }"], b"a b\tc d\n"),
    (["{ $5 = \"E\"; print; print NF }"], TABLE), (["{ NF = 2; print; $0 = \"a b c d e\"; print NF, $4 }"], TABLE),
    (["{ NF++; $NF = \"new\"; print }"], TABLE), (["{ print $(NF-1), $(1+1) }"], TABLE),
    (["{ $3 = \"\"; print; print NF }"], b"a b\n"), (["BEGIN { $3 = \"c\"; print; print NF }"], b""),
    (["BEGIN { OFS = \":\" } { $1 = $1 } 1"], TABLE), (["BEGIN { ORS = \"|\" } { print $1 } END { printf \"\\n\" }"], TABLE),
    (["BEGIN { FS = \":\" } { print $1; FS = \" \" }"], b"a:b c\nd:e f\n"),
    (["BEGIN { RS = \"\" } { print NR \": \" $1 \"|\" $NF; print NF }"], PARAS),
    (["BEGIN { RS = \"\"; FS = \"\\n\" } { print NF \": \" $1 }"], PARAS),
    (["BEGIN { RS = \";\" } { print NR, $0 }"], b"a;b;c\n"),
    (["BEGIN { RS = \"\\r\\n\" } { print NR \": \" $0 \"|\" }"], b"a b\r\nc\rd\r\ne\n"),      # a regex RS
    (["BEGIN { RS = \"\\n\\n+\" } { print NR \": [\" $0 \"]\" }"], PARAS),
    (["BEGIN { RS = \"[0-9]+\" } { print NR \":\" $0; getline; print \"g:\" $0 } NR == 3 { RS = \"\\n\" }"],
     b"a1b22c333d\ne\nf7g\n"), (["END { print $0, NF }"], TABLE),
    (["{ print NR, FNR, FILENAME }"], TABLE), (["1"], b""), (["END { print NR }"], b"\n\n\n"),
    # numbers, strings, conversions, comparisons
    (["{ print $1 + 0, $1 == 1e3, $1 < 10 }"], NUMS),
    (["BEGIN { x = \"3.0\"; y = 3; print (x == y) } { print ($1 == \"10\"), ($2 == 10), ($2 == \"10\") }"], TABLE),
    (["BEGIN { print 1 == 1.0, \"10\" < \"9\", 10 < 9, \"a\" < \"b\", 2 < \"10\" }"], b""),
    (["BEGIN { x = 0.1 + 0.2; print x; CONVFMT = \"%.2f\"; y = x \"\"; print y; OFMT = \"%.3f\"; print x, 17 }"], b""),
    (["BEGIN { x; print x == 0, x == \"\", length(x) }"], b""),
    (["BEGIN { print 10 % 3, -10 % 3, 2 ^ 0.5, int(-3.7), int(\"4.9x\"), 2^10, -2^2, 2^3^2, 1/4 }"], b""),
    (["BEGIN { print 1 \" \" 2, 1 2, -1 -2, \"a\" (1 > 0); i = 5; print i++ + ++i, i--, --i, i }"], b""),
    (["BEGIN { print !0, !1, !\"\", !\"a\", - -3, !x; print 1 < 2 ? \"y\" : \"n\" }"], b""),
    (["BEGIN { x = 1; x += 2; x -= 1; x *= 10; x /= 4; x %= 3; x ^= 2; print x }"], b""),
    (["{ print ($1 > $2) }"], b"5 3\n10 9\nb a\n10 9x\n"),
    # patterns
    (["$1 ~ /^b/"], TABLE), (["$1 !~ \"o\""], TABLE), (["/a/ && /o/ || NR == 4"], TABLE),
    (["NR == 2, NR == 3"], TABLE), (["/alice/,/alice/"], TABLE), (["/bob/,/nomatch/ { print NR }"], TABLE),
    (["BEGIN { x = \"^c\" } $0 ~ x"], TABLE),
    # control flow
    (["BEGIN { while (i < 5) { i++; if (i == 2) continue; if (i == 4) break; print i }; "
      "do { j++ } while (j < 10); print j; for (;;) { k++; if (k > 3) break }; print k }"], b""),
    (["{ print; next; print \"no\" } END { print NR }"], TABLE),
    (["BEGIN { print 1; exit; print 2 } END { print \"end\" }"], b""), (["BEGIN { exit 3 } END { print \"end\" }"], b""),
    (["{ exit NR + 4 } END { print \"end\", NR }"], TABLE), (["END { exit 5; print \"no\" }"], TABLE),
    (["BEGIN {\n  if (1)\n    print \"a\"\n  else\n    print \"b\"\n  for (i = 0; i < 2; i++)\n    print i\n}"], b""),
    (["BEGIN { if (0) print 1; else if (1) print 2; else print 3 }"], b""),
    # arrays
    (["BEGIN { x[\"a\"] = 1; x[\"b\"] = 2; for (k in x) n++; print n, length(x); delete x[\"a\"]; "
      "print (\"a\" in x), (\"b\" in x); delete x; print length(x) }"], b""),
    (["BEGIN { a[1, 2] = 3; for (k in a) { split(k, p, SUBSEP); print p[1], p[2] }; if ((1, 2) in a) print \"yes\" }"], b""),
    (["BEGIN { x[\"a\"]; if (\"a\" in x) print \"in\"; print length(x); a[01] = 1; print (1 in a), (\"01\" in a) }"], b""),
    (["{ a[$1] += $2 } END { for (k in a) print k, a[k] | \"sort\" }"], TABLE),
    # functions
    (["function f(n) { return n <= 1 ? 1 : n * f(n - 1) } BEGIN { print f(10) }"], b""),
    (["function fib(n) { return n < 2 ? n : fib(n-1) + fib(n-2) } BEGIN { print fib(12) }"], b""),
    (["BEGIN { a[\"x\"] = 1; f(a); print a[\"x\"], a[\"y\"] } function f(arr) { arr[\"y\"] = 2; arr[\"x\"]++ }"], b""),
    (["function g(s) { s = s \"!\"; return s } BEGIN { t = \"hi\"; print g(t), t }"], b""),
    (["function fill(arr, n,   i) { for (i = 1; i <= n; i++) arr[i] = i * i } BEGIN { fill(sq, 5); print sq[3], length(sq), i }"], b""),
    (["function noret() { } BEGIN { x = noret(); print x == \"\", x == 0 }"], b""),
    (["function f(x) { x[1] = 5 } BEGIN { f(y); print y[1] }"], b""),
    (["function max(a, b) { return a > b ? a : b } { m = max(m, $2) } END { print m }"], TABLE),
    # builtins
    (["BEGIN { print substr(\"hello\", 2, 3), substr(\"hello\", 4, 100), substr(\"hello\", -1), index(\"hello\", \"ll\"), "
      "toupper(\"abc\"), tolower(\"ABC\"), length(\"xyz\"), length(12345) }"], b""),
    (["BEGIN { print match(\"foobar\", /o+/), RSTART, RLENGTH; print match(\"abc\", /x/), RSTART, RLENGTH }"], b""),
    (["{ if (match($0, /[0-9]+/)) print RSTART, RLENGTH, substr($0, RSTART, RLENGTH) }"], TABLE),
    (["BEGIN { n = split(\"a:b:c\", arr, /:/); print n, arr[3]; n = split(\"\", arr); print n, length(arr); "
      "n = split(\" a  b \", arr); print n, arr[1]; n = split(\"a.b\", arr, \".\"); print n }"], b""),
    (["BEGIN { s = \"aaa\"; print gsub(/a*/, \"-\", s), s; t = \"abc\"; gsub(/x*/, \"-\", t); print t; "
      "u = \"abc\"; gsub(/b*/, \"-\", u); print u; v = \"hello\"; gsub(/l/, \"\\\\&\", v); print v }"], b""),
    (["BEGIN { s = \"a.b.c\"; gsub(\".\", \"-\", s); print s; t = \"a.b.c\"; gsub(/\\./, \"-\", t); print t }"], b""),
    (["{ sub(/^/, \">\"); print } END { s = \"foo bar\"; sub(\"o+\", \"[&&]\", s); print s }"], TABLE),
    (["{ n = gsub(/o/, \"0\", $1); print n, $0 }"], TABLE), (["{ gsub(/[aeiou]/, \"<&>\"); print }"], TABLE),
    (["BEGIN { printf \"%5.2f|%-4s|%d|%x|%c|%e\\n\", 3.14159, \"ab\", \"42x\", 255, 65, 12345 }"], b""),
    (["BEGIN { printf \"%c%c|%5s|%-5d|%05d|%+d|%.3s|%%\\n\", \"hello\", 66, \"ab\", 42, 42, 5, \"abcdef\" }"], b""),
    (["BEGIN { printf \"%d %i %o %X %u %g %G %E\\n\", -3.9, 7, 8, 255, 3, 0.0001, 1e-10, 123.456 }"], b""),
    (["BEGIN { printf \"%*d|%.*f\\n\", 5, 42, 2, 3.14159; print sprintf(\"%3d:%-3s:%.2f\", 5, \"a\", 2.345) }"], b""),
    (["{ printf \"%c|%s\\n\", $1, $1 }"], b"65\nhi\n"),
    (["BEGIN { print sqrt(16), exp(0), log(1), sin(0), cos(0), atan2(0, -1), exp(1), int(3) }"], b""),
    (["BEGIN { srand(1); a = rand(); srand(1); b = rand(); print (a == b), (a >= 0 && a < 1), srand(5) }"], b""),
    (["BEGIN { for (k in ENVIRON) n++; print (n > 0), ENVIRON[\"NOSUCHVAR\"] \".\" }"], b""),
    # command line
    (["-v", "x=5", "BEGIN { print x + 1 }"], b""), (["-v", "msg=a\\tb", "BEGIN { print msg }"], b""),
    (["{ print x, $1 }", "x=1", "-"], TABLE),
    (["BEGIN { print ARGC, ARGV[0], ARGV[1], ARGV[2] }", "a", "b c"], b""),
    (["BEGIN { ARGV[1] = \"\" } { print }", "nosuchfile"], TABLE),
    (["--", "{ print $1 }"], TABLE),
    # getline, output, pipes, files
    (["BEGIN { while ((getline line) > 0) n++; print n, NR, line }"], TABLE),
    (["NR == 1 { getline; print \"got\", $0 } NR == 3 { getline x; print \"x\", x, $0, NR }"], TABLE),
    (["BEGIN { getline; print \"first:\", $0 } { print }"], TABLE),
    (["BEGIN { \"echo hi there\" | getline x; print x; \"echo a b\" | getline; print $2; print system(\"exit 3\") }"], b""),
    (["BEGIN { print \"b\\na\" | \"sort\"; print \"x\" }"], b""),
    (["BEGIN { print \"x\"; print \"b\\na\" | \"sort\"; close(\"sort\"); print \"y\" }"], b""),
    (["BEGIN { print \"x\"; system(\"echo sys\"); print \"y\" }"], b""),
    (["BEGIN { print \"one\" > \"f1\"; print \"two\" >> \"f1\"; close(\"f1\"); while ((getline l < \"f1\") > 0) "
      "print \"read\", l; print (getline l < \"nofile\") }"], b""),
    (["BEGIN { while (\"echo x; exit 3\" | getline l) print l; print close(\"echo x; exit 3\"), close(\"nothing\") }"], b""),
    (["{ print $1, $2 > \"/dev/stderr\" } END { print \"done\" }"], TABLE), (["BEGIN { print 1, 2 > \"/dev/stdout\" }"], b""),
    (["{ print length($0) > 10 ? \"long\" : \"short\" } END { close(\"short\"); while ((getline l < \"short\") > 0) print \"f:\", l }"], TABLE),
    (["BEGIN { printf \"a\\n\" | \"cat\"; close(\"cat\"); print \"b\" }"], b""),
]

# pytest -m slow: more of the same
MIXED = b"a/b 1.5 [x]\n  c.d   -2  y  \nnumbers 1,234 5e2\n"
MORE = [
    (['BEGIN { print 0.1, 1e6, 1e-5, 123456789, 3.0, -0.5, 100/3, 1e300*10, -1e6, 0.1+0.2 == 0.3 }'], b""),
    (['BEGIN { print "  12  " + 0, "." + 0, "+" + 0, "-" + 1, "1e" + 0, "1e+" + 1, ".e1" + 0, -"-3x" }'], b""),
    (['BEGIN { printf "%s %s %d\\n", 0.1 + 0.2, 1/3, "12abc"; x = 1/3 ""; print x }'], b""),
    (['{ print ($1 < "b"), ($2 < "3"), ($2 < 3) }'], TABLE),
    (['$1 ~ /\\// { print "slash" } $3 ~ /^\\[.*\\]$/ { print "brackets" } /[[:digit:]]+/ { n++ } END { print n }'], MIXED),
    (['{ if ($2 ~ "^-?[0-9.]+$") print $2 * 2; else print "nan:" $2 }'], MIXED),
    (['BEGIN { s = "a.b"; if (s ~ "a\\\\.b") print "esc"; if ("axb" ~ "a\\\\.b") print "no" }'], b""),
    (['\n# comment\n\n{ print $1 } ;\n\nEND { print "e" } # trailing\n'], TABLE),
    (['function f(a,\n   b) {\n  return a + b\n}\nBEGIN { print f(1,\n 2) }'], b""),
    (['BEGIN { a = b = c = 4; print a, b, c; x = y++ + ++y; print x, y }'], b""),
    (['BEGIN { while (("echo a; echo b" | getline line) > 0) print "got", line }'], b""),
    (['{ getline $2 < "/dev/null"; print }'], TABLE),
    (['BEGIN { n = split("a b  c", arr, " "); m = split("a b  c", arr2, "[ ]"); print n, m, arr2[3] "." }'], b""),
    (['{ print NF; getline; print NF, $0 }'], b"a b c\nd e\n"),
    (['BEGIN { printf "[%10.3e] [%-8.2g] [%#o] [%#x] [% d]\\n", 1234.5, 0.000123, 8, 255, 42 }'], b""),
    (['{ sum[$1] += $2; cnt[$1]++ } END { for (k in sum) printf "%s %.2f\\n", k, sum[k]/cnt[k] | "sort" }'], TABLE),
    (['BEGIN { s = "hello world"; while (match(s, /o/)) { print RSTART; s = substr(s, RSTART + 1) } }'], b""),
    (['{ $0 = toupper($0); print $1 }'], TABLE), (['{ print; $1 = "X"; print $0; print NF }'], b"  a   b  \n"),
    (['BEGIN { FS = "," } { $2 = "Q"; print }'], b"1,2,3\n"),
    (['BEGIN { OFS = "-"; $0 = "a b c"; $1 = $1; print; NF = 2; print }'], b""),
    (['BEGIN { print length("") , length(0), length(0.5) }'], b""),
    (['BEGIN { print substr("hello", 3), substr("hello", 10), substr("", 1, 1) "." , substr("hello", 2, 0) "." , substr("hello", 2, -1) "." }'], b""),
    (['{ print > "out"; } END { close("out"); while ((getline l < "out") > 0) c++; print c }'], TABLE),
    (['BEGIN { print "a" > "o2"; print "b" > "o2"; close("o2"); getline x < "o2"; getline y < "o2"; print x y }'], b""),
    (['BEGIN { printf "%s\\n", "x" > "/dev/stderr"; print "y" | "cat 1>&2"; print "out" }'], b""),
    (['NR==1 { FS = "b" } { print $1 }'], b"abc\nabc\n"),
    (['{ print $1 }', 'FS=b', '-'], b"abc\n"),
    (['BEGIN { x["k"] = 1; delete x["k"]; delete x["none"]; for (k in x) print k; print length(x) }'], b""),
    (['BEGIN { for (i = 0; i < 3; i++) a[i] = i; for (k in a) delete a[k]; print length(a) }'], b""),
    (['BEGIN { i = 0; do print i++; while (i < 3) }'], b""),
    (['BEGIN { print 1,2; print(1,2); print (1)(2); print (1) (2) }'], b""),
    (['BEGIN { print -1 " " -1; print 1 - 1; print 2 -1 }'], b""),
    (['BEGIN { print 1 > 2 }'], b""), (['BEGIN { print (1 > 2) }'], b""), (['BEGIN { print 1==1 }'], b""),
    (['BEGIN { x = 5; x = x++ ; print x }'], b""),
    (['BEGIN { n = split("2024-01-15", d, "-"); printf "%d/%d/%d\\n", d[2], d[3], d[1] }'], b""),
    (['{ printf "%-10s %5d\\n", $1, $2 } END { printf "%-10s %5d\\n", "total", NR }'], TABLE),
    (['BEGIN { RS = "" } END { print NR }'], b"\n\n\na\nb\n\n\nc\n\n"),
    (['BEGIN { RS = "x" } { printf "[%s]", $0 } END { print "" }'], b"axbxxc\n"),
    (['BEGIN { RS = "x*y" } { print NR ":" $0 }'], b"1xy2y3xxxy4\n"), (['BEGIN { RS = "--" } { print NR ":" $0 }'], b"--a--b----c--"),
    (['BEGIN { RS = "\\n+" } { print NR ":" $1 }'], b"\n\na\n\nb\nc\n\n"), (['BEGIN { RS = "a|b" } END { print NR, $0 }'], b"1a2b3"),
    (['BEGIN { RS = "zz" } { print length($0) }'], b"x" * 5000 + b"zz" + b"y" * 3),
    (['{ print $0 ~ /^$/ ? "empty" : "not" }'], b"\na\n"),
    (['BEGIN { getline line < "in0"; print line }'], b"first\nsecond\n"),
    (['BEGIN { "pwd" | getline d; print (d != "") }'], b""),
    (['{ print NR ":" $0 > "/dev/stdout" }'], TABLE),
    (['BEGIN { a["x"]=1; b = "x"; print (b in a), ("y" in a) ? "y" : "n" }'], b""),
    (['BEGIN{printf "%.0f %.0f %.0f\\n", 0.5, 1.5, 2.5}'], b""),
    (['BEGIN { print index("foobar", "bar"), index("", "a"), toupper(123) }'], b""),
    (['/x/ { c++ } END { print c + 0 }'], TABLE), (['{ print $NF; NF = 1; print $0 }'], TABLE),
    (['BEGIN { v = "10"; w = 9; print (v > w) }'], b""), (['{ print ($1 > $2) }'], b"10 9\nabc abd\n10 10.0\n"),
    (['{ x[NR] = $0 } END { for (i = 1; i in x; i++) print i, x[i] }'], TABLE),
    (["-F", "|", "{ print $2 }"], b"a|b|c\n"), (["-F", ".", "{ print $2 }"], b"a.b.c\n"),
    (["BEGIN { FS = \"\\\\|\" } { print $3 }"], b"a|b|c\n"), (["-F", " ", "{ print $2 }"], b"  a   b \n"),
    (["BEGIN { FS = \"[0-9]\" } { print $1 \"-\" $2 \"-\" $NF }"], b"a1b22c\n"), (["{ print NF }"], b"a\tb \t c\n"),
    (["BEGIN { FS = \"\\t\" } { print NF, $2 }"], b"a\t\tb\n"), (["{ $0 = $0 \" extra\"; print NF }"], b"a b\n"),
    (["{ print substr($0, index($0, \" \") + 1) }"], b"key value here\n"),
    (["BEGIN { while ((\"echo 1 2 3\") | getline) s += $2; print s, NF }"], b""),
]

# Bad programs and run-time errors: the status (2) must agree; the messages are checked below.
ERRORS = [
    (["BEGIN { x = 1 +* 2 }"], b""), (["{ print $1 "], TABLE), (["BEGIN { x = \"a"], b""),
    (["function f(a) { return a } BEGIN { f(1, 2) }"], b""), (["BEGIN { g() }"], b""),
    (["BEGIN { a[1] = 1; a = 2 }"], b""), (["BEGIN { x = 1; x[1] = 2 }"], b""), (["{ print }", "nosuchfile"], b""),
    (["BEGIN { print length(1, 2) }"], b""), (["BEGIN { break }"], b""), (["BEGIN { return 1 }"], b""),
    (["{ $(-1) = 1 }"], TABLE), (["{ NF = -1 }"], TABLE), (["BEGIN { x = \"[\"; if (\"a\" ~ x) print }"], b""),
    (["/[/"], TABLE), (["BEGIN { printf }"], b""), (["{"], b""), (["BEGIN"], b""), (["BEGIN { print } }"], b""),
    (["@"], b""), (["BEGIN { printf \"%d %s\", 1 }"], b""), (["BEGIN { getline x < }"], b""),
    (["BEGIN { next }"], b""), (["BEGIN { x[1]; print x }"], b""),
    (["BEGIN { printf \"%5.2q\", 1 }"], b""), (["function f(n) { return f(n + 1) } BEGIN { f(1) }"], b""),
]

# Must not crash: the status is compared (and stdout).
ODD = [
    ([""], TABLE), (["BEGIN { getline < \"/nonexistent\"; print \"ok\" }"], b""),
    (["BEGIN { print \"a\" \"b\" > \"/dev/stdout\" }"], b""), (["BEGIN { x = substr(\"abc\", \"x\", \"y\"); print x \".\" }"], b""),
    (["BEGIN { printf \"%d %s %c|\\n\", 1, 2, 3 }"], b""), (["{ print $100, NF }"], TABLE),
]

# Where ours differs from mawk, as POSIX allows or asks: (arguments, input, stdout, status).
OURS_ONLY = [
    (["BEGIN { print 1/0 }"], b"", b"", 2),                          # mawk: inf
    (["{ print $2 % 0 }"], TABLE, b"", 2),                           # mawk: nan
    (["BEGIN { print 2^53, 2^31 * 4 }"], b"", b"9007199254740992 8589934592\n", 0),   # mawk: 9.0072e+15
    (["BEGIN { y = 2; y **= 3; print y, 2 ** 3 ** 2 }"], b"", b"8 512\n", 0),         # mawk has no **=
    (["BEGIN { OFMT = \"%c\"; print 65.5; CONVFMT = \"%s%s%d\"; y = 0.5 \"\"; print y }"], b"",
     b"A\n", 2),                                                     # a user's format is never trusted
    (["function n(a) { return length(a) } BEGIN { x[1]; x[2]; print n(x), length(x) }"], b"", b"2 2\n", 0),
    (["{ print $1e10 }"], TABLE, b"", 2), (["{ NF = 1e10 }"], TABLE, b"", 2),     # mawk: out of memory
    (["BEGIN { print " + "(" * 1000 + "1" + ")" * 1000 + " }"], b"", b"", 2),     # not a crash
    (["BEGIN { print " + "!" * 1001 + "1; x = " + "$" * 1000 + "0 }"], b"", b"", 2),
    (["BEGIN " + "{" * 1000 + "}" * 1000], b"", b"", 2),
    # mawk types each name once, when it parses the program; ours (as gawk) when it runs
    (["BEGIN { if (length(arr) == 0) arr[1] = 1; print length(arr) }"], b"", b"1\n", 0),
    (["function f(a) { a[\"k\"] = 1 } BEGIN { if (x == \"\") f(x); print x[\"k\"] }"], b"", b"1\n", 0),
    (["function f() { next } NR == 1 { f() } { print }"], TABLE, TABLE[11:], 0),      # mawk: an error
    (["function f() { next } BEGIN { f() }"], b"", b"", 2),
]


def host_awk() -> list[str]:
    if shutil.which("awk") is None:
        pytest.skip("the host has no awk to compare with")
    version = subprocess.run(["awk", "--version"], capture_output=True)
    return ["awk", "--posix"] if b"GNU Awk" in version.stdout else ["awk"]


def script(cases, awk: str) -> str:
    """One awk per case on its input file inN; each case's output starts with a mark, ends with
    its status."""
    lines = [f"printf '\\n@@case {i}@@\\n'; {awk} {' '.join(shlex.quote(a) for a in args)} < in{i} 2>/dev/null; "
             f"echo \"@@status $?\"" for i, (args, _stdin) in enumerate(cases)]
    return "\n".join(lines) + "\n"


def outputs(out: bytes) -> dict[int, bytes]:
    parts = re.split(rb"\n@@case (\d+)@@\n", out)
    return {int(parts[i]): parts[i + 1] for i in range(1, len(parts), 2)}


def run_ours(cases, tmp_path: Path) -> dict[int, bytes]:
    for i, (_args, stdin) in enumerate(cases):
        (tmp_path / f"in{i}").write_bytes(stdin)
    r = run_bin(["sh", "-c", "cd /host && " + script(cases, "awk")], share=str(tmp_path),
                budget=400_000_000 * max(1, len(cases) // 10))
    assert r.status == 0, r.stderr
    return outputs(r.stdout)


def run_host(cases, tmp_path: Path) -> dict[int, bytes]:
    for i, (_args, stdin) in enumerate(cases):
        (tmp_path / f"in{i}").write_bytes(stdin)
    awk = " ".join(host_awk())
    r = subprocess.run(["sh", "-c", script(cases, awk)], cwd=tmp_path, capture_output=True,
                       env={"LC_ALL": "C", "PATH": "/usr/bin:/bin"}, timeout=60)
    return outputs(r.stdout)


def disagreements(cases, tmp_path: Path):
    ours_dir, host_dir = tmp_path / "ours", tmp_path / "host"
    ours_dir.mkdir()
    host_dir.mkdir()
    theirs = run_host(cases, host_dir)
    ours = run_ours(cases, ours_dir)
    return [(args, ours.get(i), theirs.get(i)) for i, (args, _stdin) in enumerate(cases)
            if ours.get(i) != theirs.get(i)]


def status_of(output: bytes | None) -> bytes | None:
    return output and output[output.rindex(b"@@status"):]


def test_classic_one_liners(tmp_path):
    assert disagreements(ONE_LINERS, tmp_path) == []


def test_language_builtins_io(tmp_path):
    assert disagreements(LANGUAGE, tmp_path) == []


@pytest.mark.slow
def test_more(tmp_path):
    assert disagreements(MORE, tmp_path) == []


def test_bad_programs_and_odd_ones(tmp_path):
    assert disagreements(ODD, tmp_path) == []
    ours_dir, host_dir = tmp_path / "o", tmp_path / "h"
    ours_dir.mkdir()
    host_dir.mkdir()
    ours, theirs = run_ours(ERRORS, ours_dir), run_host(ERRORS, host_dir)
    for i, (args, _stdin) in enumerate(ERRORS):
        assert status_of(ours[i]) == status_of(theirs[i]) == b"@@status 2\n", args


def test_where_posix_and_mawk_part(tmp_path):
    ours = run_ours([(args, stdin) for args, stdin, _out, _status in OURS_ONLY], tmp_path)
    for i, (args, _stdin, out, status) in enumerate(OURS_ONLY):
        assert ours[i] == out + b"@@status %d\n" % status, args


def test_error_messages():
    r = run_bin(["awk", "BEGIN { x = 1 +* 2 }"])
    assert r.status == 2 and r.stdout == b""
    assert r.stderr == b"awk: syntax error at source line 1\n context is\n\tBEGIN { x = 1 +>>> * <<<  2 }\n"
    r = run_bin(["awk", "BEGIN {\n  x = 1\n  y = (2 +\n}"])
    assert r.status == 2 and r.stderr.startswith(b"awk: syntax error at source line 3\n context is\n")
    r = run_bin(["awk", "BEGIN { print \"before\"; print 1/0 }"])
    assert (r.status, r.stdout, r.stderr) == (2, b"before\n", b"awk: division by zero at source line 1\n")
    r = run_bin(["awk"])
    assert r.status == 2 and r.stderr.startswith(b"usage: awk")


def test_program_file_and_input_files(tmp_path):
    (tmp_path / "prog.awk").write_bytes(b"# count\n{ n[FILENAME]++ }\nEND {\n  for (f in n) print f, n[f] | \"sort\"\n}\n")
    (tmp_path / "a").write_bytes(TABLE)
    (tmp_path / "b").write_bytes(TEXT)
    r = run_bin(["awk", "-f", "/host/prog.awk", "/host/a", "x=1", "/host/b"], share=str(tmp_path))
    assert (r.status, r.stdout) == (0, b"/host/a 4\n/host/b 5\n")
    r = run_bin(["awk", "FNR == 1 { print FILENAME, NR, x }", "/host/a", "x=1", "/host/b"], share=str(tmp_path))
    assert (r.status, r.stdout) == (0, b"/host/a 1 \n/host/b 5 1\n")
