#!/usr/bin/python3
# tagged_order.py - the reading order of tables in a tagged PDF is the
# plan's order (issue 19):
#
#   tagged_order.py PLAN.xml STRUCT-TEXT PAGE-TEXT
#
# STRUCT-TEXT is what `pdfinfo -struct-text` (poppler) printed for the
# annual report: the text of every structure element in structure order,
# which is the order a screen reader reads; PAGE-TEXT what pdftotext found
# on the pages.  The initiatives (主な取組内容) of the plan that the report
# shows fill the 取組 tables, which run over pages; read in structure
# order, the table cells that hold them must give every one of them
# exactly once and in the plan's order (a header or a cell that a
# continued page repeats is an artifact and must not be read again).
# Prints TAP lines.
import re
import sys
import xml.etree.ElementTree as ET

plan, struct, page_text = sys.argv[1], sys.argv[2], sys.argv[3]
shown = "".join(open(page_text, encoding="utf-8").read().split())
want = [" ".join((e.text or "").split())
        for e in ET.parse(plan).getroot().iter("initiative")]
want = [w for w in want if "".join(w.split()) in shown]
wanted = set(want)

got = []
heads = 0
stack = []  # (indent, element name)
for line in open(struct, encoding="utf-8"):
    indent = len(line) - len(line.lstrip(" "))
    body = line.strip()
    if not body:
        continue
    while stack and stack[-1][0] >= indent:
        stack.pop()
    if body.startswith('"'):
        text = " ".join(body.strip('"').split())
        inside = [n for _, n in stack]
        if inside and inside[-1] == "TD" and text in wanted:
            got.append(text)
        if inside and inside[-1] == "TH" and text == "主な取組内容":
            heads += 1
        continue
    m = re.match(r"([A-Za-z0-9]+)", body)
    if m:
        stack.append((indent, m.group(1)))

def report(ok, what, detail=""):
    print(("ok - " if ok else "not ok - ") + what +
          ("" if ok or not detail else ": " + detail))

report(len(want) > 0, "the report shows initiatives (%d)" % len(want))
first_bad = next((i for i, (a, b) in enumerate(zip(got, want)) if a != b), None)
report(got == want,
       "table cells read in structure order give every initiative once, in "
       "the plan's order",
       "read %d of %d; first difference at %s" % (len(got), len(want), first_bad))
tables = sum(1 for line in open(struct, encoding="utf-8")
             if line.strip().startswith("Table"))
report(heads <= tables and heads > 0,
       "a repeated table header is not read again (%d header cells 主な取組内容)"
       % heads)
