"""struct_count.py PDF ROLE [KEY VALUE] - how many elements of the PDF's
structure tree have the role ROLE (Figure, TD, ...) and, when KEY is given,
an attribute KEY (RowSpan, ...) whose value prints as VALUE.  Used by the
end-to-end scripts to count what a tagged document holds."""
import sys

import pikepdf


def elements(pdf):
    """Every structure element of pdf, the root's descendants."""
    todo = [pdf.Root.StructTreeRoot]
    while todo:
        e = todo.pop()
        yield e
        k = e.get("/K")
        for c in (k if isinstance(k, pikepdf.Array) else [k] if k is not None else []):
            if isinstance(c, pikepdf.Dictionary) and "/S" in c:
                todo.append(c)


def attributes(e):
    a = e.get("/A")
    return [d for d in (a if isinstance(a, pikepdf.Array) else [a] if a is not None else [])
            if isinstance(d, pikepdf.Dictionary)]


def main(argv):
    pdf = pikepdf.open(argv[1])
    role = pikepdf.Name("/" + argv[2])
    key = "/" + argv[3] if len(argv) > 3 else None
    n = 0
    for e in elements(pdf):
        if e.get("/S") != role:
            continue
        if key is None or any(key in d and str(d[key]) == argv[4] for d in attributes(e)):
            n += 1
    print(n)


if __name__ == "__main__":
    main(sys.argv)
