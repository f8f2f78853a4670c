#!/usr/bin/python3
# legible.py - reads a PDF back (mutool trace, pdftotext -bbox) and checks
# issue 17's legibility floor (include/typesize.h):
#
#   legible.py PLAN.xml FILE.pdf [--no-charts] [--a4]
#
# prints TAP lines ("ok - ..." / "not ok - ...") prefixed with the file's
# name, and exits 0.  The checks:
#   floor    no glyph anywhere under 8 pt
#   read     every glyph of tagged text (paragraphs, tables, lists, notes,
#            headings, the 目次) at least 10 pt; only chart content
#            (Figure) and page furniture (Artifact) may be smaller
#   titles   every trend chart's title - the only 10 pt text that is not
#            tagged (chart labels are artifacts; the furniture is 9 pt,
#            the 資料番号 12) - is an indicator's number and name from
#            the plan, and (--all-charts) every indicator has one
#   fill     (--a4) every page but the cover and the last reaches at least
#            half way down the body, unless the next page opens with a
#            level-1 heading (a chapter start)
#   heading  no page ends with a heading (its text is the last tagged
#            content of the page)
import re
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET

FLOOR, READ, TITLE = 8.0, 10.0, 10.0
EPS = 0.01
TOP, BOTTOM = 22 * 72 / 25.4, 841.89 - 20 * 72 / 25.4


def spans(pdf):
    """(page, layer, size, text) of every text span, in drawing order."""
    out = subprocess.run(["mutool", "trace", pdf], capture_output=True,
                         text=True, check=True).stdout
    # marked content nests (a chart's labels are an Artifact inside its
    # Figure): a span's layer is the innermost, with "Figure" or "Artifact"
    # when any enclosing one is
    page, stack, ctm, cur = 0, [], 1.0, None
    res = []
    for line in out.splitlines():
        m = re.match(r'<page number="(\d+)"', line)
        if m:
            page, stack = int(m.group(1)), []
            continue
        m = re.match(r'\s*<layer name="([^"]*)"', line)
        if m:
            stack.append(m.group(1))
            continue
        if line.strip() == "<end_layer/>":
            stack = stack[:-1]
            continue
        layer = "Figure" if "Figure" in stack else "Artifact" if "Artifact" in stack \
            else stack[-1] if stack else ""
        m = re.search(r'<fill_text .*transform="([^"]+)"', line)
        if m:
            a, b = map(float, m.group(1).split()[:2])
            ctm = (a * a + b * b) ** .5
            continue
        m = re.search(r'<span .*trm="([^"]+)"', line)
        if m:
            ta, tb = map(float, m.group(1).split()[:2])
            cur = [page, layer, round((ta * ta + tb * tb) ** .5 * ctm, 2), ""]
            continue
        m = re.search(r'<g unicode="([^"]*)"', line)
        if m and cur is not None:
            cur[3] += m.group(1).replace("&amp;", "&").replace("&quot;", '"') \
                .replace("&lt;", "<").replace("&gt;", ">")
            continue
        if line.strip() == "</span>" and cur:
            res.append(tuple(cur))
            cur = None
    return res


def fills(pdf):
    out = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True,
                         text=True, check=True).stdout
    pages = []
    for line in out.splitlines():
        if line.strip().startswith("<page"):
            pages.append(0.0)
        m = re.search(r'<word xMin="[^"]+" yMin="([^"]+)" xMax="[^"]+" '
                      r'yMax="([^"]+)"', line)
        if m and pages:
            y0, y1 = float(m.group(1)), float(m.group(2))
            if y0 >= TOP - 1 and y1 <= BOTTOM + 1:
                pages[-1] = max(pages[-1], (y1 - TOP) / (BOTTOM - TOP))
    return pages


def squeeze(s):
    # spaces aside, and full- or half-width digits and letters as one (the
    # typographic profile may print the plan's １ as 1)
    return unicodedata.normalize("NFKC", re.sub(r"[\s　]", "", s))


def main():
    plan, pdf = sys.argv[1], sys.argv[2]
    opts = sys.argv[3:]
    name = pdf.rsplit("/", 1)[-1]

    def report(ok, what):
        print("%s - %s: %s" % ("ok" if ok else "not ok", name, what))

    sp = spans(pdf)
    small = [s for s in sp if s[2] < FLOOR - EPS]
    report(not small, "no text under %g pt (%d spans%s)" % (
        FLOOR, len(small),
        "; " + "; ".join("p%d %g pt %s" % (p, z, t[:16]) for p, _, z, t in small[:3])
        if small else ""))
    tagged = [s for s in sp if s[1] not in ("Artifact", "Figure")]
    under = [s for s in tagged if s[2] < READ - EPS]
    report(not under and tagged,
           "tagged text (body, tables, PDCA, notes) at least %g pt (%d of %d "
           "spans under%s)" % (
               READ, len(under), len(tagged),
               "; " + "; ".join("p%d %s %g pt %s" % (p, l, z, t[:16])
                                for p, l, z, t in under[:3]) if under else ""))

    # chart titles: runs of title-size text opening a Figure's content
    root = ET.parse(plan).getroot()
    ns = re.match(r"\{[^}]*\}", root.tag)
    ns = ns.group(0) if ns else ""
    want = {}
    for ind in root.iter(ns + "indicator"):
        nm = ind.find(ns + "name")
        if nm is None or not (nm.text or "").strip():
            continue
        no = ind.get("no")
        want[squeeze((no or "") + nm.text)] = True
    titles, run, prev = [], None, None
    for s in sp:
        is_title = s[1] in ("Figure", "Artifact") and abs(s[2] - TITLE) < EPS
        if is_title and run is not None and prev is not None and prev[3] and \
                prev[1] == s[1] and abs(prev[2] - TITLE) < EPS:
            run += s[3]
        elif is_title:
            run = s[3]
        else:
            if run is not None:
                titles.append(run)
            run = None
        prev = s
    if run is not None:
        titles.append(run)
    # a table continued on a new page repeats its header under 「（続き）」
    # as artifacts of the table's size: not a chart
    titles = [t for t in titles if not t.startswith("（続き）")]
    if "--no-charts" not in opts:
        bad = [t for t in titles if squeeze(t) not in want]
        report(titles and not bad, "every trend chart titled with its indicator's "
               "number and name (%d titles%s)" % (
                   len(titles), "; not indicators: " + ", ".join(bad[:3]) if bad else ""))
        if "--all-charts" in opts:
            got = {squeeze(t) for t in titles}
            missing = [w for w in want if w not in got]
            report(not missing, "every indicator has its titled chart (%d missing%s)" % (
                len(missing), ": " + ", ".join(missing[:3]) if missing else ""))

    # pages: fill, and what opens and ends each
    n = max((s[0] for s in sp), default=0)
    first_layer, last_layer = {}, {}
    for p, layer, _, _ in sp:
        if layer in ("Artifact", ""):
            continue
        first_layer.setdefault(p, layer)
        last_layer[p] = layer
    stranded = [p for p in range(2, n + 1) if last_layer.get(p, "").startswith("H")
                and p < n]
    report(not stranded, "no page ends with a heading (%s)" % (
        " ".join("p%d" % p for p in stranded) or "none"))
    if "--a4" in opts:
        f = fills(pdf)
        thin = ["p%d:%d%%" % (p, 100 * f[p - 1]) for p in range(2, len(f))
                if f[p - 1] < 0.5 and first_layer.get(p + 1) != "H1"]
        report(not thin, "no page under half full but before a chapter "
               "start and the last (%s)" % (" ".join(thin) or "none"))


main()
