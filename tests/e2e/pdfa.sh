# pdfa.sh - archive grade end to end: the annual reports of both plans are
# PDF/A-2b (src/render/pdfa.c says why not PDF/A-1b: object streams), their
# dictionaries are in object streams with a cross-reference stream that
# qpdf reads back, they pass Apache PDFBox Preflight (below), their text
# still gives every indicator name, and two builds with the same
# SOURCE_DATE_EPOCH are the same bytes.  The writer's repairs themselves are
# pinned one by one in tests/unit/test_pdfa.c.
#
# Preflight (Debian's PDFBox 2) validates PDF/A-1b only, and veraPDF is not
# in Debian.  So qpdf unpacks the object streams into a classic table (the
# only structure PDF/A-1 forbids and PDF/A-2 allows; nothing else is
# decoded or recompressed), the XMP says part 1 in place of part 2, and
# Preflight validates that as PDF/A-1b: every PDF/A-1b rule but the
# container.  PDF/A-2's own stricter limits (strings of at most 32,767
# bytes, the header) are checked here and in test_pdfa.c.
. "$TOP/tests/e2e/lib.inc"

SOURCE_DATE_EPOCH=1743465600 # 2025-04-01T00:00:00Z
export SOURCE_DATE_EPOCH
YEAR=R7
PLANS="kagoshima-city-plan2 kagoshima-pref-manufacturing"

J=/usr/share/java
PREFLIGHT_CP=$J/preflight.jar:$J/pdfbox2.jar:$J/xmpbox.jar:$J/fontbox2.jar:$J/commons-logging.jar:$J/javax.activation.jar:$J/jaxb-api.jar
PREFLIGHT_PACKAGES="libpdfbox2-java libactivation-java libjaxb-api-java default-jre-headless"

# preflight WHAT FILE: ok when Preflight calls FILE, unpacked by qpdf and
# relabelled part 1, a valid PDF/A-1b file.
preflight() {
	rm -f "$WORK/unpacked.pdf"
	qpdf --object-streams=disable --compress-streams=n --decode-level=none \
		--newline-before-endstream "$2" "$WORK/unpacked.pdf" 2>"$WORK/qpdf.err"
	sed -i 's|<pdfaid:part>2</pdfaid:part>|<pdfaid:part>1</pdfaid:part>|' \
		"$WORK/unpacked.pdf" 2>>"$WORK/qpdf.err"
	java -cp "$PREFLIGHT_CP" org.apache.pdfbox.preflight.Validator_A1b \
		"$WORK/unpacked.pdf" >"$WORK/preflight.out" 2>&1
	rc=$?
	if [ "$rc" -eq 0 ] && grep -q "is a valid PDF/A-1b file" "$WORK/preflight.out" &&
		! grep -q "not a valid" "$WORK/preflight.out" && [ ! -s "$WORK/qpdf.err" ]; then
		ok "$1"
	else
		not_ok "$1: Preflight exit $rc"
		sed 's/^/#   /' "$WORK/qpdf.err" | head -5
		grep -v 'CmapSubtable\|Format 14' "$WORK/preflight.out" | sed 's/^/#   /' | head -40
	fi
}

# packed FILE: the file's dictionaries are in object streams, its
# cross-reference is a stream, its header says 1.5, and qpdf reads it all.
packed() {
	head -c 9 "$1" | grep -q '^%PDF-1\.5$' &&
		LC_ALL=C grep -aq '/Type/ObjStm' "$1" &&
		LC_ALL=C grep -aq '/Type/XRef' "$1" &&
		! LC_ALL=C grep -aq '^trailer' "$1" &&
		qpdf --check "$1" >/dev/null 2>&1
}

# The <name> of every <indicator> of a plan, one a line, entities decoded,
# in the default typographic profile's half-width digits (typo.h).
indicator_names() {
	awk '/<indicator[ >]/ { want = 1 }
	     want && /<name>/ {
		sub(/.*<name>/, ""); sub(/<\/name>.*/, ""); print; want = 0 }' "$1" |
		sed 's/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g; s/&apos;/'"'"'/g; s/&amp;/\&/g' |
		perl -Mutf8 -CS -pe 'tr/０-９/0-9/'
}

# NFKC: the typographic profile prints the plan's full-width digits as
# ASCII (１人当たり -> 1人当たり), so names and text are compared in NFKC.
nfkc() {
	/usr/bin/python3 -c 'import sys, unicodedata
sys.stdout.write(unicodedata.normalize("NFKC", sys.stdin.read()))'
}

# names_in_text PLAN PDF: every indicator name of PLAN is in the PDF's text
# (whitespace aside: a long name may wrap in a table cell; in NFKC).  -raw
# keeps content-stream order, in which a cell's lines are consecutive.
names_in_text() {
	pdftotext -raw -enc UTF-8 "$2" - 2>"$WORK/pdftotext.err" | nfkc | tr -d ' \t\n\f' >"$WORK/text"
	missing=0
	indicator_names "$1" | nfkc >"$WORK/names"
	[ -s "$WORK/names" ] || { echo "#   no indicator names found in $1"; return 1; }
	while IFS= read -r ind; do
		flat=$(printf '%s' "$ind" | tr -d ' \t')
		if ! grep -qF -- "$flat" "$WORK/text"; then
			echo "#   missing: $ind"
			missing=$((missing + 1))
		fi
	done <"$WORK/names"
	[ "$missing" -eq 0 ] && [ ! -s "$WORK/pdftotext.err" ]
}

# ---- Preflight must be there: make check installs it (DEB_PKGS) ----------

if ! command -v java >/dev/null 2>&1 || [ ! -r "$J/preflight.jar" ]; then
	not_ok "PDFBox Preflight is installed (apt-get install --no-install-recommends $PREFLIGHT_PACKAGES)"
	exit 0
fi

# ---- handouts stay plain PDF ----------------------------------------------

if ls "$TOP"/src/doc/*council* >/dev/null 2>&1; then
	plan=xml/kagoshima-city-plan2.xml
	expect_exit 0 "council handout builds" \
		"$SHIRYO" build "$plan" --actuals xml/kagoshima-city-plan2-actuals.xml \
		--kind council --year "$YEAR" -o "$WORK/council.pdf"
	check "council handout is plain PDF (no PDF/A metadata)" \
		sh -c "! grep -aq pdfaid '$WORK/council.pdf'"
fi

# ---- the annual reports ---------------------------------------------------

for name in $PLANS; do
	plan=xml/$name.xml
	actuals=xml/$name-actuals.xml
	a=$WORK/$name-a.pdf
	b=$WORK/$name-b.pdf
	expect_exit 0 "$name: annual report builds" \
		"$SHIRYO" build "$plan" --actuals "$actuals" --kind annual --year "$YEAR" -o "$a"
	[ -s "$a" ] || continue
	preflight "$name: annual report passes Preflight (unpacked, as PDF/A-1b)" "$a"
	check "$name: annual report is packed in object streams, and qpdf --check reads it" \
		packed "$a"
	check "$name: annual report text has every indicator name" names_in_text "$plan" "$a"
	expect_exit 0 "$name: annual report rebuilds" \
		"$SHIRYO" build "$plan" --actuals "$actuals" --kind annual --year "$YEAR" -o "$b"
	check "$name: two builds are identical bytes, /ID included" cmp "$a" "$b"
	check "$name: annual report says PDF/A-2b in its XMP" \
		sh -c "grep -aq '<pdfaid:part>2</pdfaid:part>' '$a' &&
		       grep -aq '<pdfaid:conformance>B</pdfaid:conformance>' '$a'"

	expect_exit 0 "$name: annual report builds with --no-pdfa" \
		"$SHIRYO" build "$plan" --actuals "$actuals" --kind annual --year "$YEAR" \
		--no-pdfa -o "$WORK/$name-plain.pdf"
	check "$name: --no-pdfa gives plain PDF" \
		sh -c "! grep -aq pdfaid '$WORK/$name-plain.pdf'"
done

# shiryo archive writes PDF/A too.
name=kagoshima-pref-manufacturing
mkdir -p "$WORK/archive"
expect_exit 0 "$name: archive of $YEAR builds" \
	"$SHIRYO" archive "xml/$name.xml" --actuals "xml/$name-actuals.xml" \
	--from "$YEAR" --to "$YEAR" -o "$WORK/archive"
for f in "$WORK"/archive/*.pdf; do
	[ -f "$f" ] || { not_ok "$name: archive wrote no PDF"; break; }
	preflight "$name: archive file $(basename "$f") passes Preflight (unpacked)" "$f"
done
