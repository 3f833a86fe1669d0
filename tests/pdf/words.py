#!/usr/bin/python3
"""The words of a PDF as pypdf, pdfminer and pdftotext extract them agree.

Extraction order differs between tools in tables, so the multisets of
words are compared, not the order.  A word is a run of letters and digits
(punctuation around it does not count).  Words hyphenated at a line end
are joined first in every tool's text (pdftotext joins them itself).
Prints the differences; exits 1 when more than MAX_SHARE (0.5 %) of the
words of pdftotext are missing from another tool's text or the other way
round (a glued pair «вЛенинском» counts as two missing and one extra).

    words.py NOTE.pdf [--max-share 0.005]
"""
import collections
import re
import subprocess
import sys

WORD = re.compile(r'[^\W_]+')
HYPH = re.compile(r'(?<=[^\W\d_])-[ \t]*\n\s*(?=[^\W\d_])')


def words(text):
    text = HYPH.sub('', text)
    return collections.Counter(WORD.findall(text))


def pdftotext(pdf):
    return subprocess.run(['pdftotext', pdf, '-'], check=True,
                          capture_output=True, text=True).stdout


def pypdf_text(pdf):
    import pypdf
    r = pypdf.PdfReader(pdf)
    return '\n'.join(p.extract_text() for p in r.pages)


def pdfminer_text(pdf):
    from pdfminer.high_level import extract_text
    return extract_text(pdf)


def main(argv):
    pdf = argv[1]
    opt = dict(zip(argv[2::2], argv[3::2]))
    share = float(opt.get('--max-share', 0.005))
    ref = words(pdftotext(pdf))
    total = sum(ref.values())
    ok = total > 0
    for name, fn in (('pypdf', pypdf_text), ('pdfminer', pdfminer_text)):
        got = words(fn(pdf))
        missing, extra = ref - got, got - ref
        bad = sum(missing.values()) + sum(extra.values())
        print(f'{name}: {total} words, {sum(missing.values())} missing, '
              f'{sum(extra.values())} extra ({100 * bad / max(total, 1):.2f} %)')
        for w, n in list(extra.items())[:8]:
            print(f'  extra {w!r} x{n}')
        for w, n in list(missing.items())[:8]:
            print(f'  missing {w!r} x{n}')
        ok = ok and bad <= share * total
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main(sys.argv))
