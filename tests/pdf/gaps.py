#!/usr/bin/python3
"""Word gaps of the justified lines of a PDF note, from `pdftotext -bbox`.

A justified line is a line of body text (words taller than 12 pt, i.e. the
12 pt body face, not the 9 pt tables) of two words or more whose last word
ends at the right margin; a line with a gap over 15 spaces is two texts
on one baseline (the signature line), not justified text.  Its gaps (next word's xMin - previous word's
xMax) are measured in spaces of the 12 pt body face.  Prints the counts and
the worst lines; exits 1 when fewer than MIN_SHARE of the lines have all
gaps <= 2 spaces or any gap exceeds 3 spaces.

    gaps.py NOTE.pdf [--min-share 0.95] [--max 2] [--limit 3]
"""
import html.parser
import subprocess
import sys

RIGHT = 595.276 - 15 * 72 / 25.4    # right margin, pt
SPACE = 12 * 0.318                  # DejaVuSerif space: 318/1000 em

class Words(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.pages, self.cur, self.word = [], None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == 'page':
            self.cur = []
            self.pages.append(self.cur)
        elif tag == 'word':
            self.word = [float(a['xmin']), float(a['ymin']),
                         float(a['xmax']), float(a['ymax']), '']

    def handle_data(self, data):
        if self.word is not None:
            self.word[4] += data

    def handle_endtag(self, tag):
        if tag == 'word' and self.word is not None:
            self.cur.append(self.word)
            self.word = None


def lines(pdf):
    out = subprocess.run(['pdftotext', '-bbox', pdf, '-'], check=True,
                         capture_output=True, text=True).stdout
    p = Words()
    p.feed(out)
    for page in p.pages:
        rows = {}
        for w in page:
            if w[3] - w[1] < 12:
                continue
            rows.setdefault(round(w[3], 1), []).append(w)
        for y, ws in rows.items():
            ws.sort(key=lambda w: w[0])
            if len(ws) >= 2 and abs(ws[-1][2] - RIGHT) < 0.6:
                yield ws


def main(argv):
    pdf = argv[1]
    opt = dict(zip(argv[2::2], argv[3::2]))
    share = float(opt.get('--min-share', 0.95))
    good_max = float(opt.get('--max', 2))
    limit = float(opt.get('--limit', 3))
    n = good = 0
    worst = []
    narrow = 99
    for ws in lines(pdf):
        g = max((b[0] - a[2]) / SPACE for a, b in zip(ws, ws[1:]))
        if g > 15:
            continue    # two texts on one baseline (the signature)
        narrow = min([narrow] + [(b[0] - a[2]) / SPACE
                                 for a, b in zip(ws, ws[1:])])
        n += 1
        good += g <= good_max + 1e-6
        worst.append((g, ' '.join(w[4] for w in ws)))
    worst.sort(reverse=True)
    print(f'{n} justified lines, {good} with gaps <= {good_max} spaces '
          f'({100 * good / max(n, 1):.1f} %), widest gap '
          f'{worst[0][0] if worst else 0:.2f} spaces, narrowest '
          f'{narrow if worst else 0:.2f}')
    for g, t in worst[:5]:
        print(f'  {g:.2f}: {t}')
    ok = n > 0 and good >= share * n and (not worst or worst[0][0] <= limit)
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main(sys.argv))
