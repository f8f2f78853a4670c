#!/usr/bin/python3
# tagged_html.py - checks the HTML edition (issue 19):
#
#   tagged_html.py PLAN.xml FILE.html
#
# prints TAP lines: lang="ja" on <html>, a <title>, every indicator name of
# the plan in the text, one h1 and it is the plan's title (the cover's),
# headings h1-h6 never skipping a level, the 目次 (<nav>) nested by the
# level of the heading each entry links to (an entry for an h3 in a list
# inside the entry of its h2, at least two levels deep), every <th>
# with scope, every <svg> with a <title> and a <desc> that say something,
# no <script>, no event handler attributes, and no http: or https: URL
# anywhere (the file is self-contained: nothing is fetched).
import re
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

plan, path = sys.argv[1], sys.argv[2]
raw = open(path, encoding="utf-8").read()
names = [" ".join((ind.findtext("name") or "").split())
         for ind in ET.parse(plan).getroot().iter("indicator")]
names = [n for n in names if n]
plan_title = " ".join((ET.parse(plan).getroot().findtext("meta/title") or "").split())
# as the default typographic profile prints them: half-width digits (typo.h)
names = [n.translate({0xFF10 + d: 0x30 + d for d in range(10)}) for n in names]
plan_title = plan_title.translate({0xFF10 + d: 0x30 + d for d in range(10)})


class Walk(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lang = None
        self.title = ""
        self.stack = []
        self.text = []
        self.levels = []
        self.th = self.th_scoped = 0
        self.svgs = []          # [title text, desc text]
        self.scripts = 0
        self.handlers = 0
        self.h1_text = []       # the text of each h1
        self.heading_of = {}    # id -> level
        self.toc = []           # (depth of lists, href) of each 目次 link
        self.in_nav = False
        self.lists = 0          # ol/ul open inside the nav

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        if re.fullmatch(r"h[1-6]", tag):
            self.levels.append(int(tag[1]))
            if a.get("id"):
                self.heading_of[a["id"]] = int(tag[1])
            if tag == "h1":
                self.h1_text.append("")
        if tag == "nav":
            self.in_nav = True
        if self.in_nav and tag in ("ol", "ul"):
            self.lists += 1
        if self.in_nav and tag == "a" and a.get("href", "").startswith("#"):
            self.toc.append((self.lists, a["href"][1:]))
        if tag == "th":
            self.th += 1
            self.th_scoped += a.get("scope") in ("col", "row", "colgroup", "rowgroup")
        if tag == "svg":
            self.svgs.append(["", ""])
        if tag == "script":
            self.scripts += 1
        self.handlers += sum(1 for k, _ in attrs if k.startswith("on"))
        if tag not in ("br", "meta", "link", "img", "input", "hr"):
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag == "nav":
            self.in_nav = False
        if self.in_nav and tag in ("ol", "ul"):
            self.lists -= 1
        while self.stack:
            if self.stack.pop() == tag:
                break

    def handle_data(self, data):
        inside = self.stack
        if "h1" in inside:
            self.h1_text[-1] += data
        if "title" in inside and "svg" in inside:
            self.svgs[-1][0] += data
        elif "desc" in inside and "svg" in inside:
            self.svgs[-1][1] += data
        elif "title" in inside:
            self.title += data
        elif "style" not in inside:
            self.text.append(data)


w = Walk()
w.feed(raw)
flat = "".join("".join(w.text).split())


def report(ok, what, detail=""):
    print(("ok - " if ok else "not ok - ") + what +
          ("" if ok or not detail else ": " + detail))


report(w.lang == "ja", 'html lang="ja"', str(w.lang))
report(w.title.strip() != "", "the page has a title")
missing = [n for n in names if "".join(n.split()) not in flat]
report(names and not missing,
       "the text holds every indicator of the plan (%d)" % len(names),
       "missing: " + " / ".join(missing[:3]))
skips = [(a, b) for a, b in zip([0] + w.levels, w.levels) if b > a + 1]
report(w.levels and w.levels[0] == 1 and not skips,
       "headings start at h1 and never skip a level (%d headings)" % len(w.levels),
       str(skips[:5]))
report(len(w.h1_text) == 1 and "".join(w.h1_text[0].split()) == "".join(plan_title.split()),
       "one h1, the plan's title from the cover (%s)" % plan_title,
       "h1: " + " / ".join(w.h1_text[:3]))
wrong = [(d, h, w.heading_of.get(h)) for d, h in w.toc
         if w.heading_of.get(h) is None or d != w.heading_of[h] - 1]
report(w.toc and not wrong and max(d for d, _ in w.toc) >= 2,
       "the 目次 nests by heading level (%d entries, %d levels)" %
       (len(w.toc), max([d for d, _ in w.toc] or [0])),
       "depth/target/level " + str(wrong[:5]))
report(w.th > 0 and w.th == w.th_scoped,
       "every th has scope (%d)" % w.th, "%d of %d" % (w.th_scoped, w.th))
bad = [i for i, (t, d) in enumerate(w.svgs) if not t.strip() or not d.strip()]
report(w.svgs and not bad,
       "every svg has a title and a desc (%d charts)" % len(w.svgs),
       "svg %s" % bad[:5])
report(w.scripts == 0 and w.handlers == 0, "no script, no event handlers")
urls = re.findall(r"(?i)(?:https?:|//[a-z0-9.-]+\.[a-z]{2,}/)[^\s\"'<>]*", raw)
report(not urls, "no external URL (nothing to fetch)", " ".join(urls[:3]))
report(not re.search(r'(?i)\b(src|href)\s*=\s*"(?!#)', raw),
       "no src= and no href= but to the page itself")
