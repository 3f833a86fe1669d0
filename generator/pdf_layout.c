/*
 * pdf_layout.c - flows text, headings, tables and charts onto libharu pages.
 */
#include "pdf_layout.h"

#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>
#include <hyphen.h>

#include "arena.h"

#define FONT_DIR "/usr/share/fonts/truetype/dejavu/"
#define HYPH_DICT "/usr/share/hyphen/hyph_ru_RU.dic"

/* Faces: the body face and its bold, the sans face and its bold. */
enum { F_BODY, F_BODY_BOLD, F_SANS, F_SANS_BOLD, F__N };

#define PAGE_W 595.276f
#define PAGE_H 841.89f
#define LEADING 1.25f
#define BODY_SIZE 12.0f
#define MAX_PENDING 4

const struct pdf_style PDF_BODY = {
	BODY_SIZE, false, false, PDF_JUSTIFY, PDF_MM(12.5), 0, 0, 3
};
const struct pdf_style PDF_TITLE = {
	14, true, false, PDF_CENTER, 0, 0, 0, 2
};
const struct pdf_style PDF_PLAIN = {
	BODY_SIZE, false, false, PDF_LEFT, 0, 0, 0, 2
};

struct pending {
	char *text;             /* numbered, sanitised later */
	int level;
};

struct pdf_doc {
	HPDF_Doc pdf;
	HPDF_Font font[F__N];
	HPDF_FontDef def[F__N];
	/* glyph presence per face for the BMP: 0 unknown, 1 yes, 2 no */
	unsigned char *glyph[F__N];
	HPDF_Page *pages;
	size_t npages, cap;
	HPDF_Page page;
	float left, right, top, bottom;
	float y;                /* top of the free space on the page */
	int nerr;
	unsigned long first_err, first_detail;
	HyphenDict *hyph;       /* Russian patterns; NULL: no hyphenation */
	HPDF_Outline outline1;  /* the last level-1 bookmark */
	int noutlines;
	int page_numbers;       /* enum pdf_page_numbers */
	int num[2];             /* heading counters */
	struct pending pend[MAX_PENDING];
	int npend;
};

/* One laid-out line: bytes [start, end) of the sanitised text. */
struct line {
	size_t start, end;
	float width;            /* natural width, pt */
	bool first;             /* first line of a paragraph */
	bool last;              /* last line of a paragraph (not justified) */
	bool hyph;              /* ends inside a word: draw a hyphen */
};

struct lines {
	struct line *v;
	size_t n, cap;
};

static void on_error(HPDF_STATUS err, HPDF_STATUS detail, void *user)
{
	struct pdf_doc *d = user;

	/* Record and go on: the caller learns about it in pdf_save(). */
	if (d->nerr++ == 0) {
		d->first_err = (unsigned long)err;
		d->first_detail = (unsigned long)detail;
	}
}

/* ---------------------------------------------------------------- text */

/*
 * Decodes one strictly valid UTF-8 character at s[*i]; returns false (and
 * steps one byte) on an invalid sequence.
 */
static bool u8_next(const unsigned char *s, size_t *i, uint32_t *cp)
{
	unsigned char c = s[*i];
	uint32_t v, min;
	int n;

	if (c < 0x80) {
		*cp = c;
		(*i)++;
		return true;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		n = 1; v = c & 0x1F; min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 2; v = c & 0x0F; min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 3; v = c & 0x07; min = 0x10000;
	} else {
		(*i)++;
		return false;
	}
	for (int k = 1; k <= n; k++) {
		unsigned char cc = s[*i + k];
		if ((cc & 0xC0) != 0x80) {
			(*i)++;
			return false;
		}
		v = (v << 6) | (cc & 0x3F);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
		(*i)++;
		return false;
	}
	*i += (size_t)n + 1;
	*cp = v;
	return true;
}

static size_t u8_put(char *o, uint32_t cp)
{
	if (cp < 0x80) {
		o[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (char)(0xC0 | (cp >> 6));
		o[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	o[0] = (char)(0xE0 | (cp >> 12));
	o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
	o[2] = (char)(0x80 | (cp & 0x3F));
	return 3;
}

static bool has_glyph(struct pdf_doc *d, int face, uint32_t cp)
{
	unsigned char *g = d->glyph[face];

	if (cp > 0xFFFF)
		return false;
	if (!g[cp])
		g[cp] = HPDF_TTFontDef_GetGlyphid(d->def[face],
						  (HPDF_UINT16)cp) ? 1 : 2;
	return g[cp] == 1;
}

/*
 * The text as it will be drawn: valid UTF-8, BMP only, every character in
 * the face; tabs and runs of spaces become one space, spaces around '\n'
 * and at the ends go; the space after «№» and before «%» becomes U+00A0.
 */
static char *sanitize(struct pdf_doc *d, int face, const char *text)
{
	const unsigned char *s = (const unsigned char *)(text ? text : "");
	size_t n = strlen((const char *)s), i = 0, o = 0;
	char *out = xmalloc(n * 3 + 4);
	uint32_t repl = has_glyph(d, face, 0xFFFD) ? 0xFFFD : '?';

	while (s[i]) {
		uint32_t cp;

		if (!u8_next(s, &i, &cp))
			cp = repl;
		else if (cp == '\t')
			cp = ' ';
		else if (cp == 0x202F && !has_glyph(d, face, cp))
			cp = 0xA0;
		else if (cp == '\r')
			continue;
		else if (cp != '\n' &&
			 (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)))
			cp = repl;
		else if (cp != '\n' && !has_glyph(d, face, cp))
			cp = repl;
		if (cp == ' ') {
			size_t j = i;

			if (o == 0 || out[o - 1] == ' ' || out[o - 1] == '\n')
				continue;
			/* «№ 5» and «17,5 %» never break, even with spaces */
			while (s[j] == ' ' || s[j] == '\t')
				j++;
			if (s[j] == '%' || (o >= 3 && memcmp(out + o - 3,
							     "\xE2\x84\x96", 3)
					    == 0)) {
				cp = 0xA0;
				i = j;
			}
		} else if (cp == '\n' && o > 0 && out[o - 1] == ' ') {
			o--;
		}
		o += u8_put(out + o, cp);
	}
	while (o > 0 && out[o - 1] == ' ')
		o--;
	out[o] = '\0';
	return out;
}

char *pdf_sanitize(struct pdf_doc *d, const char *s)
{
	return sanitize(d, F_BODY, s);
}

static int face_of(bool sans, bool bold)
{
	return (sans ? F_SANS : F_BODY) + (bold ? 1 : 0);
}

/* Width of s[0..n) in points. */
static float text_w(struct pdf_doc *d, int face, float size, const char *s,
		    size_t n)
{
	HPDF_TextWidth tw;

	if (n == 0)
		return 0;
	tw = HPDF_Font_TextWidth(d->font[face], (const HPDF_BYTE *)s,
				 (HPDF_UINT)n);
	return (float)tw.width * size / 1000.0f;
}

static float char_w(struct pdf_doc *d, int face, float size, uint32_t cp)
{
	return (float)HPDF_Font_GetUnicodeWidth(d->font[face],
						(HPDF_UNICODE)cp)
		* size / 1000.0f;
}

/* ------------------------------------------------------- hyphenation */

/*
 * Debian's Russian patterns (hyphen-ru) are in KOI8-R, one byte a letter:
 * the lower-case letters а..я in KOI8-R order start at 0xC0, ё is 0xA3.
 */
static const char koi8_lower[] =
	"юабцдефгхийклмнопярстужвьызшэщчъ";

static int koi8_of(uint32_t cp, bool *upper)
{
	static unsigned char map[64];   /* а..я -> KOI8-R */
	static bool ready;

	if (!ready) {
		size_t i = 0, k = 0;

		while (koi8_lower[i]) {
			uint32_t c;

			u8_next((const unsigned char *)koi8_lower, &i, &c);
			map[c - 0x430] = (unsigned char)(0xC0 + k++);
		}
		ready = true;
	}
	*upper = (cp >= 0x410 && cp <= 0x42F) || cp == 0x401;
	if (cp >= 0x410 && cp <= 0x42F)
		cp += 0x20;
	if (cp == 0x401 || cp == 0x451)
		return 0xA3;
	if (cp >= 0x430 && cp <= 0x44F)
		return map[cp - 0x430];
	return -1;
}

#define MAX_HYPH_WORD 64

/*
 * Where the token t[0..n) may break: byte offsets after which the line may
 * end, with soft[i] set when a hyphen is to be drawn there (false after a
 * hard hyphen of the text).  Only runs of Cyrillic letters are hyphenated,
 * by the patterns, keeping two letters on either side; never a token with
 * a digit (numbers, codes, dates), never a run with two capitals
 * (abbreviations such as МКОУ or ЦНППМ), never Latin (file names).
 * Returns the number of points (at most max).
 */
static int hyph_part(struct pdf_doc *d, const unsigned char *s, size_t i,
		     size_t n, size_t *pts, bool *soft, int max);

static int hyph_points(struct pdf_doc *d, const char *t, size_t n,
		       size_t *pts, bool *soft, int max)
{
	const unsigned char *s = (const unsigned char *)t;
	size_t a = 0;
	int np = 0;

	if (!d->hyph)
		return 0;
	/* the parts between no-break spaces are words of their own */
	while (a < n && np < max) {
		size_t e = a;

		while (e < n && !(s[e] == 0xC2 && s[e + 1] == 0xA0) &&
		       !(s[e] == 0xE2 && s[e + 1] == 0x80 && s[e + 2] == 0xAF))
			e++;
		np += hyph_part(d, s, a, e, pts + np, soft + np, max - np);
		a = e < n ? e + (s[e] == 0xC2 ? 2 : 3) : n;
	}
	return np;
}

/* Points of the part s[i..n) (offsets from s). */
static int hyph_part(struct pdf_doc *d, const unsigned char *s, size_t i,
		     size_t n, size_t *pts, bool *soft, int max)
{
	size_t start = i;
	int np = 0;

	for (size_t k = i; k < n; k++)
		if (s[k] >= '0' && s[k] <= '9')
			return 0;
	while (i < n && np < max) {
		/* one run of Cyrillic letters: [a, i) */
		char koi[MAX_HYPH_WORD + 1];
		size_t off[MAX_HYPH_WORD + 1], a = i;
		int len = 0, caps = 0;
		bool latin = false;

		for (;;) {
			size_t j = i;
			uint32_t cp;
			bool up;
			int c;

			if (i >= n)
				break;
			u8_next(s, &j, &cp);
			c = koi8_of(cp, &up);
			if (c < 0) {
				latin |= (cp >= 'A' && cp <= 'Z') ||
					(cp >= 'a' && cp <= 'z');
				break;
			}
			if (len < MAX_HYPH_WORD) {
				koi[len] = (char)c;
				off[len] = j;
			}
			len++;
			caps += up;
			i = j;
		}
		if (i == a) {
			/* not a letter: a hard hyphen inside a word breaks */
			size_t j = i;
			uint32_t cp;

			u8_next(s, &j, &cp);
			if (cp == '-' && np < max && i >= start + 2 &&
			    j + 2 <= n &&
			    s[j] != '-') {
				pts[np] = j;
				soft[np++] = false;
			}
			i = j;
			continue;
		}
		if (len < 4 || len > MAX_HYPH_WORD || caps >= 2 || latin)
			continue;
		{
			char h[MAX_HYPH_WORD + 5];
			char **rep = NULL;
			int *pos = NULL, *cut = NULL;

			koi[len] = '\0';
			if (hnj_hyphen_hyphenate3(d->hyph, koi, len, h, NULL,
						  &rep, &pos, &cut, 2, 2, 2,
						  2) == 0)
				for (int k = 1; k + 2 < len && np < max; k++)
					if (h[k] & 1) {
						pts[np] = off[k];
						soft[np++] = true;
					}
			if (rep) {
				for (int k = 0; k < len; k++)
					free(rep[k]);
				free(rep);
			}
			free(pos);
			free(cut);
		}
	}
	return np;
}

/* ----------------------------------------------------------- wrapping */

static void lines_push(struct lines *ls, size_t a, size_t b, float w,
		       bool first, bool hyph)
{
	struct line *l = VEC_PUSH(ls->v, ls->n, ls->cap);

	l->start = a;
	l->end = b;
	l->width = w;
	l->first = first;
	l->last = false;
	l->hyph = hyph;
}

/*
 * The narrowest a justified gap may get, in spaces: 0.21 em of DejaVu
 * (space 0.318 em), the least gap TeX allows its own fonts.
 */
#define SHRINK 0.67f
/* What a hyphen costs, as the badness of a gap of 1.5 spaces. */
#define HYPH_PENALTY 0.25f

/* Badness of a justified line's gaps of r spaces. */
static float gap_bad(float r)
{
	return r >= 1 ? (r - 1) * (r - 1) : 4 * (1 - r) * (1 - r);
}

/* The line being filled. */
struct fill {
	size_t start, end;
	float words;            /* width of the words, without gaps */
	int nw;
	bool first;
};

/* A place a justified line may end: [.., end) drawn, the next from next. */
struct brk {
	size_t end, next;
	bool hyph;
};

/*
 * Optimal fit of one justified paragraph s[i..pe) (Knuth and Plass's
 * idea without their boxes and glue): of all ways to break it at spaces
 * and hyphenation points, the one with the least total gap badness, so a
 * tight line early can spare a loose one later, which a greedy fill
 * cannot.  Widths add up (no kerning), so a line's width is a difference
 * of prefix sums.  Returns false (nothing pushed) when no way fits, e.g.
 * a word wider than the line: the greedy fill then breaks it.
 */
static bool wrap_opt(struct pdf_doc *d, int face, float size, const char *s,
		     size_t i, size_t pe, float w_first, float w_rest,
		     bool hyph, struct lines *ls)
{
	size_t n = pe - i, nb = 0, cap = 64;
	float sp = char_w(d, face, size, ' ');
	float hy = char_w(d, face, size, '-');
	float *W = xmalloc((n + 1) * sizeof(*W));
	int *S = xmalloc((n + 1) * sizeof(*S));
	struct brk *b = xmalloc(cap * sizeof(*b));
	float *cost;
	int *prev;
	bool ok = false;

	W[0] = 0;
	S[0] = 0;
	for (size_t j = i; j < pe;) {
		size_t j0 = j;
		uint32_t cp;

		u8_next((const unsigned char *)s, &j, &cp);
		for (size_t k = j0 + 1; k <= j && k <= pe; k++) {
			W[k - i] = W[j0 - i] + char_w(d, face, size, cp);
			S[k - i] = S[j0 - i] + (cp == ' ');
		}
	}
	*VEC_PUSH(b, nb, cap) = (struct brk){ i, i, false };
	for (size_t k = i; k < pe;) {
		size_t we = k, pts[32];
		bool soft[32];
		int np;

		while (we < pe && s[we] != ' ')
			we++;
		np = hyph ? hyph_points(d, s + k, we - k, pts, soft, 32) : 0;
		for (int p = 0; p < np; p++)
			*VEC_PUSH(b, nb, cap) = (struct brk){ k + pts[p],
				k + pts[p], soft[p] };
		*VEC_PUSH(b, nb, cap) = (struct brk){ we, we < pe ? we + 1 : we,
			false };
		k = we < pe ? we + 1 : we;
	}
	cost = xmalloc(nb * sizeof(*cost));
	prev = xmalloc(nb * sizeof(*prev));
	cost[0] = 0;
	for (size_t c = 1; c < nb; c++) {
		bool last = c + 1 == nb;

		cost[c] = INFINITY;
		prev[c] = -1;
		for (size_t a = c; a-- > 0;) {
			size_t st = b[a].next - i, en = b[c].end - i;
			float avail = a == 0 ? w_first : w_rest;
			float nat, words, bad;
			int nsp;

			if (st >= en || !isfinite(cost[a]))
				continue;
			nsp = S[en] - S[st];
			nat = W[en] - W[st] + (b[c].hyph ? hy : 0);
			words = nat - (float)nsp * sp;
			if (words + (float)nsp * sp * SHRINK > avail + 0.01f)
				break;  /* and longer from further back */
			if (nsp == 0)
				bad = nat <= avail && last ? 0 : 50;
			else if (last && nat <= avail)
				bad = 0;
			else
				bad = gap_bad((avail - words) /
					      ((float)nsp * sp));
			if (b[c].hyph)
				bad += HYPH_PENALTY;
			if (cost[a] + bad < cost[c]) {
				cost[c] = cost[a] + bad;
				prev[c] = (int)a;
			}
		}
	}
	if (isfinite(cost[nb - 1])) {
		size_t first = ls->n, m = 0;

		/* the lines from the end back, then reversed */
		for (int c = (int)nb - 1; c > 0; c = prev[c]) {
			int a = prev[c];

			lines_push(ls, b[a].next, b[c].end,
				   W[b[c].end - i] - W[b[a].next - i] +
				   (b[c].hyph ? hy : 0), a == 0, b[c].hyph);
			m++;
		}
		for (size_t x = 0; x < m / 2; x++) {
			struct line t = ls->v[first + x];

			ls->v[first + x] = ls->v[first + m - 1 - x];
			ls->v[first + m - 1 - x] = t;
		}
		ok = true;
	}
	free(cost);
	free(prev);
	free(b);
	free(S);
	free(W);
	return ok;
}

/*
 * Wraps sanitised text s into lines no wider than w_first (first line of
 * each paragraph) or w_rest, breaking at spaces (U+00A0 and U+202F never
 * break) and, by hyphenation, inside words.  Justified text weighs three
 * ways of going on when a word does not fit: end the line (stretching the
 * gaps), squeeze the word in (gaps down to SHRINK of a space) or hyphenate
 * it, and takes the one whose gaps are nearest a space; other text
 * hyphenates when the line would stay less than 85 % full.  A word wider
 * than the line is hyphenated or, with no point, broken between
 * characters.  An empty text gives one empty line.
 */
enum { WRAP_JUSTIFY = 1, WRAP_HYPH = 2 };

static void wrap_j(struct pdf_doc *d, int face, float size, const char *s,
		   float w_first, float w_rest, unsigned mode,
		   struct lines *ls)
{
	bool justify = mode & WRAP_JUSTIFY, hyph = mode & WRAP_HYPH;
	float sp = char_w(d, face, size, ' ');
	float hy = char_w(d, face, size, '-');
	size_t i = 0;

	ls->n = 0;
	for (;;) {
		size_t pe = i;
		struct fill f = { i, i, 0, 0, true };
		size_t p0 = ls->n;

		while (s[pe] && s[pe] != '\n')
			pe++;
		if (justify && pe > i && wrap_opt(d, face, size, s, i, pe,
						  w_first, w_rest, hyph, ls))
			f.nw = -1;      /* done */
		for (size_t k = i; k < pe && f.nw >= 0;) {
			size_t we = k, pts[32];
			bool soft[32];
			int np = -1;

			while (we < pe && s[we] != ' ')
				we++;
			/* the token [k, we), maybe in several pieces */
			size_t o = k;
			float ww = text_w(d, face, size, s + o, we - o);

			for (;;) {
				float avail = f.first ? w_first : w_rest;
				float gaps = (float)f.nw * sp;

				if (f.nw == 0 && ww <= avail)
					break;
				if (f.nw > 0 && f.words + gaps + ww <= avail)
					break;
				float best = 1e30f, bw = 0;
				int choice = -1;        /* -1 end line, -2 squeeze */
				bool brk = f.nw > 0;

				if (f.nw > 0 && justify) {
					float r = f.nw > 1 ? (avail - f.words)
						/ ((float)(f.nw - 1) * sp) : 9;
					best = gap_bad(r);
					r = (avail - f.words - ww) / gaps;
					if (r >= SHRINK && gap_bad(r) < best) {
						best = gap_bad(r);
						choice = -2;
					}
				} else if (f.nw > 0) {
					best = !hyph || f.words + (float)(f.nw
						- 1) * sp >= 0.85f * avail ? -1
						: 1e30f;
				}
				if (np < 0 && !(best < 0 && brk))
					np = hyph_points(d, s + k, we - k, pts,
							 soft, 32);
				for (int p = 0; p < np; p++) {
					size_t at = k + pts[p];
					float pw, b;

					if (at <= o)
						continue;
					pw = text_w(d, face, size, s + o, at - o)
						+ (soft[p] ? hy : 0);
					if (f.words + gaps + pw > avail)
						break;
					if (justify && f.nw > 0) {
						float r = (avail - f.words - pw)
							/ gaps;
						b = gap_bad(r) + HYPH_PENALTY;
					} else {
						b = 0;   /* the longest fit */
					}
					if (b <= best || !brk) {
						best = b;
						choice = p;
						bw = pw;
						brk = true;
					}
				}
				if (choice == -2)
					break;          /* squeezed in */
				if (choice >= 0) {
					size_t at = k + pts[choice];

					lines_push(ls, f.start, at, f.words +
						   gaps + bw, f.first,
						   soft[choice]);
					f = (struct fill){ at, at, 0, 0,
						false };
					o = at;
					ww = text_w(d, face, size, s + o,
						    we - o);
					continue;
				}
				if (f.nw > 0) {
					lines_push(ls, f.start, f.end, f.words
						   + (float)(f.nw - 1) * sp,
						   f.first, false);
					f = (struct fill){ o, o, 0, 0, false };
					continue;
				}
				/* no point fits: break between characters */
				size_t j = o, cut = o;
				float cw = 0;

				while (j < we) {
					uint32_t cp;
					size_t j0 = j;
					float c;

					u8_next((const unsigned char *)s, &j,
						&cp);
					c = char_w(d, face, size, cp);
					if (cw + c > avail && j0 > o)
						break;
					cw += c;
					cut = j;
				}
				lines_push(ls, o, cut, cw, f.first, false);
				f = (struct fill){ cut, cut, 0, 0, false };
				o = cut;
				ww -= cw;
				if (ww <= avail)
					ww = text_w(d, face, size, s + o,
						    we - o);
			}
			if (f.nw == 0)
				f.start = o;
			f.words += ww;
			f.nw++;
			f.end = we;
			k = we;
			if (k < pe && s[k] == ' ')
				k++;
		}
		if (f.nw > 0 || (f.nw == 0 && ls->n == p0))
			lines_push(ls, f.start, f.end, f.words +
				   (float)(f.nw > 0 ? f.nw - 1 : 0) * sp,
				   f.first, false);
		ls->v[ls->n - 1].last = true;
		if (!s[pe])
			break;
		i = pe + 1;
	}
}

/*
 * Ragged text (tables, labels): hyphenated only where that saves a line,
 * or in a word wider than the line.
 */
static void wrap(struct pdf_doc *d, int face, float size, const char *s,
		 float w_first, float w_rest, struct lines *ls)
{
	struct lines eager = { 0 };

	wrap_j(d, face, size, s, w_first, w_rest, 0, ls);
	if (ls->n < 2)
		return;
	wrap_j(d, face, size, s, w_first, w_rest, WRAP_HYPH, &eager);
	if (eager.n < ls->n) {
		struct lines t = *ls;

		*ls = eager;
		eager = t;
	}
	free(eager.v);
}

/* ------------------------------------------------------------- drawing */

static void set_fill(struct pdf_doc *d, float r, float g, float b)
{
	HPDF_Page_SetRGBFill(d->page, r, g, b);
}

static void set_stroke(struct pdf_doc *d, float r, float g, float b)
{
	HPDF_Page_SetRGBStroke(d->page, r, g, b);
}

/*
 * Runs of text in one text object.  Each run is shown with a real space
 * glyph after it (not before a drawn hyphen): text extraction then finds
 * the word boundaries, between words and between table cells, instead of
 * guessing them from the distances.
 */
struct runs {
	struct pdf_doc *d;
	HPDF_Page page;
	char buf[512];
	char *p;
	size_t cap;
};

static void runs_begin(struct runs *r, struct pdf_doc *d, HPDF_Page page,
		       int face, float size)
{
	r->d = d;
	r->page = page;
	r->p = r->buf;
	r->cap = sizeof(r->buf);
	HPDF_Page_BeginText(page);
	HPDF_Page_SetFontAndSize(page, d->font[face], size);
}

/* s[0..n) at (x, y), then `tail` ("-", " " or ""). */
static void runs_show(struct runs *r, int face, float x, float y,
		      const char *s, size_t n, const char *tail)
{
	size_t tn = strlen(tail);

	if (n == 0 && tn == 0)
		return;
	if (n + tn + 1 > r->cap) {
		if (r->p != r->buf)
			free(r->p);
		r->cap = n + tn + 1;
		r->p = xmalloc(r->cap);
	}
	memcpy(r->p, s, n);
	memcpy(r->p + n, tail, tn + 1);
	/* mark the glyphs as used in the subset */
	HPDF_Font_TextWidth(r->d->font[face], (const HPDF_BYTE *)r->p,
			    (HPDF_UINT)(n + tn));
	HPDF_Page_TextOut(r->page, x, y, r->p);
}

static void runs_end(struct runs *r)
{
	HPDF_Page_EndText(r->page);
	if (r->p != r->buf)
		free(r->p);
}

static void draw_n(struct pdf_doc *d, HPDF_Page page, int face, float size,
		   float x, float y, const char *s, size_t n)
{
	struct runs r;

	if (n == 0)
		return;
	runs_begin(&r, d, page, face, size);
	runs_show(&r, face, x, y, s, n, " ");
	runs_end(&r);
}

/*
 * Draws a line of s at baseline y within [x, x + w], aligned.  Justified
 * lines (and a last line squeezed wider than w) place every word
 * explicitly: the word-spacing operator does not act on the two-byte codes
 * of an Identity-H font.
 */
static void draw_line(struct pdf_doc *d, int face, float size, const char *s,
		      const struct line *l, float x, float y, float w,
		      int align)
{
	size_t n = l->end - l->start;
	const char *p = s + l->start;
	const char *tail = l->hyph ? "-" : " ";
	int nsp = 0;
	struct runs r;

	for (size_t k = 0; k < n; k++)
		nsp += p[k] == ' ';
	if (n == 0 && !l->hyph)
		return;
	runs_begin(&r, d, d->page, face, size);
	if (nsp > 0 && ((align == PDF_JUSTIFY && !l->last) ||
			l->width > w + 0.01f)) {
		float sp = char_w(d, face, size, ' ');
		float gap = sp + (w - l->width) / (float)nsp;
		size_t k = 0;

		while (k < n) {
			size_t e = k;

			while (e < n && p[e] != ' ')
				e++;
			runs_show(&r, face, x, y, p + k, e - k,
				  e < n ? " " : tail);
			x += text_w(d, face, size, p + k, e - k) + gap;
			k = e + 1;
		}
	} else {
		if (align == PDF_CENTER)
			x += (w - l->width) / 2;
		else if (align == PDF_RIGHT)
			x += w - l->width;
		runs_show(&r, face, x, y, p, n, tail);
	}
	runs_end(&r);
}

/* ---------------------------------------------------------- page flow */

static void new_page(struct pdf_doc *d)
{
	HPDF_Page pg = HPDF_AddPage(d->pdf);

	/* after a libharu error (pdf_save() reports it) loops still end */
	d->y = d->top;
	if (!pg)
		return;
	HPDF_Page_SetSize(pg, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
	*VEC_PUSH(d->pages, d->npages, d->cap) = pg;
	d->page = pg;
	d->y = d->top;
}

static bool fresh(const struct pdf_doc *d)
{
	return d->y >= d->top;
}

static const struct pdf_style *heading_style(int level)
{
	static const struct pdf_style h0 = {
		13, true, false, PDF_CENTER, 0, 0, 6, 6
	};
	static const struct pdf_style h1 = {
		13, true, false, PDF_LEFT, 0, 0, 12, 6
	};
	static const struct pdf_style h2 = {
		12, true, false, PDF_LEFT, 0, 0, 8, 4
	};
	return level == 0 ? &h0 : level == 1 ? &h1 : &h2;
}

/*
 * Justified text is hyphenated; headings, centred and ragged paragraphs
 * only in a word wider than the line.
 */
static unsigned wrap_mode(const struct pdf_style *st, bool heading)
{
	if (heading || st->align != PDF_JUSTIFY)
		return 0;
	return WRAP_HYPH | WRAP_JUSTIFY;
}

static float style_size(const struct pdf_style *st)
{
	return st->size > 0 ? st->size : BODY_SIZE;
}

static float pending_height(struct pdf_doc *d)
{
	float h = 0;
	struct lines ls = { 0 };

	for (int i = 0; i < d->npend; i++) {
		const struct pdf_style *st = heading_style(d->pend[i].level);
		int face = face_of(st->sans, st->bold);
		float size = style_size(st);
		float w = d->right - d->left;
		char *s = sanitize(d, face, d->pend[i].text);

		wrap_j(d, face, size, s, w, w, 0, &ls);
		h += st->before + (float)ls.n * size * LEADING + st->after;
		free(s);
	}
	free(ls.v);
	return h;
}

static void draw_par(struct pdf_doc *d, const struct pdf_style *st,
		     const char *text, int heading);

static void flush_pending(struct pdf_doc *d)
{
	int n = d->npend;

	d->npend = 0;
	for (int i = 0; i < n; i++) {
		draw_par(d, heading_style(d->pend[i].level), d->pend[i].text,
			 d->pend[i].level);
		free(d->pend[i].text);
	}
}

/*
 * Makes room for a block whose first unsplittable part is `need` points
 * high, together with the pending headings, then draws those headings.
 */
static void block_start(struct pdf_doc *d, float need)
{
	float ph = d->npend ? pending_height(d) : 0;

	if (!d->page || (d->y - ph - need < d->bottom && !fresh(d)))
		new_page(d);
	flush_pending(d);
}

/*
 * A bookmark for a heading of `level` drawn from the cursor down: level 0
 * and 1 at the top of the outline, level 2 under the last level 1.
 */
static void bookmark(struct pdf_doc *d, int level, const char *title)
{
	HPDF_Outline parent = level == 2 && d->outline1 ? d->outline1 : NULL;
	HPDF_Outline o;
	HPDF_Destination dst;

	o = HPDF_CreateOutline(d->pdf, parent, title,
			       HPDF_GetEncoder(d->pdf, "UTF-8"));
	dst = HPDF_Page_CreateDestination(d->page);
	if (!o || !dst)
		return;
	/*
	 * [page /XYZ 0 y null]: to the heading, the zoom left as it is
	 * (libharu 2.3.0 refuses a zoom of 0, so the array is built here).
	 */
	HPDF_Array_Clear(dst);
	HPDF_Array_Add(dst, d->page);
	HPDF_Array_AddName(dst, "XYZ");
	HPDF_Array_AddReal(dst, 0);
	HPDF_Array_AddReal(dst, d->y);
	HPDF_Array_Add(dst, HPDF_Null_New(d->pdf->mmgr));
	HPDF_Outline_SetDestination(o, dst);
	HPDF_Outline_SetOpened(o, HPDF_TRUE);
	if (level == 1)
		d->outline1 = o;
	d->noutlines++;
}

/*
 * A paragraph; heading >= 0: a heading of that level (already placed by
 * the caller), which gets a bookmark.
 */
static void draw_par(struct pdf_doc *d, const struct pdf_style *st,
		     const char *text, int heading)
{
	bool keep = heading >= 0;
	int face = face_of(st->sans, st->bold);
	float size = style_size(st);
	float lh = size * LEADING;
	float w = d->right - d->left - st->left;
	char *s = sanitize(d, face, text);
	struct lines ls = { 0 };

	wrap_j(d, face, size, s, w - st->indent, w, wrap_mode(st, keep), &ls);
	if (!keep)
		/* no lone first line; three lines cannot split 2+1 */
		block_start(d, st->before +
			    (float)(ls.n <= 3 ? ls.n : 2) * lh);
	else if (!d->page || d->y - st->before - lh < d->bottom)
		new_page(d);
	if (!fresh(d))
		d->y -= st->before;
	if (keep)
		bookmark(d, heading, s);
	for (size_t i = 0; i < ls.n; i++) {
		const struct line *l = &ls.v[i];
		float ind = l->first ? st->indent : 0;

		/* keep a paragraph's last line from being alone */
		if (d->y - lh < d->bottom ||
		    (i + 2 == ls.n && i > 0 && d->y - 2 * lh < d->bottom))
			new_page(d);
		draw_line(d, face, size, s, l, d->left + st->left + ind,
			  d->y - size, w - ind, st->align);
		d->y -= lh;
	}
	d->y -= st->after;
	free(ls.v);
	free(s);
}

void pdf_text(struct pdf_doc *d, const struct pdf_style *st, const char *text)
{
	draw_par(d, st ? st : &PDF_BODY, text, -1);
}

void pdf_textf(struct pdf_doc *d, const struct pdf_style *st,
	       const char *fmt, ...)
{
	va_list ap;
	char *s;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	s = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	pdf_text(d, st, s);
	free(s);
}

void pdf_heading(struct pdf_doc *d, int level, const char *text)
{
	char *s;
	size_t n = strlen(text ? text : "") + 32;

	if (d->npend == MAX_PENDING)
		block_start(d, 0);
	s = xmalloc(n);
	if (level == 1) {
		d->num[0]++;
		d->num[1] = 0;
		snprintf(s, n, "%d. %s", d->num[0], text ? text : "");
	} else if (level >= 2) {
		d->num[1]++;
		snprintf(s, n, "%d.%d. %s", d->num[0], d->num[1],
			 text ? text : "");
		level = 2;
	} else {
		snprintf(s, n, "%s", text ? text : "");
		level = 0;
	}
	d->pend[d->npend].text = s;
	d->pend[d->npend].level = level;
	d->npend++;
}

void pdf_sign(struct pdf_doc *d, const char *left, const char *right)
{
	float size = BODY_SIZE, lh = size * LEADING;
	float half = (d->right - d->left) / 2 - 6;
	char *l = sanitize(d, F_BODY, left), *r = sanitize(d, F_BODY, right);
	struct lines ll = { 0 }, rl = { 0 };
	size_t n;

	wrap(d, F_BODY, size, l, half, half, &ll);
	wrap(d, F_BODY, size, r, half, half, &rl);
	n = ll.n > rl.n ? ll.n : rl.n;
	block_start(d, 24 + (float)n * lh);
	if (!fresh(d))
		d->y -= 24;
	set_fill(d, 0, 0, 0);
	for (size_t i = 0; i < n; i++) {
		/* the name sits on the last line of the position */
		size_t ri = i + rl.n - n;

		if (i < ll.n)
			draw_line(d, F_BODY, size, l, &ll.v[i], d->left,
				  d->y - size, half, PDF_LEFT);
		if (i + rl.n >= n)
			draw_line(d, F_BODY, size, r, &rl.v[ri],
				  d->right - half, d->y - size, half,
				  PDF_RIGHT);
		d->y -= lh;
	}
	free(ll.v);
	free(rl.v);
	free(l);
	free(r);
}

float pdf_text_height(struct pdf_doc *d, const struct pdf_style *st,
		      const char *text)
{
	int face;
	float size, w, h;
	char *s;
	struct lines ls = { 0 };

	st = st ? st : &PDF_BODY;
	face = face_of(st->sans, st->bold);
	size = style_size(st);
	w = d->right - d->left - st->left;
	s = sanitize(d, face, text);
	wrap_j(d, face, size, s, w - st->indent, w, wrap_mode(st, false),
	       &ls);
	h = st->before + (float)ls.n * size * LEADING + st->after;
	free(ls.v);
	free(s);
	return h;
}

void pdf_need(struct pdf_doc *d, float pt)
{
	block_start(d, pt);
}

void pdf_space(struct pdf_doc *d, float pt)
{
	if (d->page && !fresh(d))
		d->y -= pt;
}

void pdf_page_break(struct pdf_doc *d)
{
	/* pending headings go to the top of the new page, not the old one */
	if (!d->page || !fresh(d))
		new_page(d);
	flush_pending(d);
}

float pdf_content_width(const struct pdf_doc *d)
{
	return d->right - d->left;
}

int pdf_errors(const struct pdf_doc *d)
{
	return d->nerr;
}

int pdf_page_count(const struct pdf_doc *d)
{
	return (int)d->npages;
}

char *pdf_num(double v, int decimals, char *buf)
{
	snprintf(buf, 32, "%.*f", decimals < 0 ? 0 : decimals, v);
	for (char *p = buf; *p; p++)
		if (*p == '.')
			*p = ',';
	if (strcmp(buf, "-0") == 0 || strcmp(buf, "-0,0") == 0)
		memmove(buf, buf + 1, strlen(buf));
	return buf;
}

/* -------------------------------------------------------------- tables */

struct pdf_table {
	struct pdf_doc *d;
	int ncols;
	float *x;               /* ncols + 1 column edges */
	unsigned char *align;
	char **titles;
	float size, lh, pad;
	float head_h;
	bool started;
	struct lines *cl;       /* per cell, reused */
	char **cs;              /* sanitised cells, reused */
	int number;             /* «Таблица N»; 0: none */
	char *caption;
	int on_page;            /* body rows drawn on the current page */
	struct qrow {
		char **cells;   /* ncols copies */
		unsigned flags;
	} q[3];                 /* rows not drawn yet */
	int nq;
};

/* Wraps the cells of a row; returns the most lines in a cell. */
static size_t row_prepare(struct pdf_table *t, const char *const *cells,
			  int face)
{
	struct pdf_doc *d = t->d;
	size_t most = 1;

	for (int c = 0; c < t->ncols; c++) {
		float w = t->x[c + 1] - t->x[c] - 2 * t->pad;

		free(t->cs[c]);
		t->cs[c] = sanitize(d, face, cells[c] ? cells[c] : "");
		wrap(d, face, t->size, t->cs[c], w, w, &t->cl[c]);
		if (t->cl[c].n > most)
			most = t->cl[c].n;
	}
	return most;
}

/* Draws lines [k, k + m) of the prepared row at the cursor. */
static void row_draw(struct pdf_table *t, int face, size_t k, size_t m,
		     bool shade)
{
	struct pdf_doc *d = t->d;
	float h = (float)m * t->lh + 2 * t->pad;
	float top = d->y;

	if (shade) {
		set_fill(d, 0.88f, 0.90f, 0.93f);
		HPDF_Page_Rectangle(d->page, t->x[0], top - h,
				    t->x[t->ncols] - t->x[0], h);
		HPDF_Page_Fill(d->page);
	}
	set_fill(d, 0, 0, 0);
	for (int c = 0; c < t->ncols; c++) {
		float w = t->x[c + 1] - t->x[c] - 2 * t->pad;
		int al = t->align[c] == PDF_JUSTIFY ? PDF_LEFT : t->align[c];

		for (size_t i = k; i < k + m && i < t->cl[c].n; i++) {
			float base = top - t->pad - (float)(i - k) * t->lh
				- t->size * 0.98f;
			draw_line(d, face, t->size, t->cs[c], &t->cl[c].v[i],
				  t->x[c] + t->pad, base, w, al);
		}
	}
	set_stroke(d, 0.35f, 0.35f, 0.35f);
	HPDF_Page_SetLineWidth(d->page, 0.5f);
	for (int c = 0; c < t->ncols; c++)
		HPDF_Page_Rectangle(d->page, t->x[c], top - h,
				    t->x[c + 1] - t->x[c], h);
	HPDF_Page_Stroke(d->page);
	d->y -= h;
}

static void head_draw(struct pdf_table *t)
{
	size_t m = row_prepare(t, (const char *const *)t->titles, F_SANS_BOLD);

	row_draw(t, F_SANS_BOLD, 0, m, true);
}

struct pdf_table *pdf_table_begin(struct pdf_doc *d,
				  const struct pdf_col *cols, int ncols,
				  float size)
{
	struct pdf_table *t = xcalloc(1, sizeof(*t));
	float sum = 0, w = d->right - d->left, x;

	t->d = d;
	t->ncols = ncols;
	t->size = size > 0 ? size : 9;
	t->lh = t->size * 1.22f;
	t->pad = 2.5f;
	t->x = xcalloc((size_t)ncols + 1, sizeof(*t->x));
	t->align = xcalloc((size_t)ncols, 1);
	t->titles = xcalloc((size_t)ncols, sizeof(*t->titles));
	t->cl = xcalloc((size_t)ncols, sizeof(*t->cl));
	t->cs = xcalloc((size_t)ncols, sizeof(*t->cs));
	for (int c = 0; c < ncols; c++)
		sum += cols[c].frac > 0 ? cols[c].frac : 0;
	x = d->left;
	for (int c = 0; c < ncols; c++) {
		float f = cols[c].frac > 0 ? cols[c].frac : 0;
		t->x[c] = x;
		x += sum > 0 ? w * f / sum : w / (float)ncols;
		t->align[c] = cols[c].align;
		t->titles[c] = xstrdup(cols[c].title ? cols[c].title : "");
	}
	t->x[ncols] = d->right;
	t->head_h = (float)row_prepare(t, (const char *const *)t->titles,
				       F_SANS_BOLD) * t->lh + 2 * t->pad;
	return t;
}

/* A continuation line's size and the caption's, pt. */
#define CAPTION_SIZE 11.0f

/* The caption «Таблица N – ...» or «Продолжение таблицы N»; its height. */
static float table_label(struct pdf_table *t, bool cont, bool draw)
{
	struct pdf_doc *d = t->d;
	float w = d->right - d->left, h;
	struct lines ls = { 0 };
	char *s, *raw;
	size_t n;

	if (!cont && t->number <= 0 && !t->caption)
		return 0;
	n = (t->caption ? strlen(t->caption) : 0) + 64;
	raw = xmalloc(n);
	if (cont && t->number > 0)
		snprintf(raw, n, "Продолжение таблицы %d", t->number);
	else if (cont)
		snprintf(raw, n, "Продолжение таблицы");
	else if (t->number > 0 && t->caption)
		snprintf(raw, n, "Таблица %d – %s", t->number, t->caption);
	else if (t->number > 0)
		snprintf(raw, n, "Таблица %d", t->number);
	else
		snprintf(raw, n, "%s", t->caption);
	s = sanitize(d, F_BODY, raw);
	free(raw);
	wrap_j(d, F_BODY, CAPTION_SIZE, s, w, w, 0, &ls);
	h = (float)ls.n * CAPTION_SIZE * LEADING + 2;
	if (draw) {
		set_fill(d, 0, 0, 0);
		for (size_t i = 0; i < ls.n; i++)
			draw_line(d, F_BODY, CAPTION_SIZE, s, &ls.v[i],
				  d->left, d->y - CAPTION_SIZE - (float)i
				  * CAPTION_SIZE * LEADING, w, PDF_LEFT);
		d->y -= h;
	}
	free(ls.v);
	free(s);
	return h;
}

void pdf_table_caption(struct pdf_table *t, int number, const char *caption)
{
	if (!t || t->started)
		return;
	t->number = number;
	free(t->caption);
	t->caption = caption && *caption ? xstrdup(caption) : NULL;
}

/* A new page that goes on with the table: the label, then the header. */
static void table_continue(struct pdf_table *t)
{
	new_page(t->d);
	table_label(t, true, true);
	head_draw(t);
	t->on_page = 0;
}

static int row_face(unsigned flags)
{
	return flags & PDF_ROW_BOLD ? F_SANS_BOLD : F_SANS;
}

/* Height of a queued row, pt (prepares it: prepare the drawn one after). */
static float row_height(struct pdf_table *t, const struct qrow *r)
{
	size_t m = row_prepare(t, (const char *const *)r->cells,
			       row_face(r->flags));

	return (float)m * t->lh + 2 * t->pad;
}

/*
 * Draws the oldest queued row.  `final`: no rows will come after the
 * queue.  The table starts only where its caption, header and first two
 * rows fit; the last row does not go alone to a new page when at least
 * two rows stay behind.
 */
static void row_emit(struct pdf_table *t, bool final)
{
	struct pdf_doc *d = t->d;
	const struct qrow *r = &t->q[0];
	int face = row_face(r->flags);
	unsigned flags = r->flags;
	size_t total, k = 0;
	float room = d->top - d->bottom - t->head_h - table_label(t, true,
								   false);
	/*
	 * Short rows move whole to the next page; a row taller than a
	 * quarter page splits, or it would leave a large gap behind.
	 */
	float movable = (d->top - d->bottom) / 4;
	float h0 = row_height(t, r);
	float h1 = t->nq > 1 ? row_height(t, &t->q[1]) : 0;

	if (!t->started) {
		float need = table_label(t, false, false) + t->head_h +
			(h0 <= movable ? h0 : 3 * t->lh + 2 * t->pad);

		if (h0 <= movable && h1 <= movable)
			need += h1;
		block_start(d, 6 + need);
		if (!fresh(d))
			d->y -= 6;
		table_label(t, false, true);
		head_draw(t);
		t->started = true;
		t->on_page = 0;
	} else if (final && t->nq == 2 && t->on_page >= 2 &&
		   h0 + h1 > d->y - d->bottom && h0 <= d->y - d->bottom &&
		   h0 + h1 <= room && h1 <= movable) {
		/* keep the last two rows together */
		table_continue(t);
	}
	total = row_prepare(t, (const char *const *)r->cells, face);
	while (k < total) {
		float avail = d->y - d->bottom;
		float rest = (float)(total - k) * t->lh + 2 * t->pad;

		if (rest <= avail + 0.01f) {
			row_draw(t, face, k, total - k, flags & PDF_ROW_SHADE);
			break;
		}
		size_t m = (size_t)((avail - 2 * t->pad) / t->lh);
		if ((k == 0 && rest <= room && rest <= movable) ||
		    avail < 2 * t->pad + 2 * t->lh)
			m = 0;
		if (m > 0) {
			row_draw(t, face, k, m, flags & PDF_ROW_SHADE);
			k += m;
		}
		table_continue(t);
		total = row_prepare(t, (const char *const *)r->cells, face);
	}
	t->on_page++;
	for (int c = 0; c < t->ncols; c++)
		free(t->q[0].cells[c]);
	free(t->q[0].cells);
	memmove(&t->q[0], &t->q[1], sizeof(t->q[0]) * (size_t)(t->nq - 1));
	t->nq--;
}

void pdf_table_row(struct pdf_table *t, const char *const *cells,
		   unsigned flags)
{
	struct qrow *r = &t->q[t->nq++];

	r->cells = xcalloc((size_t)t->ncols, sizeof(*r->cells));
	for (int c = 0; c < t->ncols; c++)
		r->cells[c] = xstrdup(cells[c] ? cells[c] : "");
	r->flags = flags;
	/* two rows wait: the start and the end need to see them */
	if (t->nq > 2)
		row_emit(t, false);
}

void pdf_table_end(struct pdf_table *t)
{
	if (!t)
		return;
	while (t->nq > 0)
		row_emit(t, true);
	t->d->y -= 8;
	for (int c = 0; c < t->ncols; c++) {
		free(t->titles[c]);
		free(t->cs[c]);
		free(t->cl[c].v);
	}
	free(t->caption);
	free(t->titles);
	free(t->cs);
	free(t->cl);
	free(t->x);
	free(t->align);
	free(t);
}

/* -------------------------------------------------------------- charts */

static const float palette[][3] = {
	{ 0.20f, 0.40f, 0.70f },        /* blue */
	{ 0.85f, 0.45f, 0.10f },        /* orange */
	{ 0.25f, 0.60f, 0.30f },        /* green */
	{ 0.55f, 0.30f, 0.60f },        /* purple */
	{ 0.45f, 0.45f, 0.45f },        /* grey */
	{ 0.75f, 0.20f, 0.25f },        /* red */
};

static const float bar_rgb[PDF_BAR__N][3] = {
	{ 0.30f, 0.50f, 0.75f },        /* neutral: blue */
	{ 0.30f, 0.65f, 0.35f },        /* good: green */
	{ 0.90f, 0.50f, 0.20f },        /* bad: orange */
};

#define TARGET_R 0.60f
#define TARGET_G 0.05f
#define TARGET_B 0.10f

/* A step of 1, 2, 2.5 or 5 times a power of ten giving <= 5 intervals. */
static void nice_axis(double max, double *top, double *step, int *nticks)
{
	static const double m[] = { 1, 2, 2.5, 5, 10 };
	double e, s = 1;

	if (!(max > 0))
		max = 1;
	e = pow(10, floor(log10(max / 5)));
	for (size_t i = 0; i < sizeof(m) / sizeof(m[0]); i++) {
		s = m[i] * e;
		if (ceil(max / s - 1e-9) <= 5)
			break;
	}
	*nticks = (int)ceil(max / s - 1e-9);
	if (*nticks < 1)
		*nticks = 1;
	*step = s;
	*top = s * *nticks;
}

static int step_decimals(double step)
{
	if (step >= 1 || step <= 0)
		return 0;
	return (int)ceil(-log10(step) - 1e-9) + (fmod(step * 10, 1) > 1e-9);
}

/* Draws s (one line, sanitised here) at (x, y) aligned on x. */
static float label(struct pdf_doc *d, int face, float size, float x, float y,
		   const char *text, int align)
{
	char *s = sanitize(d, face, text);
	size_t n = strlen(s);
	float w = text_w(d, face, size, s, n);

	if (align == PDF_CENTER)
		x -= w / 2;
	else if (align == PDF_RIGHT)
		x -= w;
	draw_n(d, d->page, face, size, x, y, s, n);
	free(s);
	return w;
}

/* A wrapped title over the chart; returns its height (draw: at cursor). */
static float chart_title(struct pdf_doc *d, const char *title, bool draw)
{
	struct lines ls = { 0 };
	float w = d->right - d->left, size = 10, h;
	char *s;

	if (!title || !*title)
		return 0;
	s = sanitize(d, F_SANS_BOLD, title);
	wrap_j(d, F_SANS_BOLD, size, s, w, w, 0, &ls);
	h = (float)ls.n * size * LEADING + 4;
	if (draw) {
		set_fill(d, 0, 0, 0);
		for (size_t i = 0; i < ls.n; i++)
			draw_line(d, F_SANS_BOLD, size, s, &ls.v[i], d->left,
				  d->y - size - (float)i * size * LEADING, w,
				  PDF_CENTER);
		d->y -= h;
	}
	free(ls.v);
	free(s);
	return h;
}

struct legend_item {
	const char *name;
	const float *rgb;
	int kind;               /* 0 box, 1 target tick, 2 line + marker */
	int series;
};

static void draw_marker(struct pdf_doc *d, int shape, float x, float y)
{
	HPDF_Page pg = d->page;

	switch (shape % 3) {
	case 0:
		HPDF_Page_Circle(pg, x, y, 2.6f);
		break;
	case 1:
		HPDF_Page_Rectangle(pg, x - 2.4f, y - 2.4f, 4.8f, 4.8f);
		break;
	default:
		HPDF_Page_MoveTo(pg, x, y + 3.2f);
		HPDF_Page_LineTo(pg, x + 3.2f, y);
		HPDF_Page_LineTo(pg, x, y - 3.2f);
		HPDF_Page_LineTo(pg, x - 3.2f, y);
		HPDF_Page_ClosePath(pg);
		break;
	}
	HPDF_Page_Fill(pg);
}

static void set_dash(struct pdf_doc *d, int series)
{
	static const HPDF_UINT16 dash[] = { 4, 2 };
	static const HPDF_UINT16 dot[] = { 1, 2 };

	switch (series % 3) {
	case 0:
		HPDF_Page_SetDash(d->page, NULL, 0, 0);
		break;
	case 1:
		HPDF_Page_SetDash(d->page, dash, 2, 0);
		break;
	default:
		HPDF_Page_SetDash(d->page, dot, 2, 0);
		break;
	}
}

/* Legend rows (wrapping); returns the height; draws when draw is set. */
static float legend(struct pdf_doc *d, const struct legend_item *it, int n,
		    bool draw)
{
	float size = 8, x = d->left, rowh = 12, h = n > 0 ? rowh : 0;
	float y = d->y - 9;

	for (int i = 0; i < n; i++) {
		char *s = sanitize(d, F_SANS, it[i].name);
		float w = 22 + text_w(d, F_SANS, size, s, strlen(s)) + 14;

		if (x + w > d->right && x > d->left) {
			x = d->left;
			y -= rowh;
			h += rowh;
		}
		if (draw) {
			const float *c = it[i].rgb;
			HPDF_Page pg = d->page;

			if (it[i].kind == 0) {
				set_fill(d, c[0], c[1], c[2]);
				HPDF_Page_Rectangle(pg, x, y - 1, 16, 7);
				HPDF_Page_Fill(pg);
			} else if (it[i].kind == 1) {
				set_stroke(d, c[0], c[1], c[2]);
				HPDF_Page_SetLineWidth(pg, 2);
				HPDF_Page_MoveTo(pg, x + 8, y - 3);
				HPDF_Page_LineTo(pg, x + 8, y + 8);
				HPDF_Page_Stroke(pg);
			} else {
				set_stroke(d, c[0], c[1], c[2]);
				set_fill(d, c[0], c[1], c[2]);
				HPDF_Page_SetLineWidth(pg, 1.5f);
				set_dash(d, it[i].series);
				HPDF_Page_MoveTo(pg, x, y + 2.5f);
				HPDF_Page_LineTo(pg, x + 18, y + 2.5f);
				HPDF_Page_Stroke(pg);
				HPDF_Page_SetDash(pg, NULL, 0, 0);
				draw_marker(d, it[i].series, x + 9, y + 2.5f);
			}
			set_fill(d, 0, 0, 0);
			draw_n(d, pg, F_SANS, size, x + 22, y, s, strlen(s));
		}
		x += w;
		free(s);
	}
	if (draw)
		d->y -= h + 2;
	return n > 0 ? h + 2 : 0;
}

/* Tick labels of an x value axis from x0 to x1 at the cursor. */
static float value_axis(struct pdf_doc *d, float x0, float x1, double top,
			double step, int nticks, int dec, const char *suffix,
			bool draw)
{
	if (draw) {
		HPDF_Page pg = d->page;
		char buf[64], num[32];

		for (int i = 0; i <= nticks; i++) {
			float x = x0 + (x1 - x0) * (float)(i * step / top);

			set_stroke(d, 0.2f, 0.2f, 0.2f);
			HPDF_Page_SetLineWidth(pg, 0.5f);
			HPDF_Page_MoveTo(pg, x, d->y);
			HPDF_Page_LineTo(pg, x, d->y - 3);
			HPDF_Page_Stroke(pg);
			snprintf(buf, sizeof(buf), "%s%s",
				 pdf_num(i * step, dec, num),
				 suffix ? suffix : "");
			set_fill(d, 0, 0, 0);
			label(d, F_SANS, 7.5f, x, d->y - 11, buf, PDF_CENTER);
		}
		set_stroke(d, 0.2f, 0.2f, 0.2f);
		HPDF_Page_SetLineWidth(pg, 0.7f);
		HPDF_Page_MoveTo(pg, x0, d->y);
		HPDF_Page_LineTo(pg, x1, d->y);
		HPDF_Page_Stroke(pg);
		d->y -= 15;
	}
	return 15;
}

void pdf_bar_chart(struct pdf_doc *d, const struct pdf_bar_chart *c,
		   const struct pdf_bar *bars, int n)
{
	float size = 8, lh = size * 1.2f, w = d->right - d->left;
	float lw = w * (c->label_frac > 0 ? c->label_frac : 0.38f);
	float x0 = d->left + lw + 6, x1 = d->right - 46;
	double maxv = c->max, top, step;
	int nticks, dec = c->decimals;
	struct legend_item it[PDF_BAR__N + 1];
	int nit = 0, i = 0;
	bool used[PDF_BAR__N] = { false }, target = false;
	struct lines ls = { 0 };
	float *rh = xcalloc((size_t)n + 1, sizeof(*rh));
	char **ss = xcalloc((size_t)n + 1, sizeof(*ss));

	for (int k = 0; k < n; k++) {
		if (!bars[k].nodata && bars[k].value > maxv && c->max <= 0)
			maxv = bars[k].value;
		if (bars[k].has_target && bars[k].target > maxv && c->max <= 0)
			maxv = bars[k].target;
		if (!bars[k].nodata && bars[k].kind < PDF_BAR__N)
			used[bars[k].kind] = true;
		target |= bars[k].has_target;
		ss[k] = sanitize(d, F_SANS, bars[k].label);
		wrap(d, F_SANS, size, ss[k], lw, lw, &ls);
		rh[k] = (float)ls.n * lh + 5;
		if (rh[k] < 15)
			rh[k] = 15;
	}
	nice_axis(maxv, &top, &step, &nticks);
	if (c->max > 0) {
		top = c->max;
		nice_axis(top, &top, &step, &nticks);
	}
	for (int k = 0; k < PDF_BAR__N; k++)
		if (used[k] && c->kind_name[k])
			it[nit++] = (struct legend_item){ c->kind_name[k],
				bar_rgb[k], 0, 0 };
	if (target && c->target_name) {
		static const float tr[3] = { TARGET_R, TARGET_G, TARGET_B };
		it[nit++] = (struct legend_item){ c->target_name, tr, 1, 0 };
	}
	float fixed = 4 + value_axis(d, 0, 0, 0, 0, 0, 0, NULL, false)
		+ legend(d, it, nit, false) + 8;
	bool first = true;

	while (i < n || first) {
		/* as many bars as fit on a page */
		float th = first ? chart_title(d, c->title, false) : 0;
		float room = d->top - d->bottom - th - fixed;
		float h = 0;
		int j = i;

		while (j < n && (j == i || h + rh[j] <= room))
			h += rh[j++];
		block_start(d, th + h + fixed + 6);
		if (!fresh(d))
			d->y -= 6;
		if (first)
			chart_title(d, c->title, true);
		first = false;
		/* the grid first, so bars and labels lie over it */
		set_stroke(d, 0.85f, 0.85f, 0.85f);
		HPDF_Page_SetLineWidth(d->page, 0.4f);
		for (int t = 0; t <= nticks; t++) {
			float x = x0 + (x1 - x0) * (float)(t * step / top);

			HPDF_Page_MoveTo(d->page, x, d->y);
			HPDF_Page_LineTo(d->page, x, d->y - h - 4);
		}
		HPDF_Page_Stroke(d->page);
		for (int k = i; k < j; k++) {
			const struct pdf_bar *b = &bars[k];
			float cy = d->y - rh[k] / 2;
			char buf[64], num[32];

			wrap(d, F_SANS, size, ss[k], lw, lw, &ls);
			set_fill(d, 0, 0, 0);
			for (size_t l = 0; l < ls.n; l++)
				draw_line(d, F_SANS, size, ss[k], &ls.v[l],
					  d->left,
					  cy + (float)ls.n * lh / 2 - size
					  - (float)l * lh + 1.5f, lw,
					  PDF_RIGHT);
			float bx = x0, lx;
			if (!b->nodata) {
				double v = b->value < 0 ? 0 : b->value;
				float bw = (float)(v / top) * (x1 - x0);
				const float *rgb = bar_rgb[b->kind < PDF_BAR__N
							   ? b->kind : 0];

				if (bw > x1 - x0)
					bw = x1 - x0;
				set_fill(d, rgb[0], rgb[1], rgb[2]);
				HPDF_Page_Rectangle(d->page, x0, cy - 4.5f,
						    bw, 9);
				HPDF_Page_Fill(d->page);
				bx = x0 + bw;
				snprintf(buf, sizeof(buf), "%s%s",
					 pdf_num(b->value, dec, num),
					 c->suffix ? c->suffix : "");
			} else {
				snprintf(buf, sizeof(buf), "нет данных");
			}
			lx = bx + 3;
			if (b->has_target) {
				float tx = x0 + (float)(b->target / top)
					* (x1 - x0);
				char *s = sanitize(d, F_SANS, buf);
				float vw = text_w(d, F_SANS, 7.5f, s,
						  strlen(s));

				free(s);
				if (tx > x1)
					tx = x1;
				set_stroke(d, TARGET_R, TARGET_G, TARGET_B);
				HPDF_Page_SetLineWidth(d->page, 2);
				HPDF_Page_MoveTo(d->page, tx, cy - 7);
				HPDF_Page_LineTo(d->page, tx, cy + 7);
				HPDF_Page_Stroke(d->page);
				if (tx >= lx - 2 && tx <= lx + vw + 2)
					lx = tx + 3;
			}
			set_fill(d, 0, 0, 0);
			label(d, F_SANS, 7.5f, lx, cy - 2.6f, buf, PDF_LEFT);
			d->y -= rh[k];
		}
		d->y -= 4;
		value_axis(d, x0, x1, top, step, nticks, step_decimals(step),
			   c->suffix, true);
		legend(d, it, nit, true);
		d->y -= 8;
		i = j;
	}
	for (int k = 0; k < n; k++)
		free(ss[k]);
	free(ss);
	free(rh);
	free(ls.v);
}

/*
 * With three series or more, labels at every point collide: each series
 * gets one label right of its last point, pushed apart vertically.
 */
static void end_labels(struct pdf_doc *d, const struct pdf_line_chart *c,
		       const struct pdf_series *s, int ns, float x,
		       float ybot, float plot_h, double top)
{
	float y[16];
	int ord[16], m = 0;
	const float gap = 9;

	for (int i = 0; i < ns && i < 16; i++) {
		double v = c->ncat > 0 ? s[i].y[c->ncat - 1] : NAN;

		if (isnan(v))
			continue;
		y[i] = ybot + plot_h * (float)(v / top) - 2.6f;
		ord[m++] = i;
	}
	/* by height, then spread upwards; then back down if too high */
	for (int a = 1; a < m; a++)
		for (int b = a; b > 0 && y[ord[b]] < y[ord[b - 1]]; b--) {
			int t = ord[b];
			ord[b] = ord[b - 1];
			ord[b - 1] = t;
		}
	for (int a = 1; a < m; a++)
		if (y[ord[a]] < y[ord[a - 1]] + gap)
			y[ord[a]] = y[ord[a - 1]] + gap;
	if (m > 0 && y[ord[m - 1]] > ybot + plot_h + 6) {
		float shift = y[ord[m - 1]] - (ybot + plot_h + 6);
		for (int a = 0; a < m; a++)
			y[ord[a]] -= shift;
	}
	for (int a = 0; a < m; a++) {
		int i = ord[a];
		const float *rgb = palette[i % 6];
		char buf[64], num[32];

		snprintf(buf, sizeof(buf), "%s%s",
			 pdf_num(s[i].y[c->ncat - 1], c->decimals, num),
			 c->suffix ? c->suffix : "");
		set_fill(d, rgb[0], rgb[1], rgb[2]);
		label(d, F_SANS, 7.5f, x + 6, y[i], buf, PDF_LEFT);
	}
}

void pdf_line_chart(struct pdf_doc *d, const struct pdf_line_chart *c,
		    const struct pdf_series *s, int ns)
{
	float plot_h = 150, axis_w = 40;
	float x0 = d->left + axis_w, x1 = d->right - 10;
	double maxv = c->max, top, step;
	int nticks;
	struct legend_item it[16];
	int nit = 0;
	HPDF_Page pg;

	for (int i = 0; i < ns; i++)
		for (int k = 0; k < c->ncat; k++)
			if (!isnan(s[i].y[k]) && s[i].y[k] > maxv &&
			    c->max <= 0)
				maxv = s[i].y[k];
	/* headroom for the value labels over the highest point */
	if (c->max <= 0)
		maxv *= 1.08;
	nice_axis(maxv, &top, &step, &nticks);
	for (int i = 0; i < ns && nit < 16; i++)
		it[nit++] = (struct legend_item){ s[i].name,
			palette[i % 6], 2, i };

	float th = chart_title(d, c->title, false);
	float yl = c->y_label ? 12 : 0;
	float fixed = th + yl + plot_h + 8 + 16 + legend(d, it, nit, false)
		+ 8;

	block_start(d, fixed + 6);
	if (!fresh(d))
		d->y -= 6;
	chart_title(d, c->title, true);
	pg = d->page;
	if (c->y_label) {
		set_fill(d, 0.2f, 0.2f, 0.2f);
		label(d, F_SANS, 7.5f, d->left, d->y - 8, c->y_label,
		      PDF_LEFT);
		d->y -= yl;
	}
	d->y -= 8;              /* room for the top value labels */
	float ytop = d->y, ybot = d->y - plot_h;
	int dec = step_decimals(step);

	/* grid and y ticks */
	for (int i = 0; i <= nticks; i++) {
		float y = ybot + plot_h * (float)(i * step / top);
		char buf[64], num[32];

		set_stroke(d, 0.85f, 0.85f, 0.85f);
		HPDF_Page_SetLineWidth(pg, 0.4f);
		HPDF_Page_MoveTo(pg, x0, y);
		HPDF_Page_LineTo(pg, x1, y);
		HPDF_Page_Stroke(pg);
		snprintf(buf, sizeof(buf), "%s%s", pdf_num(i * step, dec, num),
			 c->suffix ? c->suffix : "");
		set_fill(d, 0, 0, 0);
		label(d, F_SANS, 7.5f, x0 - 4, y - 2.6f, buf, PDF_RIGHT);
	}
	set_stroke(d, 0.2f, 0.2f, 0.2f);
	HPDF_Page_SetLineWidth(pg, 0.7f);
	HPDF_Page_MoveTo(pg, x0, ytop);
	HPDF_Page_LineTo(pg, x0, ybot);
	HPDF_Page_LineTo(pg, x1, ybot);
	HPDF_Page_Stroke(pg);

	float dx = c->ncat > 0 ? (x1 - x0) / (float)c->ncat : 0;
	for (int k = 0; k < c->ncat; k++) {
		float x = x0 + dx * ((float)k + 0.5f);

		set_stroke(d, 0.2f, 0.2f, 0.2f);
		HPDF_Page_MoveTo(pg, x, ybot);
		HPDF_Page_LineTo(pg, x, ybot - 3);
		HPDF_Page_Stroke(pg);
		set_fill(d, 0, 0, 0);
		label(d, F_SANS, 8, x, ybot - 12, c->cat[k], PDF_CENTER);
	}
	for (int i = 0; i < ns; i++) {
		const float *rgb = palette[i % 6];
		bool pen = false;

		set_stroke(d, rgb[0], rgb[1], rgb[2]);
		HPDF_Page_SetLineWidth(pg, 1.6f);
		set_dash(d, i);
		for (int k = 0; k < c->ncat; k++) {
			double v = s[i].y[k];
			float x = x0 + dx * ((float)k + 0.5f);

			if (isnan(v)) {
				if (pen)
					HPDF_Page_Stroke(pg);
				pen = false;
				continue;
			}
			float y = ybot + plot_h * (float)(v / top);
			if (pen) {
				HPDF_Page_LineTo(pg, x, y);
			} else {
				HPDF_Page_MoveTo(pg, x, y);
				pen = true;
			}
		}
		if (pen)
			HPDF_Page_Stroke(pg);
		HPDF_Page_SetDash(pg, NULL, 0, 0);
		for (int k = 0; k < c->ncat; k++) {
			double v = s[i].y[k];
			float x = x0 + dx * ((float)k + 0.5f), y;
			char buf[64], num[32];

			if (isnan(v))
				continue;
			y = ybot + plot_h * (float)(v / top);
			set_fill(d, rgb[0], rgb[1], rgb[2]);
			draw_marker(d, i, x, y);
			/* many series: only the end labels, drawn below */
			if (ns >= 3)
				continue;
			snprintf(buf, sizeof(buf), "%s%s",
				 pdf_num(v, c->decimals, num),
				 c->suffix ? c->suffix : "");
			/*
			 * Above the point when it is at least as high as its
			 * neighbours' mean (the line runs below it), else
			 * below, so the label does not sit on the line.
			 */
			double nb = 0;
			int nn = 0;
			if (k > 0 && !isnan(s[i].y[k - 1])) {
				nb += s[i].y[k - 1];
				nn++;
			}
			if (k + 1 < c->ncat && !isnan(s[i].y[k + 1])) {
				nb += s[i].y[k + 1];
				nn++;
			}
			bool above = nn == 0 || v >= nb / nn;

			/* but never under the axis or over the top */
			if (!above && y - 11 < ybot + 1)
				above = true;
			else if (above && y + 12 > ytop + 8)
				above = false;
			label(d, F_SANS, 7.5f, x, above ? y + 5 : y - 11,
			      buf, PDF_CENTER);
		}
	}
	if (ns >= 3)
		end_labels(d, c, s, ns, x0 + dx * ((float)c->ncat - 0.5f),
			   ybot, plot_h, top);
	set_fill(d, 0, 0, 0);
	d->y = ybot - 18;
	legend(d, it, nit, true);
	d->y -= 8;
}

/* ---------------------------------------------------- open, save, free */

/* All letters, е before ё: see LIBRARIES.md, the bold-ё bug of 2.3.0. */
static const char all_letters[] =
	"ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz 0123456789 "
	"АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ абвгдежзийклмнопрстуфхцчшщъыьэюя "
	"Ёё";

static bool file_exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/*
 * libharu 2.3.0 writes its encoder's code-to-CID CMap as the ToUnicode map
 * of a Type0 font: a `begincidrange` with a one-byte notdef range in a
 * two-byte code space, which poppler warns about on every page and which
 * Ghostscript's PDF/A conversion drops with all the text.  The UTF-8
 * encoder writes each character as its two-byte BMP code (the CID is the
 * code, CIDToGIDMap maps it to the glyph), so the right map is the
 * identity: one bfrange per high byte (a range must not cross a change of
 * the first byte), surrogates left out, at most 100 entries a block.  The
 * stream object stays, its contents and dictionary are replaced; the
 * descendant's CIDSystemInfo says Ordering (Identity), not the encoder's
 * name «Identity-H».
 */
static int fix_to_unicode(HPDF_Font font)
{
	HPDF_FontAttr attr = (HPDF_FontAttr)font->attr;
	HPDF_Dict cmap = attr ? attr->cmap_stream : NULL;
	HPDF_Dict info;
	HPDF_Stream st;
	static const char head[] =
		"/CIDInit /ProcSet findresource begin\n"
		"12 dict begin\n"
		"begincmap\n"
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) "
		"/Supplement 0 >> def\n"
		"/CMapName /Adobe-Identity-UCS def\n"
		"/CMapType 2 def\n"
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
	static const char tail[] =
		"endcmap\n"
		"CMapName currentdict /CMap defineresource pop\n"
		"end\nend\n";
	int hi[256], nhi = 0, ret = 0;
	char buf[64];

	if (!cmap || !attr->descendant_font)
		return -1;
	st = cmap->stream;
	HPDF_MemStream_FreeData(st);
	HPDF_Dict_RemoveElement(cmap, "Type");
	HPDF_Dict_RemoveElement(cmap, "CMapName");
	HPDF_Dict_RemoveElement(cmap, "CIDSystemInfo");
	HPDF_Dict_RemoveElement(cmap, "WMode");
	for (int h = 0; h < 256; h++)
		if (h < 0xD8 || h > 0xDF)
			hi[nhi++] = h;
	ret |= HPDF_Stream_WriteStr(st, head) != HPDF_OK;
	for (int i = 0; i < nhi; i += 100) {
		int n = nhi - i < 100 ? nhi - i : 100;

		snprintf(buf, sizeof(buf), "%d beginbfrange\n", n);
		ret |= HPDF_Stream_WriteStr(st, buf) != HPDF_OK;
		for (int k = i; k < i + n; k++) {
			snprintf(buf, sizeof(buf), "<%02X00> <%02XFF> <%02X00>\n",
				 hi[k], hi[k], hi[k]);
			ret |= HPDF_Stream_WriteStr(st, buf) != HPDF_OK;
		}
		ret |= HPDF_Stream_WriteStr(st, "endbfrange\n") != HPDF_OK;
	}
	ret |= HPDF_Stream_WriteStr(st, tail) != HPDF_OK;
	info = HPDF_Dict_GetItem(attr->descendant_font, "CIDSystemInfo",
				 HPDF_OCLASS_DICT);
	if (!info)
		return -1;
	ret |= HPDF_Dict_Add(info, "Ordering",
			     HPDF_String_New(font->mmgr, "Identity", NULL))
		!= HPDF_OK;
	return ret ? -1 : 0;
}

static int load_face(struct pdf_doc *d, int face, const char *file)
{
	char path[256];
	const char *name;

	snprintf(path, sizeof(path), "%s%s", FONT_DIR, file);
	if (!file_exists(path)) {
		fprintf(stderr, "kadry: %s: font not found "
			"(install fonts-dejavu-core)\n", path);
		return -1;
	}
	name = HPDF_LoadTTFontFromFile(d->pdf, path, HPDF_TRUE);
	if (!name)
		goto fail;
	d->font[face] = HPDF_GetFont(d->pdf, name, "UTF-8");
	d->def[face] = HPDF_GetFontDef(d->pdf, name);
	if (!d->font[face] || !d->def[face] || fix_to_unicode(d->font[face]))
		goto fail;
	HPDF_Font_TextWidth(d->font[face], (const HPDF_BYTE *)all_letters,
			    (HPDF_UINT)strlen(all_letters));
	d->glyph[face] = xcalloc(65536, 1);
	return 0;
fail:
	fprintf(stderr, "kadry: %s: cannot load font (libharu error "
		"0x%04lX)\n", path, d->first_err);
	return -1;
}

static void set_date(struct pdf_doc *d, HPDF_InfoType type, time_t t)
{
	struct tm tm;
	HPDF_Date dt;

	gmtime_r(&t, &tm);
	memset(&dt, 0, sizeof(dt));
	dt.year = tm.tm_year + 1900;
	dt.month = tm.tm_mon + 1;
	dt.day = tm.tm_mday;
	dt.hour = tm.tm_hour;
	dt.minutes = tm.tm_min;
	dt.seconds = tm.tm_sec;
	dt.ind = 'Z';
	HPDF_SetInfoDateAttr(d->pdf, type, dt);
}

struct pdf_doc *pdf_open(time_t created, const char *title)
{
	struct pdf_doc *d = xcalloc(1, sizeof(*d));
	bool serif = file_exists(FONT_DIR "DejaVuSerif.ttf") &&
		file_exists(FONT_DIR "DejaVuSerif-Bold.ttf");

	d->pdf = HPDF_New(on_error, d);
	if (!d->pdf) {
		fprintf(stderr, "kadry: cannot start a PDF (libharu)\n");
		free(d);
		return NULL;
	}
	HPDF_UseUTFEncodings(d->pdf);
	HPDF_SetCurrentEncoder(d->pdf, "UTF-8");
	HPDF_SetCompressionMode(d->pdf, HPDF_COMP_ALL);
	if (load_face(d, F_SANS, "DejaVuSans.ttf") ||
	    load_face(d, F_SANS_BOLD, "DejaVuSans-Bold.ttf") ||
	    load_face(d, F_BODY, serif ? "DejaVuSerif.ttf" : "DejaVuSans.ttf")
	    || load_face(d, F_BODY_BOLD, serif ? "DejaVuSerif-Bold.ttf"
			 : "DejaVuSans-Bold.ttf")) {
		pdf_free(d);
		return NULL;
	}
	/* without hyphen-ru the text is only not hyphenated */
	d->hyph = hnj_hyphen_load(HYPH_DICT);
	set_date(d, HPDF_INFO_CREATION_DATE, created);
	set_date(d, HPDF_INFO_MOD_DATE, created);
	HPDF_SetInfoAttr(d->pdf, HPDF_INFO_CREATOR, "Kadry");
	HPDF_SetInfoAttr(d->pdf, HPDF_INFO_PRODUCER, "Kadry (libharu)");
	if (title && *title)
		HPDF_SetInfoAttr(d->pdf, HPDF_INFO_TITLE, title);
	/* the document's language, for readers and screen readers */
	if (HPDF_Dict_Add(d->pdf->catalog, "Lang",
			  HPDF_String_New(d->pdf->mmgr, "ru-RU", NULL))
	    != HPDF_OK) {
		fprintf(stderr, "kadry: cannot start a PDF (libharu error "
			"0x%04lX)\n", d->first_err);
		pdf_free(d);
		return NULL;
	}
	d->left = PDF_MM(30);
	d->right = PAGE_W - PDF_MM(15);
	d->top = PAGE_H - PDF_MM(20);
	d->bottom = PDF_MM(20);
	d->y = d->top;
	return d;
}

/*
 * GOST R 7.0.97-2016, 5.14: the number in the middle of the top margin,
 * from the second page; or «стр. N из M» below every page.
 */
static void page_numbers(struct pdf_doc *d)
{
	for (size_t i = 0; i < d->npages; i++) {
		char buf[64];

		d->page = d->pages[i];
		if (d->page_numbers == PDF_PAGENUM_FOOTER) {
			snprintf(buf, sizeof(buf), "стр. %zu из %zu", i + 1,
				 d->npages);
			set_fill(d, 0.25f, 0.25f, 0.25f);
			label(d, F_SANS, 9, (d->left + d->right) / 2,
			      PDF_MM(11), buf, PDF_CENTER);
		} else if (d->page_numbers == PDF_PAGENUM_TOP && i > 0) {
			snprintf(buf, sizeof(buf), "%zu", i + 1);
			set_fill(d, 0, 0, 0);
			label(d, F_BODY, BODY_SIZE, (d->left + d->right) / 2,
			      PAGE_H - PDF_MM(12), buf, PDF_CENTER);
		}
	}
}

void pdf_set_page_numbers(struct pdf_doc *d, int mode)
{
	d->page_numbers = mode;
}

void pdf_set_info(struct pdf_doc *d, const struct pdf_info *in)
{
	static const struct {
		HPDF_InfoType type;
		size_t off;
	} f[] = {
		{ HPDF_INFO_TITLE, offsetof(struct pdf_info, title) },
		{ HPDF_INFO_AUTHOR, offsetof(struct pdf_info, author) },
		{ HPDF_INFO_SUBJECT, offsetof(struct pdf_info, subject) },
		{ HPDF_INFO_KEYWORDS, offsetof(struct pdf_info, keywords) },
	};

	for (size_t i = 0; i < sizeof(f) / sizeof(f[0]); i++) {
		const char *v = *(const char *const *)((const char *)in +
						       f[i].off);
		char *s;

		if (!v || !*v)
			continue;
		/* valid UTF-8 only: the encoder would stop at a bad byte */
		s = sanitize(d, F_BODY, v);
		HPDF_SetInfoAttr(d->pdf, f[i].type, s);
		free(s);
	}
}

int pdf_save(struct pdf_doc *d, const char *path)
{
	flush_pending(d);
	if (!d->page)
		new_page(d);
	page_numbers(d);
	if (d->noutlines)
		HPDF_SetPageMode(d->pdf, HPDF_PAGE_MODE_USE_OUTLINE);
	if (d->nerr) {
		fprintf(stderr, "kadry: %s: PDF not written: libharu error "
			"0x%04lX (detail %lu)\n", path, d->first_err,
			d->first_detail);
		return -1;
	}
	if (HPDF_SaveToFile(d->pdf, path) != HPDF_OK || d->nerr) {
		fprintf(stderr, "kadry: %s: cannot write the PDF (libharu "
			"error 0x%04lX)\n", path, d->first_err);
		return -1;
	}
	return 0;
}

void pdf_free(struct pdf_doc *d)
{
	if (!d)
		return;
	if (d->pdf)
		HPDF_Free(d->pdf);
	if (d->hyph)
		hnj_hyphen_free(d->hyph);
	for (int i = 0; i < d->npend; i++)
		free(d->pend[i].text);
	for (int f = 0; f < F__N; f++)
		free(d->glyph[f]);
	free(d->pages);
	free(d);
}
