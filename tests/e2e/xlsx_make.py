#!/usr/bin/python3
"""xlsx_make.py - workbooks for tests/e2e/excel.sh, written with the
standard zipfile module (hostile ones no spreadsheet program would write)
or with openpyxl (as a department's Excel would).

    xlsx_make.py KIND OUT
    xlsx_make.py fill IN.xlsx OUT.xlsx YEAR VALUE...   fill the input column
"""
import sys
import zipfile

CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Default Extension="xml" ContentType="application/xml"/>'
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
      '</Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        '</Relationships>')
WB = ('<?xml version="1.0" encoding="UTF-8"?>'
      '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
      '<sheets><sheet name="実績" sheetId="1" r:id="rId1"/></sheets></workbook>')
WBRELS = ('<?xml version="1.0" encoding="UTF-8"?>'
          '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
          '</Relationships>')
HEAD = ('<?xml version="1.0" encoding="UTF-8"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        '<row r="1"><c r="A1" t="inlineStr"><is><t>指標</t></is></c>'
        '<c r="B1" t="inlineStr"><is><t>年度</t></is></c>'
        '<c r="C1" t="inlineStr"><is><t>実績</t></is></c></row>')
ROW = ('<row r="2"><c r="A2" t="inlineStr"><is><t>kpi-p1-2</t></is></c>'
       '<c r="B2" t="inlineStr"><is><t>R7</t></is></c><c r="C2"><v>16.199999999999999</v></c></row>')
TAIL = '</sheetData></worksheet>'


def book(out, sheet, extra=(), ct=CT, level=6):
    with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED, compresslevel=level) as z:
        z.writestr('[Content_Types].xml', ct)
        z.writestr('_rels/.rels', RELS)
        z.writestr('xl/workbook.xml', WB)
        z.writestr('xl/_rels/workbook.xml.rels', WBRELS)
        if isinstance(sheet, str):
            z.writestr('xl/worksheets/sheet1.xml', sheet)
        else:
            with z.open('xl/worksheets/sheet1.xml', 'w', force_zip64=True) as f:
                for chunk in sheet:
                    f.write(chunk)
        for name, data in extra:
            z.writestr(name, data)


def rows_1048576():
    yield (HEAD + ROW).encode()
    buf = []
    for r in range(3, 1048577):
        buf.append('<row r="%d"><c r="C%d"><v>1</v></c></row>' % (r, r))
        if len(buf) == 65536:
            yield ''.join(buf).encode()
            buf = []
    yield (''.join(buf) + TAIL).encode()


def bomb():
    yield (HEAD + ROW).encode()
    pad = b' ' * (1 << 20)
    for _ in range(40):  # 40 MiB of blanks inside the sheet
        yield pad
    yield TAIL.encode()


def fill(src, out, year, values):
    """Fills the first empty input column headed YEAR実績 as a department
    would: numbers typed into the open cells, one per indicator row."""
    import openpyxl
    wb = openpyxl.load_workbook(src)
    values = list(values)
    for ws in wb.worksheets:
        head = None
        for row in ws.iter_rows(min_row=1, max_row=20):
            for c in row:
                if c.value == year + '実績':
                    head = c
            if head:
                break
        if not head:
            continue
        for r in range(head.row + 1, ws.max_row + 1):
            if not values:
                break
            v = values.pop(0)
            if v == '':
                continue
            try:
                v = float(v) if '.' in v else int(v)
            except ValueError:
                pass
            ws.cell(row=r, column=head.column, value=v)
    wb.save(out)


def main():
    kind, out = sys.argv[1], sys.argv[2]
    if kind == 'good':
        book(out, HEAD + ROW + TAIL)
    elif kind == 'bomb':
        book(out, bomb(), level=9)
    elif kind == 'traversal':
        book(out, HEAD + ROW + TAIL, extra=[('../../evil.txt', 'x')])
    elif kind == 'encrypted':
        # An OLE compound file header, as Excel writes a password-protected
        # workbook (EncryptionInfo + EncryptedPackage streams).
        with open(out, 'wb') as f:
            f.write(bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + b'\0' * 504)
    elif kind == 'macro':
        ct = CT.replace('sheet.main+xml', 'sheet.macroEnabled.main+xml')
        book(out, HEAD + ROW + TAIL, extra=[('xl/vbaProject.bin', b'\0' * 64)], ct=ct)
    elif kind == 'rows':
        book(out, rows_1048576(), level=1)
    elif kind == 'fill':
        fill(out, sys.argv[3], sys.argv[4], sys.argv[5:])
    else:
        sys.exit('unknown kind ' + kind)


if __name__ == '__main__':
    main()
