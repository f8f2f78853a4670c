#!/usr/bin/python3
# tagged.py - checks one PDF against what shiryo's tagging promises (issue
# 19), with pikepdf (Debian python3-pikepdf) walking the file itself:
#
#   tagged.py FILE.pdf [--table-over-pages] [FILE.pdf ...]
#
# prints one "ok - ..." or "not ok - ..." line per check (TAP, as the e2e
# scripts do), prefixed with the file's name, and exits 0.  The checks and
# the PDF/UA-1 / Matterhorn Protocol checkpoints they stand for:
#   catalog    /MarkInfo /Marked true (06-002), /Lang ja (11-001),
#              /ViewerPreferences /DisplayDocTitle true (07-001), an XMP
#              stream with pdfuaid:part 1 (06-001?) and dc:title (06-003),
#              /StructTreeRoot present (01-001 area)
#   pages      /Tabs /S on every page (19-003? - tab order), /StructParents
#              on every page with marked content
#   content    every painting operator (text, paths, images, shadings) is
#              inside marked content with an MCID or inside an /Artifact
#              (01-001 "content neither marked as artifact nor tagged"),
#              marked content not nested in marked content of another
#              element, BDC/EMC balanced per stream (01-004 area)
#   tree       every MCID painted is a kid of exactly one structure element
#              and the ParentTree maps it back to that element (01-002 /
#              01-003 area); every structure type is a standard one, so no
#              RoleMap is needed (02-001, 02-003)
#   figures    every Figure has a non-empty /Alt (13-004)
#   tables     every TH has /Scope in a Table attribute (15-003), TR only
#              in THead/TBody/Table, TH/TD only in TR (09-004 area)
#   headings   H1..H6 never skip a level, the first is H1 (14-003, 14-002)
import re
import sys

import pikepdf

STANDARD = {
    "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC",
    "TOCI", "Index", "NonStruct", "Private", "H", "H1", "H2", "H3", "H4",
    "H5", "H6", "P", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD",
    "THead", "TBody", "TFoot", "Span", "Quote", "Note", "Reference",
    "BibEntry", "Code", "Link", "Annot", "Ruby", "RB", "RT", "RP", "Warichu",
    "WT", "WP", "Figure", "Formula", "Form",
}
PAINT = {"Tj", "TJ", "'", '"', "S", "s", "f", "F", "f*", "B", "B*", "b",
         "b*", "sh", "Do", "BI"}

def check_one(path, want_long_table):
    name = path.rsplit("/", 1)[-1]
    results = []


    def check(cond, what, detail=""):
        results.append((bool(cond), what, detail))


    pdf = pikepdf.open(path)
    root = pdf.Root

    # ---- catalog ----------------------------------------------------------------
    mark = root.get("/MarkInfo")
    check(mark is not None and bool(mark.get("/Marked")), "/MarkInfo /Marked true")
    lang = str(root.get("/Lang", ""))
    check(lang.lower().startswith("ja"), "/Lang is Japanese", lang)
    vp = root.get("/ViewerPreferences")
    check(vp is not None and bool(vp.get("/DisplayDocTitle")),
          "/DisplayDocTitle true")
    xmp = b""
    if "/Metadata" in root:
        xmp = root.Metadata.read_bytes()
    check(re.search(rb"<pdfuaid:part>1</pdfuaid:part>", xmp),
          "XMP says pdfuaid:part 1")
    check(b"<dc:title>" in xmp, "XMP has dc:title")
    check("/StructTreeRoot" in root, "structure tree present")
    if "/StructTreeRoot" not in root:
        for ok, what, detail in results:
            print(("ok - " if ok else "not ok - ") + name + ": " + what +
                  (": " + detail if detail and not ok else ""))
        return
    str_root = root.StructTreeRoot
    check("/RoleMap" not in str_root or len(str_root.RoleMap) == 0,
          "no RoleMap needed")

    # ---- the tree -----------------------------------------------------------------
    pages = list(pdf.pages)
    page_index = {p.obj.objgen: i for i, p in enumerate(pages)}
    owner = {}          # (page, mcid) -> element objgen
    dup = []
    order = []          # elements in tree order: (type, elem)
    bad_types = set()
    figures_no_alt = 0
    th_no_scope = 0
    bad_parent = []


    def kids_of(e):
        k = e.get("/K")
        if k is None:
            return []
        if isinstance(k, pikepdf.Array):
            return list(k)
        return [k]


    table_pages = []    # per Table: the pages its content is on
    table_stack = []


    def walk(e, parent_type):
        s = str(e.get("/S", ""))[1:]
        order.append((s, e))
        if s == "Table":
            table_pages.append(set())
            table_stack.append(table_pages[-1])
        if s not in STANDARD:
            bad_types.add(s)
        nonlocal figures_no_alt, th_no_scope
        if s == "Figure" and not str(e.get("/Alt", "")).strip():
            figures_no_alt += 1
        if s == "TH":
            a = e.get("/A")
            attrs = list(a) if isinstance(a, pikepdf.Array) else [a] if a is not None else []
            if not any(isinstance(x, pikepdf.Dictionary) and "/Scope" in x for x in attrs):
                th_no_scope += 1
        if s == "TR" and parent_type not in ("THead", "TBody", "TFoot", "Table"):
            bad_parent.append("TR in " + parent_type)
        if s in ("TH", "TD") and parent_type != "TR":
            bad_parent.append(s + " in " + parent_type)
        pg = e.get("/Pg")
        for k in kids_of(e):
            if isinstance(k, int) or (isinstance(k, pikepdf.Object) and
                                      k._type_code == pikepdf.ObjectType.integer):
                key = (page_index.get(pg.objgen) if pg is not None else None, int(k))
                for t in table_stack:
                    t.add(key[0])
                if key in owner:
                    dup.append(key)
                owner[key] = e.objgen
            elif isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/MCR":
                kp = k.get("/Pg", pg)
                key = (page_index.get(kp.objgen), int(k.MCID))
                for t in table_stack:
                    t.add(key[0])
                if key in owner:
                    dup.append(key)
                owner[key] = e.objgen
            elif isinstance(k, pikepdf.Dictionary) and "/S" in k:
                walk(k, s)
        if s == "Table":
            table_stack.pop()


    for top in kids_of(str_root):
        walk(top, "StructTreeRoot")

    long_tables = sum(1 for t in table_pages if len(t) > 1)
    if want_long_table:
        check(long_tables > 0, "a table continued over pages is one Table element",
              "none of %d tables has content on two pages" % len(table_pages))
    check(not bad_types, "only standard structure types", " ".join(sorted(bad_types)))
    check(figures_no_alt == 0, "every Figure has /Alt",
          "%d without" % figures_no_alt)
    n_fig = sum(1 for s, _ in order if s == "Figure")
    n_th = sum(1 for s, _ in order if s == "TH")
    check(th_no_scope == 0, "every TH has /Scope", "%d of %d without" % (th_no_scope, n_th))
    check(not bad_parent, "table rows and cells nested as tables want",
          ", ".join(bad_parent[:5]))
    check(not dup, "no MCID claimed by two elements", str(dup[:5]))

    levels = [int(s[1]) for s, _ in order if re.fullmatch(r"H[1-6]", s)]
    skips = [(a, b) for a, b in zip([0] + levels, levels) if b > a + 1]
    check(levels and levels[0] == 1 and not skips,
          "headings start at H1 and never skip a level",
          "first %s, skips %s" % (levels[:1], skips[:5]))

    # ---- content streams -----------------------------------------------------------
    untagged = []
    unowned = []
    nesting = []
    mcids_seen = set()
    for i, page in enumerate(pages):
        stack = []  # "A" artifact, int MCID, None other marked content
        for operands, op in pikepdf.parse_content_stream(page):
            o = str(op)
            if o in ("BDC", "BMC"):
                tag = str(operands[0])
                mcid = None
                if o == "BDC" and isinstance(operands[1], pikepdf.Dictionary):
                    if "/MCID" in operands[1]:
                        mcid = int(operands[1].MCID)
                if tag == "/Artifact":
                    stack.append("A")
                elif mcid is not None:
                    if any(isinstance(x, int) for x in stack):
                        nesting.append((i + 1, mcid))
                    stack.append(mcid)
                    mcids_seen.add((i, mcid))
                    if (i, mcid) not in owner:
                        unowned.append((i + 1, mcid))
                else:
                    stack.append(None)
            elif o == "EMC":
                if stack:
                    stack.pop()
                else:
                    nesting.append((i + 1, "EMC without BDC"))
            elif o in PAINT:
                if not any(x == "A" or isinstance(x, int) for x in stack):
                    untagged.append((i + 1, o))
        if stack:
            nesting.append((i + 1, "unclosed marked content"))

    check(not untagged, "every painting operator is tagged or an artifact",
          "%d not, first on pages %s" % (len(untagged), sorted({p for p, _ in untagged})[:8]))
    check(not unowned, "every MCID painted belongs to a structure element",
          str(unowned[:5]))
    check(not nesting, "marked content balanced and not nested in content",
          str(nesting[:5]))
    check(all(k in mcids_seen for k in owner), "every MCID of the tree is painted",
          str([k for k in owner if k not in mcids_seen][:5]))

    # ParentTree: page /StructParents -> array by MCID -> the owning element
    pt = str_root.get("/ParentTree")
    nums = {}
    if pt is not None:
        stack = [pt]
        while stack:
            node = stack.pop()
            if "/Nums" in node:
                a = list(node.Nums)
                for j in range(0, len(a), 2):
                    nums[int(a[j])] = a[j + 1]
            for kid in node.get("/Kids", []):
                stack.append(kid)
    mismatch = []
    for (pi, mcid), elem in owner.items():
        sp = pages[pi].obj.get("/StructParents") if pi is not None else None
        arr = nums.get(int(sp)) if sp is not None else None
        if arr is None or mcid >= len(arr) or arr[mcid].objgen != elem:
            mismatch.append((pi + 1 if pi is not None else None, mcid))
    check(not mismatch, "the ParentTree maps every MCID back to its element",
          str(mismatch[:5]))
    check(all(str(p.obj.get("/Tabs", "")) == "/S" for p in pages),
          "every page has /Tabs /S")

    for ok, what, detail in results:
        print(("ok - " if ok else "not ok - ") + name + ": " + what +
              (": " + detail if detail and not ok else ""))
    print("# %s: %d elements, %d figures, %d TH, %d MCIDs, %d of %d tables over "
          "pages, headings %s" %
          (name, len(order), n_fig, n_th, len(owner), long_tables, len(table_pages),
           "".join(str(x) for x in levels[:40])))


# Several files in one run (pikepdf's start-up is most of the time): a
# file followed by --table-over-pages must have a table continued over
# pages as one Table.
args = sys.argv[1:]
for i, a in enumerate(args):
    if a != "--table-over-pages":
        check_one(a, i + 1 < len(args) and args[i + 1] == "--table-over-pages")
