#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder's image (Ubuntu): it installs
# Python and ufos from the tree in this zip (ufos/, the instructor's, hidden tests included), then
# boots ufos once so that the userland is compiled into the image's cache, not at every submission.
# `ufos lab gradescope LAB OUT.zip` writes the zip; docs/instructors.md says how to upload it.
set -euo pipefail
source=/autograder/source
apt-get install -y python3 python3-venv python3-dev build-essential
python3 -c 'import sys; assert sys.version_info >= (3, 11), "ufos needs Python 3.11: choose Ubuntu 24.04"'
python3 -m venv /autograder/venv
/autograder/venv/bin/pip install --quiet --upgrade pip
/autograder/venv/bin/pip install --quiet -e "$source/ufos"
cd "$source/ufos" && /autograder/venv/bin/ufos run /bin/true
