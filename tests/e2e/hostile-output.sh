# hostile-output.sh - writing the PDF where it cannot be written (issue 8):
# a missing folder, a path through a file, a read-only folder, a full disk,
# a failed render.  Each must exit 1 with a message naming the path and the
# reason, leave an existing file at the path byte for byte as it was (cmp
# with a copy), and leave no temporary file behind.
#
# The tests run as root in CI, where folder permissions stop nothing: the
# read-only folder is tested by dropping to user nobody (setpriv) when root,
# with chmod when not; the full disk by a file-size limit (ulimit -f, works
# for root too) and, where mounting is allowed, by a real 1 MiB tmpfs.
. tests/e2e/lib.inc
export SOURCE_DATE_EPOCH=1763683200
city=xml/kagoshima-city-plan2.xml

# old FOLDER: puts the "earlier good handout" at FOLDER/keep.pdf.
old() {
	mkdir -p "$1"
	printf '%%PDF-1.4\n%% an earlier, good handout that a failed run must not touch\n' >"$1/keep.pdf"
	cp "$1/keep.pdf" "$WORK/keep.orig"
}

# build OUT [ENV...]: the council handout into OUT.
build() { "$SHIRYO" build "$city" --kind council --year R7 -o "$1"; }

# survived WHAT FOLDER: keep.pdf unchanged and nothing else in FOLDER.
survived() {
	check "$1: existing file unchanged" cmp -s "$2/keep.pdf" "$WORK/keep.orig"
	left=$(ls -A "$2" | grep -v '^keep\.pdf$' | grep -v '^lost+found$' | grep -v '^filler$' | tr '\n' ' ')
	check "$1: no temporary file left ($left)" test -z "$left"
}

# said WHAT PATTERN: the output of the last command matches PATTERN (ERE).
said() {
	if grep -Eq -- "$2" "$WORK/out"; then ok "$1: message"; else
		not_ok "$1: no message matching: $2"
		sed 's/^/#   /' "$WORK/out" | head -10
	fi
}

# ---- a good build first, for comparison ------------------------------------

old "$WORK/good"
expect_exit 0 "a build replaces the earlier file" build "$WORK/good/keep.pdf"
check "the new file is a PDF" sh -c "head -c 5 '$WORK/good/keep.pdf' | grep -q '%PDF-'"
check "the new file is not the old one" sh -c "! cmp -s '$WORK/good/keep.pdf' '$WORK/keep.orig'"
check "no temporary file left after a good build" test "$(ls -A "$WORK/good")" = keep.pdf
cp "$WORK/good/keep.pdf" "$WORK/good.pdf"

# ---- folders that are not there --------------------------------------------

expect_exit 1 "a missing folder" build "$WORK/no/such/folder/out.pdf"
said "a missing folder" "cannot write '$WORK/no/such/folder/out.pdf': No such file or directory"
check "a missing folder is not created" test ! -e "$WORK/no"

old "$WORK/f"
expect_exit 1 "a path through a regular file" build "$WORK/f/keep.pdf/out.pdf"
said "a path through a regular file" "cannot write '$WORK/f/keep.pdf/out.pdf': Not a directory"
survived "a path through a regular file" "$WORK/f"

expect_exit 1 "a folder of /proc" build /proc/shiryo-e2e-out.pdf
said "a folder of /proc" "cannot write '/proc/shiryo-e2e-out.pdf': "
check "nothing made in /proc" test ! -e /proc/shiryo-e2e-out.pdf

old "$WORK/d"
mkdir "$WORK/d/sub"
cp "$WORK/keep.orig" "$WORK/d/sub/inside"
expect_exit 1 "a folder as the output path" build "$WORK/d/sub"
said "a folder as the output path" "cannot write '$WORK/d/sub': "
check "a folder as the output path: its content unchanged" cmp -s "$WORK/d/sub/inside" "$WORK/keep.orig"
check "a folder as the output path: no temporary file left" \
	test "$(ls -A "$WORK/d" | tr '\n' ' ')" = "keep.pdf sub "

# ---- a read-only folder ------------------------------------------------------

if [ "$(id -u)" = 0 ]; then
	skip "read-only folder by chmod (root ignores folder permissions; see the nobody variant)"
else
	old "$WORK/ro"
	chmod 555 "$WORK/ro"
	expect_exit 1 "a read-only folder (chmod)" build "$WORK/ro/keep.pdf"
	said "a read-only folder (chmod)" "cannot write '$WORK/ro/keep.pdf': Permission denied"
	chmod 755 "$WORK/ro"
	survived "a read-only folder (chmod)" "$WORK/ro"
fi

# As root: the same folder, written by user nobody, for whom it is read-only.
# (Its own folder outside $WORK, which is private to root.)
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null 2>&1 &&
	setpriv --reuid=nobody --regid=nogroup --clear-groups true 2>/dev/null; then
	ro=$(mktemp -d "${TMPDIR:-/tmp}/shiryo-ro.XXXXXX")
	chmod 755 "$ro"
	# nobody must be able to read the input and run the binary: the source
	# tree may sit under a folder private to root (a clone in /root).
	cp -R "$TOP/xml" "$ro/xml" && chmod -R a+rX "$ro/xml"
	cp "$SHIRYO" "$ro/shiryo" && chmod 755 "$ro/shiryo"
	old "$ro/o"
	chmod 755 "$ro/o"
	chmod 644 "$ro/o/keep.pdf"
	expect_exit 1 "a read-only folder (as nobody)" \
		setpriv --reuid=nobody --regid=nogroup --clear-groups "$ro/shiryo" build "$ro/$city" \
		--kind council --year R7 -o "$ro/o/keep.pdf"
	said "a read-only folder (as nobody)" "cannot write '$ro/o/keep.pdf': Permission denied"
	survived "a read-only folder (as nobody)" "$ro/o"
	rm -rf "$ro"
else
	skip "read-only folder as nobody (needs root and setpriv)"
fi

# ---- a full disk -------------------------------------------------------------

# A file-size limit: 200 blocks of 512 bytes (100 KB), below the size of the
# PDF.  SIGXFSZ is not ignored here: shiryo must survive it itself.
old "$WORK/full"
expect_exit 1 "a file-size limit (ulimit -f)" \
	sh -c 'ulimit -f 200 && exec "$@"' sh "$SHIRYO" build "$city" --kind council --year R7 \
	-o "$WORK/full/keep.pdf"
said "a file-size limit (ulimit -f)" "cannot write '$WORK/full/keep.pdf': File too large"
survived "a file-size limit (ulimit -f)" "$WORK/full"

# A real full disk: a 1 MiB tmpfs (the PDF has grown past 256 KiB) with the old file and a filler that
# takes the rest (needs mount rights: root outside a restricted container).
mnt="$WORK/tmpfs"
mkdir "$mnt"
if [ "$(id -u)" = 0 ] && mount -t tmpfs -o size=1m shiryo-e2e "$mnt" 2>/dev/null; then
	trap 'umount "$mnt" 2>/dev/null; rm -rf "$WORK"' EXIT INT TERM
	old "$mnt"
	dd if=/dev/zero of="$mnt/filler" bs=4k 2>/dev/null
	expect_exit 1 "a full disk (tmpfs)" build "$mnt/keep.pdf"
	said "a full disk (tmpfs)" "cannot write '$mnt/keep.pdf': No space left on device"
	survived "a full disk (tmpfs)" "$mnt"
	# once there is room, the same command succeeds
	rm -f "$mnt/filler"
	expect_exit 0 "the same build once there is room" build "$mnt/keep.pdf"
	check "the file written then is the good one" cmp -s "$mnt/keep.pdf" "$WORK/good.pdf"
	umount "$mnt"
else
	skip "a full tmpfs (cannot mount here)"
fi

# ---- no temporary folder -----------------------------------------------------

# The fonts are embedded from memory: a missing $TMPDIR does not matter
# (libharu needed each subset as a temporary file there).
expect_exit 0 "a build without a temporary folder" env TMPDIR="$WORK/no-tmp" \
	"$SHIRYO" build "$city" --kind council --year R7 -o "$WORK/no-tmp.pdf"
check "a build without a temporary folder: a PDF" test -s "$WORK/no-tmp.pdf"

# ---- a symbolic link at the path is followed: its target is replaced ---------
# (the write policy of issue 14, src/model/outfile.c; more in output-safety.sh)

old "$WORK/link"
cp "$WORK/keep.orig" "$WORK/victim"
ln -s "$WORK/victim" "$WORK/link/out.pdf"
expect_exit 0 "a symbolic link at the path" build "$WORK/link/out.pdf"
check "the link's target became the PDF" cmp -s "$WORK/victim" "$WORK/good.pdf"
check "the link stays a link" test -L "$WORK/link/out.pdf"

# ---- archive: the plan's id names the files, and cannot steer them ----------

mkdir -p "$WORK/x"
cp xml/*.xml "$WORK/x/"
sed -i 's|<plan id="kagoshima-city-plan2"|<plan id="../../evil"|' "$WORK/x/kagoshima-city-plan2.xml"
old "$WORK/arch"
expect_exit 1 "a plan id with ../ is refused before archive writes" \
	"$SHIRYO" archive "$WORK/x/kagoshima-city-plan2.xml" --from R6 --to R7 -o "$WORK/arch"
said "a plan id with ../ is refused before archive writes" \
	"^$WORK/x/kagoshima-city-plan2.xml:[0-9]+:[0-9]+: error: .*'\.\./\.\./evil'"
survived "a plan id with ../" "$WORK/arch"
check "nothing written outside the archive folder" test ! -e "$WORK/evil-annual-2024.pdf"

expect_exit 1 "archive into a missing folder" \
	"$SHIRYO" archive "$city" --from R6 --to R7 -o "$WORK/no/archive"
said "archive into a missing folder" "^$WORK/no/archive: error: cannot create the folder: No such file or directory"
check "archive into a missing folder writes nothing" test ! -e "$WORK/no"
