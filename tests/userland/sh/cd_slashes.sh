# needs: kernel
# The logical path cd makes has one slash between names, from / too; a path that starts with
# exactly two slashes keeps them (POSIX leaves // to the system, and dash keeps it), and .. goes
# no higher than //; three or more are one.
cd /; cd tmp; echo "$PWD"
cd /; cd ./tmp/../tmp//; echo "$PWD"
cd /tmp; cd ../..; echo "$PWD"
cd //tmp; echo "$PWD"
cd ..; echo "$PWD"; cd tmp; echo "$PWD"
cd //tmp/../..; echo "$PWD"
cd //; echo "$PWD"
cd ///tmp; echo "$PWD"
cd -P //tmp; echo "$PWD"
cd /./tmp/.; echo "$PWD"
