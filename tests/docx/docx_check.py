#!/usr/bin/python3
"""Reads report.docx back with python-docx and compares its words with the
words of report.pdf's text layer.  Usage: docx_check.py PERIOD_DIR

1. python-docx opens the file and reads every paragraph and every table
   cell; the headings use the styles «Заголовок 1/2» (heading 1/2) and
   every table's first row repeats on each page (w:tblHeader).
2. The DOCX's words, in order, are the PDF's words, in order, once what
   only a paginated or drawn rendering has is left out: page numbers,
   repeated table headers (the PDF draws them again on each page) and
   chart titles, labels, ticks and legends (drawn in the PDF, chart parts
   in the DOCX).  Non-breaking spaces count as spaces; list numbers
   («1.», «1.1.») and bullets («—») are Word's numbering in the DOCX, text
   in the PDF, and are left out of both (with every lone «—»).
"""
import re
import subprocess
import sys
import zipfile
from difflib import SequenceMatcher

import docx
import docx.table
import docx.text.paragraph
from docx.oxml.ns import qn

period = sys.argv[1]
path_docx = period + "/report.docx"
path_pdf = period + "/report.pdf"
fail = []

d = docx.Document(path_docx)
body = d.element.body
words_docx = []
headers = []        # words of every header row
nparas = ntables = 0


def words(text):
    # hyphenation: «Предупре-ждений» and «Предупреждений» are one word
    text = text.replace("\u00a0", " ").replace("\u00ad", "")
    return [w.replace("-", "") or w for w in text.split()]


def cell_text(tc):
    return " ".join(p.text for p in tc.paragraphs)


# body order: paragraphs and tables as they come
for el in body.iterchildren():
    if el.tag == qn("w:p"):
        p = docx.text.paragraph.Paragraph(el, d)
        nparas += 1
        words_docx += words(p.text)
    elif el.tag == qn("w:tbl"):
        t = docx.table.Table(el, d)
        ntables += 1
        rows = t.rows
        if not rows or rows[0]._tr.trPr is None or \
                rows[0]._tr.trPr.find(qn("w:tblHeader")) is None:
            fail.append("table %d: the first row does not repeat" % ntables)
        for r in rows:
            cw = []
            for c in r.cells:
                cw += words(cell_text(c))
            trpr = r._tr.trPr
            if trpr is not None and trpr.find(qn("w:tblHeader")) is not None:
                headers.append(cw)
            words_docx += cw

styles = {p.style.name for p in d.paragraphs}
for want in ("Heading 1", "Normal"):
    if want not in styles:
        fail.append("no paragraph of style %s" % want)
aliases = zipfile.ZipFile(path_docx).read(
    "word/styles.xml").decode()
for alias in ("Обычный", "Заголовок 1", "Заголовок 2"):
    if alias not in aliases:
        fail.append("style alias «%s» missing" % alias)
if nparas < 10 or ntables < 1:
    fail.append("only %d paragraphs and %d tables read" % (nparas, ntables))

# chart words: every text of the chart parts, and the legends' kinds
chart_words = set()
with zipfile.ZipFile(path_docx) as z:
    for name in z.namelist():
        if name.startswith("word/charts/"):
            xml = z.read(name).decode()
            for t in re.findall(r"<(?:c:v|a:t)>([^<]*)</", xml):
                chart_words.update(words(t))
LEGENDS = "без целевого значения достигнуто не достигнуто целевое значение " \
    "цель нет данных человек"
chart_words.update(LEGENDS.split())
NUMBER = re.compile(r"^[−\-+]?[\d ,.]*\d[%,.]*$|^%$")
LABEL = re.compile(r"^(\d+(\.\d+)*\.|—)$")

pdf = subprocess.run(["pdftotext", "-q", "-raw", path_pdf, "-"], capture_output=True,
                     text=True, check=True).stdout
# only the paginated rendering has these: page numbers («стр. 2 из 16» in
# the footer, or a number alone on its line at the top), «Продолжение
# таблицы N» over a continued table
pdf = re.sub(r"стр\. \d+ из \d+", " ", pdf)
pdf = re.sub(r"(^|\f)\s*\d+\s*\n", r"\1", pdf)
pdf = re.sub(r"Продолжение таблицы( \d+)?", " ", pdf)
# a word hyphenated at a line end is one word
words_pdf = words(re.sub(r"(\w)-\n(\w)", r"\1\2", pdf))

a = [w for w in words_docx if not LABEL.match(w)]
b = [w for w in words_pdf if not LABEL.match(w)]
sm = SequenceMatcher(None, a, b, autojunk=False)
header_words = {w for h in headers for w in h}
for op, i1, i2, j1, j2 in sm.get_opcodes():
    # a word longer than its column, broken by the PDF: the same letters
    if op == "equal" or "".join(a[i1:i2]) == "".join(b[j1:j2]):
        continue
    if i2 > i1:     # DOCX words the PDF lacks: never allowed
        fail.append("DOCX words not in the PDF: %s | PDF: %s" %
                    (" ".join(a[i1:i2][:20]), " ".join(b[j1:j2][:20])))
        continue
    extra = b[j1:j2]
    bad = [w for w in extra if not NUMBER.match(w) and w not in chart_words
           and w not in header_words]
    if bad:
        fail.append("PDF words not in the DOCX: %s" % " ".join(extra[:30]))

if fail:
    print("docx_check: %s:" % path_docx)
    for f in fail[:20]:
        print("  " + f)
    sys.exit(1)
print("docx_check: %d paragraphs, %d tables, %d words agree with the PDF" %
      (nparas, ntables, len(a)))
