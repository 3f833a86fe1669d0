/*
 * csv_read.c - bytes to records: encoding and delimiter detection, libcsv
 * tokenising, physical line numbers and the caps on hostile input.
 *
 * How a file flows through here:
 *
 *  1. Detection reads the head of the file (one chunk) for the BOM, the
 *     "is this text at all" check and the delimiter, then, when the encoding
 *     is not given and there is no BOM, pre-scans the file in chunks for
 *     UTF-8 validity (see decide_encoding() for the heuristic).
 *  2. The file is streamed again in 1 MiB chunks.  Each chunk is split into
 *     physical lines with memchr (LF, CRLF and a lone CR each end one line)
 *     and every line is fed to libcsv on its own, so that the line where a
 *     record starts is the line before which the parser was between records.
 *  3. libcsv tokenises the raw bytes.  Both encodings are ASCII-compatible,
 *     so quote, delimiter, CR and LF can never be part of a multi-byte
 *     character; each finished field is then transcoded (a table for
 *     Windows-1251, validation with U+FFFD replacement for UTF-8) into the
 *     record buffer.  libcsv thus only walks the file's own bytes, not the
 *     1.5-2x longer UTF-8 of Cyrillic text.
 *
 * Memory is bounded by the caps: libcsv's field buffer holds at most the
 * bytes fed since the record started, and feeding stops at max_record + 1
 * bytes (see feed_piece() for the resync rule); the record buffer holds at
 * most max_record bytes plus one field of at most 3 * max_field bytes.
 */
#include "csv_read.h"

#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "errno_ru.h"

#define CHUNK (1024 * 1024)
#define HEAD_CHECK (64 * 1024)  /* bytes looked at by the binary check */

const struct diag_code csv_read_codes[] = {
	{ "R001", SEV_ERROR, "файл не удалось открыть или прочитать" },
	{ "R002", SEV_ERROR, "файл не похож на текст CSV" },
	{ "R003", SEV_WARNING, "кодировка не определена уверенно, файл "
	  "прочитан как Windows-1251" },
	{ "R004", SEV_WARNING, "недопустимая последовательность UTF-8 "
	  "заменена на U+FFFD" },
	{ "R005", SEV_WARNING, "нулевой байт заменён на U+FFFD" },
	{ "R006", SEV_ERROR, "кавычка в неожиданном месте" },
	{ "R007", SEV_ERROR, "кавычка не закрыта до конца файла" },
	{ "R008", SEV_ERROR, "поле длиннее предела max_field" },
	{ "R009", SEV_ERROR, "запись длиннее предела max_record" },
	{ "R010", SEV_ERROR, "полей больше предела max_fields" },
	{ "R011", SEV_ERROR, "записей больше предела max_records" },
	{ "R012", SEV_ERROR, "файл длиннее предела max_file" },
	{ "R013", SEV_ERROR, "файл в кодировке UTF-16" },
	{ NULL, SEV_ERROR, NULL }
};

/* ---- Windows-1251 ---------------------------------------------------- */

/*
 * Code points of bytes 0x80..0xBF (0xC0..0xFF are U+0410..U+044F).  0x98 is
 * unassigned in Windows-1251 (glibc iconv rejects it): U+FFFD.
 */
static const uint16_t cp1251_hi[64] = {
	0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021,
	0x20AC, 0x2030, 0x0409, 0x2039, 0x040A, 0x040C, 0x040B, 0x040F,
	0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0xFFFD, 0x2122, 0x0459, 0x203A, 0x045A, 0x045C, 0x045B, 0x045F,
	0x00A0, 0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6, 0x00A7,
	0x0401, 0x00A9, 0x0404, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x0407,
	0x00B0, 0x00B1, 0x0406, 0x0456, 0x0491, 0x00B5, 0x00B6, 0x00B7,
	0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405, 0x0455, 0x0457,
};

/*
 * Every byte's UTF-8 form (at most 3 bytes) with its length in the 4th
 * byte in memory order: the transcoding loop stores 4 bytes and advances
 * by the length, one load and no branch per byte.  NUL maps to U+FFFD so
 * that a field never holds an embedded NUL.
 */
static uint32_t cp1251_utf8[256];
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define CP_LEN(e) ((e) & 0xFF)
#else
#define CP_LEN(e) ((e) >> 24)
#endif
static pthread_once_t cp1251_once = PTHREAD_ONCE_INIT;

static int utf8_put(unsigned char *o, unsigned cp)
{
	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | cp >> 6);
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	o[0] = (unsigned char)(0xE0 | cp >> 12);
	o[1] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
	o[2] = (unsigned char)(0x80 | (cp & 0x3F));
	return 3;
}

static void cp1251_build(void)
{
	for (unsigned c = 0; c < 256; c++) {
		unsigned cp = c < 0x80 ? c : c < 0xC0 ? cp1251_hi[c - 0x80] :
			0x0410 + (c - 0xC0);
		if (c == 0)
			cp = 0xFFFD;
		unsigned char e[4] = { 0, 0, 0, 0 };
		e[3] = (unsigned char)utf8_put(e, cp);
		memcpy(&cp1251_utf8[c], e, 4);
	}
}

/* ---- UTF-8 ----------------------------------------------------------- */

/*
 * Length of the valid UTF-8 sequence at s (n bytes available), or 0 when it
 * is invalid; then *sub is the maximal subpart to replace by one U+FFFD
 * (Unicode's recommended practice).  A sequence cut off by the end of the
 * buffer is invalid with *sub = what there is, and *cut is set.
 */
static inline size_t utf8_seq(const unsigned char *s, size_t n, size_t *sub,
			      bool *cut)
{
	unsigned c = s[0];
	size_t need;
	unsigned lo = 0x80, hi = 0xBF;

	*cut = false;
	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF) {
		need = 1;
	} else if (c >= 0xE0 && c <= 0xEF) {
		need = 2;
		if (c == 0xE0)
			lo = 0xA0;
		else if (c == 0xED)
			hi = 0x9F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 3;
		if (c == 0xF0)
			lo = 0x90;
		else if (c == 0xF4)
			hi = 0x8F;
	} else {
		*sub = 1;
		return 0;
	}
	for (size_t i = 1; i <= need; i++) {
		if (i >= n) {
			*sub = i;
			*cut = true;
			return 0;
		}
		if (s[i] < lo || s[i] > hi) {
			*sub = i;
			return 0;
		}
		lo = 0x80;
		hi = 0xBF;
	}
	return need + 1;
}

#define HIGH_BITS 0x8080808080808080ULL
#define LOW_BITS 0x0101010101010101ULL

/* Eight ASCII bytes, none of them NUL. */
static inline bool ascii8(const unsigned char *s, uint64_t *w)
{
	memcpy(w, s, 8);
	return !(*w & HIGH_BITS) && !((*w - LOW_BITS) & ~*w & HIGH_BITS);
}

/* True when s is valid UTF-8 without NUL. */
static bool utf8_clean(const unsigned char *s, size_t n)
{
	size_t i = 0, sub;
	bool cut;
	uint64_t w;

	while (i < n) {
		if (i + 8 <= n && ascii8(s + i, &w)) {
			i += 8;
			continue;
		}
		unsigned c = s[i];
		if (c < 0x80) {
			if (!c)
				return false;
			i++;
			continue;
		}
		/* Cyrillic is all 2-byte sequences: the short way. */
		if (c >= 0xC2 && c <= 0xDF && i + 1 < n &&
		    (s[i + 1] & 0xC0) == 0x80) {
			i += 2;
			continue;
		}
		size_t k = utf8_seq(s + i, n - i, &sub, &cut);
		if (!k)
			return false;
		i += k;
	}
	return true;
}

/* ---- detection ------------------------------------------------------- */

struct detect {
	long long nhigh;        /* bytes >= 0x80 */
	long long nletters;     /* bytes >= 0xC0: Cyrillic letters in 1251 */
	long long nvalid;       /* valid multi-byte UTF-8 sequences */
	long long ninvalid;     /* invalid ones (maximal subparts) */
	unsigned char first_bad;
	bool done;              /* evidence is overwhelming, stop scanning */
};

static void count_high(struct detect *d, const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		d->nhigh += s[i] >= 0x80;
		d->nletters += s[i] >= 0xC0;
	}
}

/*
 * Scans n bytes; returns how many were consumed.  Unless `final`, a
 * sequence cut by the end of the buffer is left for the next call.
 */
static size_t detect_feed(struct detect *d, const unsigned char *s, size_t n,
			  bool final)
{
	size_t i = 0, sub;
	bool cut;

	while (i < n) {
		uint64_t w;
		if (i + 8 <= n) {
			memcpy(&w, s + i, 8);
			if (!(w & HIGH_BITS)) {
				i += 8;
				continue;
			}
		}
		unsigned c = s[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF && i + 1 < n &&
		    (s[i + 1] & 0xC0) == 0x80) {
			d->nvalid++;
			d->nhigh += 2;
			d->nletters++;
			i += 2;
			continue;
		}
		size_t k = utf8_seq(s + i, n - i, &sub, &cut);
		if (!k && cut && !final)
			break;
		if (k) {
			d->nvalid++;
		} else {
			if (!d->ninvalid)
				d->first_bad = s[i];
			d->ninvalid++;
			k = sub;
		}
		count_high(d, s + i, k);
		i += k;
	}
	/* See decide_encoding(): past this point UTF-8 cannot win. */
	if (d->ninvalid >= 1024 && d->ninvalid > d->nvalid)
		d->done = true;
	return i;
}

/*
 * The heuristic, for files without a BOM and without --encoding:
 *
 *  - no byte >= 0x80, or the whole file strictly valid UTF-8: UTF-8
 *    (a short Windows-1251 text can be valid UTF-8, «Рё» are the bytes of
 *    «и»; a whole file of it cannot, in practice);
 *  - valid multi-byte sequences outnumber invalid ones at least 4 to 1:
 *    UTF-8 with a few damaged bytes (a value pasted from elsewhere, a cut
 *    character).  Windows-1251 Russian is mostly letters C0..FF, and two
 *    letters in a row almost never form a valid sequence (a lead byte
 *    C2..DF must be followed by 80..BF, which are rare symbols in 1251), so
 *    real 1251 text has far more invalid than valid sequences.  The damaged
 *    bytes become U+FFFD with one R004 warning per record;
 *  - otherwise Windows-1251; when fewer than 2/3 of the high bytes are
 *    C0..FF the text is probably something else (KOI8-R would pass, CP866
 *    would not), so R003 warns that the guess is uncertain.
 *
 * The pre-scan stops early once there are 1024 invalid sequences and more
 * invalid than valid: the rest of the file would have to be almost all
 * UTF-8 to change the answer.
 */
static enum encoding decide_encoding(const struct detect *d, bool *uncertain)
{
	*uncertain = false;
	if (d->nhigh == 0 || d->ninvalid == 0)
		return ENC_UTF8;
	if (d->nvalid >= 4 * d->ninvalid)
		return ENC_UTF8;
	if (d->nletters * 3 < d->nhigh * 2)
		*uncertain = true;
	return ENC_CP1251;
}

/*
 * Share of NUL and control bytes (not TAB, LF, CR) in the head: more than
 * 1% and the file is binary (a spreadsheet saved as .csv by mistake).
 */
static bool looks_binary(const unsigned char *s, size_t n, size_t *nbad)
{
	size_t bad = 0;

	if (n > HEAD_CHECK)
		n = HEAD_CHECK;
	for (size_t i = 0; i < n; i++) {
		unsigned c = s[i];
		bad += (c < 0x20 && c != '\t' && c != '\n' && c != '\r') ||
			c == 0x7F;
	}
	*nbad = bad;
	return bad * 100 > n;
}

/*
 * The delimiter from the header row, the first line holding anything but
 * spaces, delimiters and quotes: the most frequent of ';', TAB and ',' outside
 * quotes, ties in that order.  A quoted line break continues the row.
 */
static char detect_delim(const unsigned char *s, size_t n)
{
	size_t cnt[3] = { 0, 0, 0 };
	bool inq = false, content = false;
	static const char delims[3] = { ';', '\t', ',' };

	for (size_t i = 0; i < n; i++) {
		unsigned char c = s[i];
		if (c == '"') {
			inq = !inq;
		} else if (inq) {
			content = true;
		} else if (c == ';') {
			cnt[0]++;
		} else if (c == '\t') {
			cnt[1]++;
		} else if (c == ',') {
			cnt[2]++;
		} else if (c == '\n' || c == '\r') {
			if (content)
				break;
			cnt[0] = cnt[1] = cnt[2] = 0;
		} else if (c != ' ') {
			content = true;
		}
	}
	int best = 0;
	for (int i = 1; i < 3; i++)
		if (cnt[i] > cnt[best])
			best = i;
	return delims[best];
}

/* ---- the reader ------------------------------------------------------ */

struct reader {
	struct csv_parser p;
	struct csv_limits lim;
	struct diag_list *dl;
	int file;
	csv_record_fn fn;
	void *ctx;
	enum encoding enc;
	char delim;

	long line;              /* current physical line, 1-based */
	size_t line_off;        /* bytes of the current line fed so far */
	long rec_line;          /* line where the current record started */
	size_t rec_bytes;       /* raw bytes fed since the record started */
	bool pending_cr;        /* chunk ended in CR: an LF next is its pair */
	bool skipping;          /* resync: drop bytes until the line ends */
	bool stop;
	long nrecords;

	/* the record being built */
	char *buf;              /* fields, NUL-terminated, back to back */
	size_t used, cap;
	size_t *off, *len;
	bool *filled;           /* the field has more than spaces and tabs */
	const char **ptr;
	int capf;
	int nseen, nstored;
	bool broken, warn_utf8, warn_nul, cap_field, cap_record, cap_fields;

	struct pipe *pipe;      /* reading in a thread: diagnostics queued */
};

static void pipe_diag(struct pipe *p, long line, enum severity sev,
		      const char *code, const char *fmt, va_list ap);

/*
 * The reader's diagnostics (never a column or a value).  Read in its own
 * thread (see struct pipe) the reader does not touch the list: the
 * diagnostic goes into the queue between the records and the caller's
 * thread adds it, so the list gets the same entries in the same order.
 */
static void rd_add(struct reader *r, long line, enum severity sev,
		   const char *code, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

static void rd_add(struct reader *r, long line, enum severity sev,
		   const char *code, const char *fmt, ...)
{
	va_list ap, aq;

	va_start(ap, fmt);
	if (r->pipe) {
		pipe_diag(r->pipe, line, sev, code, fmt, ap);
	} else {
		va_copy(aq, ap);
		int n = vsnprintf(NULL, 0, fmt, aq);
		va_end(aq);
		char *msg = xmalloc((size_t)(n > 0 ? n : 0) + 1);
		vsnprintf(msg, (size_t)(n > 0 ? n : 0) + 1, fmt, ap);
		diag_add(r->dl, r->file, line, NULL, sev, code, NULL, "%s",
			 msg);
		free(msg);
	}
	va_end(ap);
}

static int no_space(unsigned char c)
{
	(void)c;
	return 0;
}

static void parser_start(struct reader *r)
{
	csv_init(&r->p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
	csv_set_delim(&r->p, (unsigned char)r->delim);
	/* Fields keep their spaces: the validator trims. */
	csv_set_space_func(&r->p, no_space);
	/* xrealloc stops the program on exhaustion, as the arena does;
	   growing by 16 KiB avoids 128-byte steps on long fields. */
	csv_set_realloc_func(&r->p, xrealloc);
	csv_set_blk_size(&r->p, 16 * 1024);
}

static void parser_reset(struct reader *r)
{
	csv_free(&r->p);
	parser_start(r);
}

static void record_clear(struct reader *r)
{
	r->used = 0;
	r->nseen = r->nstored = 0;
	r->broken = r->warn_utf8 = r->warn_nul = false;
	r->cap_field = r->cap_record = r->cap_fields = false;
}

/*
 * Spaces and tabs alone count as an empty cell, for blank rows and for the
 * trailing cells that are dropped: the validator trims every value, so such
 * a cell could only ever be empty.
 */
static bool blank_field(const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t')
			return false;
	return true;
}

static void deliver(struct reader *r)
{
	int nf = r->nstored;

	if (r->stop)
		goto out;
	while (nf > 0 && !r->filled[nf - 1])
		nf--;
	/* A blank row (all cells empty) is no record. */
	if (nf == 0 && !r->broken)
		goto out;
	if (r->nrecords >= r->lim.max_records) {
		rd_add(r, r->rec_line, SEV_ERROR, "R011",
		       "в файле больше %ld записей (предел "
		       "max_records): эта и следующие записи не прочитаны",
		       r->lim.max_records);
		r->broken = true;
		r->stop = true;
	}
	for (int i = 0; i < nf; i++)
		r->ptr[i] = r->buf + r->off[i];
	struct csv_record rec = {
		.line = r->rec_line,
		.nfields = nf,
		.fields = nf ? r->ptr : NULL,
		.lens = nf ? r->len : NULL,
		.broken = r->broken,
	};
	r->nrecords++;
	if (r->fn(r->ctx, &rec))
		r->stop = true;
out:
	record_clear(r);
}

static void grow_fields(struct reader *r, int need)
{
	if (need <= r->capf)
		return;
	int n = r->capf ? r->capf * 2 : 64;
	if (n < need)
		n = need;
	if (n > r->lim.max_fields)
		n = r->lim.max_fields;
	r->off = xrealloc(r->off, (size_t)n * sizeof(*r->off));
	r->len = xrealloc(r->len, (size_t)n * sizeof(*r->len));
	r->filled = xrealloc(r->filled, (size_t)n * sizeof(*r->filled));
	r->ptr = xrealloc(r->ptr, (size_t)n * sizeof(*r->ptr));
	r->capf = n;
}

static void grow_buf(struct reader *r, size_t need)
{
	if (need <= r->cap)
		return;
	size_t n = r->cap ? r->cap * 2 : 4096;
	while (n < need)
		n *= 2;
	r->buf = xrealloc(r->buf, n);
	r->cap = n;
}

/* Windows-1251 to UTF-8; *nul: there was a NUL (now U+FFFD). */
static size_t conv_cp1251(const unsigned char *s, size_t n, char *o,
			  bool *nul)
{
	char *o0 = o;
	size_t i = 0;
	unsigned zero = 0;
	uint64_t w;

	while (i < n) {
		if (i + 8 <= n && ascii8(s + i, &w)) {
			memcpy(o, &w, 8);
			o += 8;
			i += 8;
			continue;
		}
		unsigned c = s[i++];
		zero |= c == 0;
		uint32_t e = cp1251_utf8[c];
		memcpy(o, &e, 4);
		o += CP_LEN(e);
	}
	*nul = zero;
	return (size_t)(o - o0);
}

/*
 * UTF-8 with NUL and invalid sequences replaced by U+FFFD; *bad gets the
 * first invalid byte, *nul whether there was a NUL.
 */
static size_t conv_utf8(const unsigned char *s, size_t n, char *o, int *bad,
			bool *nul)
{
	size_t i = 0, sub;
	char *o0 = o;
	bool cut;

	if (utf8_clean(s, n)) {
		memcpy(o, s, n);
		return n;
	}
	while (i < n) {
		unsigned c = s[i];
		size_t k;
		if (c >= 0x80) {
			k = utf8_seq(s + i, n - i, &sub, &cut);
			if (k) {
				memcpy(o, s + i, k);
				o += k;
				i += k;
				continue;
			}
			if (*bad < 0)
				*bad = (int)c;
			i += sub;
		} else if (c) {
			*o++ = (char)c;
			i++;
			continue;
		} else {
			*nul = true;
			i++;
		}
		o += utf8_put((unsigned char *)o, 0xFFFD);
	}
	return (size_t)(o - o0);
}

static void on_field(void *f, size_t n, void *data)
{
	struct reader *r = data;
	const unsigned char *s = f;
	int idx = r->nseen++;
	bool blank = blank_field(s, n);
	size_t out = 0;
	int bad = -1;
	bool nul = false;

	if (r->stop)
		return;
	if (idx >= r->lim.max_fields) {
		/* Only a filled field beyond the cap counts: Excel's
		   trailing ";;;;" would be dropped anyway. */
		if (!blank && !r->cap_fields) {
			r->cap_fields = r->broken = true;
			rd_add(r, r->rec_line, SEV_ERROR,
			       "R010", "в записи больше %d полей "
			       "(предел max_fields): поля после %d-го "
			       "не прочитаны", r->lim.max_fields,
			       r->lim.max_fields);
		}
		return;
	}
	grow_fields(r, idx + 1);
	if (n > r->lim.max_field) {
		n = 0;
		out = SIZE_MAX;
	} else {
		/* 3 bytes out per byte in at worst, 4 for the table copy. */
		grow_buf(r, r->used + 3 * n + 4);
		char *o = r->buf + r->used;
		if (r->enc == ENC_CP1251) {
			out = conv_cp1251(s, n, o, &nul);
		} else {
			out = conv_utf8(s, n, o, &bad, &nul);
		}
	}
	if (nul && !r->warn_nul) {
		r->warn_nul = true;
		rd_add(r, r->rec_line, SEV_WARNING,
		       "R005", "нулевой байт (0x00) в поле %d "
		       "заменён на U+FFFD: в тексте CSV его быть не должно",
		       idx + 1);
	}
	if (bad > 0 && !r->warn_utf8) {
		r->warn_utf8 = true;
		rd_add(r, r->rec_line, SEV_WARNING,
		       "R004", "недопустимая последовательность "
		       "UTF-8 (байт 0x%02X) в поле %d заменена на U+FFFD: "
		       "ожидался текст в UTF-8", (unsigned)bad, idx + 1);
	}
	if (out != SIZE_MAX && out > r->lim.max_field)
		out = SIZE_MAX;
	if (out == SIZE_MAX) {
		out = 0;
		r->broken = true;
		if (!r->cap_field) {
			r->cap_field = true;
			rd_add(r, r->rec_line, SEV_ERROR,
			       "R008", "поле длиннее %zu байт (предел "
			       "max_field): поле %d не прочитано",
			       r->lim.max_field, idx + 1);
		}
	}
	if (r->used + out > r->lim.max_record) {
		out = 0;
		r->broken = true;
		if (!r->cap_record) {
			r->cap_record = true;
			rd_add(r, r->rec_line, SEV_ERROR,
			       "R009", "запись длиннее %zu байт "
			       "(предел max_record): поля с %d-го не "
			       "прочитаны",
			       r->lim.max_record, idx + 1);
		}
	}
	grow_buf(r, r->used + out + 1);
	r->buf[r->used + out] = '\0';
	r->off[idx] = r->used;
	r->len[idx] = out;
	r->filled[idx] = !blank;
	r->used += out + 1;
	r->nstored = idx + 1;
}

static void on_record(int c, void *data)
{
	(void)c;
	deliver(data);
}

/* A stray quote: strict libcsv stopped at byte `c`, column `col`. */
static void parse_error(struct reader *r, unsigned char c, size_t col)
{
	char what[128];

	if (c == '"')
		snprintf(what, sizeof(what), "кавычка внутри поля "
			 "без кавычек");
	else if (c >= 0x21 && c < 0x7F)
		snprintf(what, sizeof(what), "символ «%c» после закрывающей "
			 "кавычки", c);
	else
		snprintf(what, sizeof(what), "байт 0x%02X после закрывающей "
			 "кавычки", c);
	rd_add(r, r->rec_line, SEV_ERROR, "R006",
	       "кавычка в неожиданном месте (строка %ld, байт %zu): %s; "
	       "ожидалось поле целиком в кавычках с удвоенными кавычками "
	       "внутри (\"\"); запись не прочитана", r->line, col, what);
	r->broken = true;
	deliver(r);
	parser_reset(r);
}

/*
 * Feeds part of one physical line (ends_line: up to and including its
 * terminator).
 *
 * Resync rule: after a stray quote or a record over max_record the rest of
 * the current physical line is dropped and a fresh parser starts at the next
 * line, as if a record began there.  A record normally starts at a line
 * start, so this recovers from a stray opening quote after at most
 * max_record bytes; if the overflow was in a genuinely huge quoted field,
 * its remaining lines come out as records the validator rejects, which is
 * still bounded and diagnosed.
 */
static void feed_piece(struct reader *r, const unsigned char *s, size_t n,
		       bool ends_line)
{
	size_t off = 0;

	if (r->skipping) {
		if (ends_line)
			r->skipping = false;
		return;
	}
	while (n > 0 && !r->stop) {
		if (r->p.pstate == 0) {
			r->rec_line = r->line;
			r->rec_bytes = 0;
		}
		size_t room = r->lim.max_record + 1 - r->rec_bytes;
		size_t k = n < room ? n : room;
		size_t done = csv_parse(&r->p, s, k, on_field, on_record, r);
		r->rec_bytes += done;
		if (done < k) {
			parse_error(r, s[done], r->line_off + off + done + 1);
			r->skipping = !ends_line;
			return;
		}
		s += k;
		n -= k;
		off += k;
		if (r->p.pstate != 0 && r->rec_bytes > r->lim.max_record) {
			if (!r->cap_record)
				rd_add(r, r->rec_line,
				       SEV_ERROR, "R009", "запись "
				       "длиннее %zu байт (предел "
				       "max_record; возможно, не закрыта "
				       "кавычка): запись не прочитана, "
				       "чтение продолжено со строки %ld",
				       r->lim.max_record, r->line + 1);
			r->broken = true;
			deliver(r);
			parser_reset(r);
			r->skipping = !ends_line;
			return;
		}
	}
}

static size_t find(const unsigned char *s, size_t from, size_t n, int c)
{
	const unsigned char *p = memchr(s + from, c, n - from);
	return p ? (size_t)(p - s) : n;
}

/* Splits a chunk into physical lines and feeds them. */
static void reader_chunk(struct reader *r, const unsigned char *s, size_t n)
{
	size_t pos = 0;

	if (r->pending_cr && n > 0) {
		r->pending_cr = false;
		if (s[0] == '\n') {
			/* The LF of a CRLF cut by the chunk: same line. */
			feed_piece(r, s, 1, true);
			pos = 1;
		}
	}
	size_t nl = find(s, pos, n, '\n'), cr = find(s, pos, n, '\r');
	while (pos < n && !r->stop) {
		/* Blank lines between records: libcsv would ignore them. */
		if (r->p.pstate == 0 && !r->skipping &&
		    (s[pos] == '\n' || s[pos] == '\r')) {
			if (s[pos] == '\r' && pos + 1 == n)
				r->pending_cr = true;
			else if (s[pos] == '\r' && s[pos + 1] == '\n')
				pos++;
			pos++;
			r->line++;
			r->line_off = 0;
			continue;
		}
		if (nl < pos)
			nl = find(s, pos, n, '\n');
		if (cr < pos)
			cr = find(s, pos, n, '\r');
		size_t end = nl < cr ? nl : cr;
		if (end == n) {
			feed_piece(r, s + pos, n - pos, false);
			r->line_off += n - pos;
			break;
		}
		size_t next = end + 1;
		if (s[end] == '\r') {
			if (next < n) {
				if (s[next] == '\n')
					next++;
			} else {
				r->pending_cr = true;
			}
		}
		feed_piece(r, s + pos, next - pos, true);
		r->line++;
		r->line_off = 0;
		pos = next;
	}
}

static void reader_init(struct reader *r, const struct csv_read_opts *o,
			int file, csv_record_fn fn, void *ctx,
			struct diag_list *dl)
{
	static const struct csv_limits def = CSV_LIMITS_DEFAULT;

	memset(r, 0, sizeof(*r));
	pthread_once(&cp1251_once, cp1251_build);
	r->lim = o ? o->limits : def;
	/* A zero cap means "not set": the default. */
	if (!r->lim.max_field)
		r->lim.max_field = def.max_field;
	if (!r->lim.max_record)
		r->lim.max_record = def.max_record;
	if (r->lim.max_fields <= 0)
		r->lim.max_fields = def.max_fields;
	if (r->lim.max_records <= 0)
		r->lim.max_records = def.max_records;
	if (r->lim.max_file <= 0)
		r->lim.max_file = def.max_file;
	/* SIZE_MAX-ish caps would overflow max_record + 1. */
	if (r->lim.max_record > SIZE_MAX / 4)
		r->lim.max_record = SIZE_MAX / 4;
	if (r->lim.max_field > SIZE_MAX / 8)
		r->lim.max_field = SIZE_MAX / 8;
	r->dl = dl;
	r->file = file;
	r->fn = fn;
	r->ctx = ctx;
	r->line = 1;
	r->delim = ';';
}

static void reader_release(struct reader *r)
{
	csv_free(&r->p);
	free(r->buf);
	free(r->off);
	free(r->len);
	free(r->filled);
	free(r->ptr);
}

/* End of input; `cut`: the file was longer than max_file. */
static void reader_finish(struct reader *r, bool cut)
{
	if (r->stop)
		return;
	if (cut) {
		bool open = r->p.pstate != 0 && !r->skipping;
		rd_add(r, open ? r->rec_line : 0,
		       SEV_ERROR, "R012", "файл длиннее %lld байт "
		       "(предел max_file): остаток файла не прочитан",
		       r->lim.max_file);
		if (open) {
			r->broken = true;
			deliver(r);
		}
		return;
	}
	if (r->skipping)
		return;
	if (r->p.pstate == 0)
		r->rec_line = r->line;
	if (csv_fini(&r->p, on_field, on_record, r) != 0) {
		rd_add(r, r->rec_line, SEV_ERROR, "R007",
		       "кавычка не закрыта до конца файла: ожидалась "
		       "закрывающая кавычка \", запись не прочитана");
		r->broken = true;
		deliver(r);
	}
}

/* What the head of the file says, before any record is read. */
struct head {
	size_t skip;            /* BOM bytes */
	bool bom;
	bool stop;              /* file-level error, nothing to read */
};

static void head_check(struct reader *r, const struct csv_read_opts *o,
		       const unsigned char *s, size_t n, struct head *h)
{
	struct file_report *f = &r->dl->files[r->file];
	size_t nbad;

	memset(h, 0, sizeof(*h));
	if (n >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) ||
		       (s[0] == 0xFE && s[1] == 0xFF))) {
		rd_add(r, 0, SEV_ERROR, "R013",
		       "файл в кодировке UTF-16 (метка 0x%02X 0x%02X): "
		       "сохраните его как CSV в UTF-8 или Windows-1251",
		       s[0], s[1]);
		f->file_error = true;
		h->stop = true;
		return;
	}
	if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF &&
	    !(o && o->encoding == ENC_CP1251)) {
		h->bom = true;
		h->skip = 3;
	}
	if (looks_binary(s + h->skip, n - h->skip, &nbad)) {
		size_t m = n - h->skip < HEAD_CHECK ? n - h->skip : HEAD_CHECK;
		rd_add(r, 0, SEV_ERROR, "R002",
		       "файл не похож на текст CSV: %zu из первых %zu байт "
		       "— нулевые или управляющие; ожидался текст в UTF-8 "
		       "или Windows-1251", nbad, m);
		f->file_error = true;
		h->stop = true;
		return;
	}
	r->delim = detect_delim(s + h->skip, n - h->skip);
	f->delimiter = n > h->skip ? r->delim : 0;
}

/* Settles the encoding once the detection pass is over. */
static void set_encoding(struct reader *r, const struct csv_read_opts *o,
			 const struct head *h, const struct detect *d)
{
	struct file_report *f = &r->dl->files[r->file];
	enum encoding want = o ? o->encoding : ENC_AUTO;
	bool uncertain = false;

	if (want == ENC_AUTO)
		want = h->bom ? ENC_UTF8 : decide_encoding(d, &uncertain);
	r->enc = want;
	if (want == ENC_CP1251)
		f->encoding = "Windows-1251";
	else
		f->encoding = h->bom ? "UTF-8 BOM" : "UTF-8";
	if (uncertain)
		rd_add(r, 0, SEV_WARNING, "R003",
		       "кодировка не определена уверенно: из %lld байт "
		       "0x80–0xFF только %lld в диапазоне букв 0xC0–0xFF; "
		       "файл прочитан как Windows-1251 (кодировку можно "
		       "указать параметром --encoding)", d->nhigh,
		       d->nletters);
}

static bool need_scan(const struct csv_read_opts *o, const struct head *h)
{
	return !h->bom && !(o && o->encoding != ENC_AUTO);
}

int csv_read_mem(const char *data, size_t len, int file,
		 const struct csv_read_opts *o, csv_record_fn fn, void *ctx,
		 struct diag_list *dl)
{
	const unsigned char *s = (const unsigned char *)(data ? data : "");
	struct reader r;
	struct head h;
	struct detect d;
	bool cut = false;

	reader_init(&r, o, file, fn, ctx, dl);
	if (!data)
		len = 0;
	if ((unsigned long long)len > (unsigned long long)r.lim.max_file) {
		len = (size_t)r.lim.max_file;
		cut = true;
	}
	head_check(&r, o, s, len < CHUNK ? len : CHUNK, &h);
	if (h.stop)
		goto out;
	memset(&d, 0, sizeof(d));
	if (need_scan(o, &h))
		detect_feed(&d, s, len, true);
	set_encoding(&r, o, &h, &d);
	parser_start(&r);
	reader_chunk(&r, s + h.skip, len - h.skip);
	reader_finish(&r, cut);
out:
	reader_release(&r);
	return 0;
}

/* read(2) until n bytes or end of file; -1 on error. */
static ssize_t read_full(int fd, unsigned char *buf, size_t n)
{
	size_t got = 0;

	while (got < n) {
		ssize_t k = read(fd, buf + got, n - got);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0)
			return -1;
		if (k == 0)
			break;
		got += (size_t)k;
	}
	return (ssize_t)got;
}

static void sys_error(struct diag_list *dl, int file, const char *what,
		      int e)
{
	diag_add(dl, file, 0, NULL, SEV_ERROR, "R001", NULL, "%s: %s",
		 what, errno_ru(e));
	dl->files[file].file_error = true;
}

/*
 * Pass 2 over a file longer than one chunk, from its start (skip: the BOM).
 * Returns 0, or the errno of a failed read.
 */
static int stream_records(struct reader *r, int fd, unsigned char *buf,
			  size_t skip)
{
	long long total = 0, limit = r->lim.max_file;
	bool cut = false;
	ssize_t got;

	for (;;) {
		got = read_full(fd, buf, CHUNK);
		if (got < 0)
			return errno ? errno : EIO;
		if (total + got > limit) {
			got = (ssize_t)(limit - total);
			cut = true;
		}
		total += got;
		if ((size_t)got > skip)
			reader_chunk(r, buf + skip, (size_t)got - skip);
		skip = 0;
		if ((size_t)got < CHUNK || cut || r->stop)
			break;
	}
	/* Exactly max_file bytes and more behind them? */
	if (!cut && !r->stop && total >= limit) {
		unsigned char one;
		cut = read(fd, &one, 1) == 1;
	}
	reader_finish(r, cut);
	return 0;
}

/*
 * Reading in a thread.  Tokenising and transcoding are about a third of
 * read+validate, so for a file longer than one chunk the reader runs in a
 * second thread and hands the caller batches of events: records (copied
 * out of the reader's buffers) and the reader's diagnostics, in the order
 * the single-threaded reader would have produced them.  The caller's
 * thread adds the diagnostics and calls the callback, so the diagnostic
 * list and everything the callback touches stay single-threaded, and the
 * result is the same list in the same order.  Memory: PIPE_SLOTS batches
 * of PIPE_BATCH bytes (a larger record gets a larger batch).
 */
#define PIPE_SLOTS 4
#define PIPE_BATCH (1024 * 1024)

enum { EV_RECORD, EV_DIAG, EV_ERRNO };

struct ev {
	size_t size;            /* bytes of the event with its data */
	long line;
	const char *code;       /* EV_DIAG */
	int kind, nfields;
	int arg;                /* EV_DIAG: severity; EV_ERRNO: errno */
	bool broken;
	/* EV_RECORD: size_t lens[nfields], then the fields, each with its
	   NUL; EV_DIAG: the message */
};

struct batch {
	char *buf;
	size_t used, cap;
	bool full, last;
};

struct pipe {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct batch b[PIPE_SLOTS];
	int wi;                 /* the batch the reader thread fills */
	bool stop;              /* the callback asked to stop (caller) */
	bool stop_seen;         /* the reader thread's copy of it */
	struct reader *r;
	int fd;
	unsigned char *buf;
	size_t skip;
};

/* Hands the current batch over and waits for a free one. */
static void pipe_publish(struct pipe *p, bool last)
{
	pthread_mutex_lock(&p->mu);
	p->b[p->wi].full = true;
	p->b[p->wi].last = last;
	pthread_cond_broadcast(&p->cv);
	p->stop_seen = p->stop;
	if (!last) {
		p->wi = (p->wi + 1) % PIPE_SLOTS;
		while (p->b[p->wi].full)
			pthread_cond_wait(&p->cv, &p->mu);
		p->b[p->wi].used = 0;
	}
	pthread_mutex_unlock(&p->mu);
}

/* Room for an event of `need` bytes (a multiple of 8) in the batch. */
static struct ev *pipe_event(struct pipe *p, size_t need, int kind,
			     long line)
{
	struct batch *b = &p->b[p->wi];

	if (b->used && b->used + need > b->cap) {
		pipe_publish(p, false);
		b = &p->b[p->wi];
	}
	if (b->used + need > b->cap) {
		b->cap = need > PIPE_BATCH ? need : PIPE_BATCH;
		b->buf = xrealloc(b->buf, b->cap);
	}
	struct ev *e = (struct ev *)(b->buf + b->used);
	b->used += need;
	memset(e, 0, sizeof(*e));
	e->size = need;
	e->kind = kind;
	e->line = line;
	return e;
}

static size_t align8(size_t n)
{
	return (n + 7) & ~(size_t)7;
}

static void pipe_diag(struct pipe *p, long line, enum severity sev,
		      const char *code, const char *fmt, va_list ap)
{
	va_list aq;

	va_copy(aq, ap);
	int n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	size_t len = n > 0 ? (size_t)n : 0;
	struct ev *e = pipe_event(p, align8(sizeof(*e) + len + 1), EV_DIAG,
				  line);
	e->code = code;
	e->arg = (int)sev;
	vsnprintf((char *)(e + 1), len + 1, fmt, ap);
}

/* The reader thread's record callback: a copy into the batch. */
static int pipe_record(void *ctx, const struct csv_record *rec)
{
	struct pipe *p = ctx;
	int nf = rec->nfields;
	size_t need = sizeof(struct ev) + (size_t)nf * sizeof(size_t);

	for (int i = 0; i < nf; i++)
		need += rec->lens[i] + 1;
	struct ev *e = pipe_event(p, align8(need), EV_RECORD, rec->line);
	e->nfields = nf;
	e->broken = rec->broken;
	size_t *lens = (size_t *)(e + 1);
	char *f = (char *)(lens + nf);
	for (int i = 0; i < nf; i++) {
		lens[i] = rec->lens[i];
		memcpy(f, rec->fields[i], lens[i] + 1);
		f += lens[i] + 1;
	}
	return p->stop_seen;
}

static void *pipe_thread(void *arg)
{
	struct pipe *p = arg;
	int err = stream_records(p->r, p->fd, p->buf, p->skip);

	if (err) {
		struct ev *e = pipe_event(p, align8(sizeof(*e)), EV_ERRNO, 0);
		e->arg = err;
	}
	pipe_publish(p, true);
	return NULL;
}

/*
 * The caller's side: events in order, until the last batch.  Returns 0,
 * or -1 after a read error (diagnosed).
 */
static int pipe_drain(struct pipe *p, int file, csv_record_fn fn,
		      void *ctx, struct diag_list *dl)
{
	const char **ptr = NULL;
	int capf = 0, ret = 0;

	for (int ri = 0;; ri = (ri + 1) % PIPE_SLOTS) {
		struct batch *b = &p->b[ri];
		pthread_mutex_lock(&p->mu);
		while (!b->full)
			pthread_cond_wait(&p->cv, &p->mu);
		bool stop = p->stop;
		pthread_mutex_unlock(&p->mu);
		for (size_t off = 0; off < b->used && !stop;) {
			struct ev *e = (struct ev *)(b->buf + off);
			off += e->size;
			if (e->kind == EV_DIAG) {
				diag_add(dl, file, e->line, NULL,
					 (enum severity)e->arg, e->code, NULL,
					 "%s", (const char *)(e + 1));
				continue;
			}
			if (e->kind == EV_ERRNO) {
				sys_error(dl, file, "ошибка чтения файла",
					  e->arg);
				ret = -1;
				continue;
			}
			size_t *lens = (size_t *)(e + 1);
			char *f = (char *)(lens + e->nfields);
			if (e->nfields > capf) {
				capf = e->nfields;
				ptr = xrealloc(ptr, (size_t)capf *
					       sizeof(*ptr));
			}
			for (int i = 0; i < e->nfields; i++) {
				ptr[i] = f;
				f += lens[i] + 1;
			}
			struct csv_record rec = {
				.line = e->line,
				.nfields = e->nfields,
				.fields = e->nfields ? ptr : NULL,
				.lens = e->nfields ? lens : NULL,
				.broken = e->broken,
			};
			stop = fn(ctx, &rec) != 0;
		}
		bool last = b->last;
		pthread_mutex_lock(&p->mu);
		p->stop = p->stop || stop;
		b->full = false;
		pthread_cond_broadcast(&p->cv);
		pthread_mutex_unlock(&p->mu);
		if (last)
			break;
	}
	free(ptr);
	return ret;
}

/*
 * Pass 2 in a thread (see struct pipe).  Returns 0, -1 after a read
 * error, or 1 when no thread could be started (nothing has been read).
 */
static int stream_threaded(struct reader *r, int fd, unsigned char *buf,
			   size_t skip, csv_record_fn fn, void *ctx)
{
	struct pipe p;
	pthread_t th;
	int ret;

	memset(&p, 0, sizeof(p));
	pthread_mutex_init(&p.mu, NULL);
	pthread_cond_init(&p.cv, NULL);
	p.r = r;
	p.fd = fd;
	p.buf = buf;
	p.skip = skip;
	r->pipe = &p;
	r->fn = pipe_record;
	r->ctx = &p;
	if (pthread_create(&th, NULL, pipe_thread, &p) != 0) {
		ret = 1;
	} else {
		ret = pipe_drain(&p, r->file, fn, ctx, r->dl);
		pthread_join(th, NULL);
	}
	r->pipe = NULL;
	r->fn = fn;
	r->ctx = ctx;
	for (int i = 0; i < PIPE_SLOTS; i++)
		free(p.b[i].buf);
	pthread_cond_destroy(&p.cv);
	pthread_mutex_destroy(&p.mu);
	return ret;
}

int csv_read_file(const char *path, int file, const struct csv_read_opts *o,
		  csv_record_fn fn, void *ctx, struct diag_list *dl)
{
	struct reader r;
	struct head h;
	struct detect d;
	unsigned char *buf = NULL;
	long long total = 0, limit;
	size_t keep = 0;
	ssize_t got;
	bool cut = false, whole;
	int ret = -1, fd, err;

	reader_init(&r, o, file, fn, ctx, dl);
	limit = r.lim.max_file;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		sys_error(dl, file, "не удалось открыть файл", errno);
		goto out;
	}
	buf = xmalloc(CHUNK + 8);

	/* Pass 1: the head, then the encoding pre-scan. */
	got = read_full(fd, buf, CHUNK);
	if (got < 0)
		goto rerr;
	total = got;
	if (total > limit) {
		got = (ssize_t)limit;
		cut = true;
	}
	whole = (size_t)got < CHUNK || cut;
	head_check(&r, o, buf, (size_t)got, &h);
	if (h.stop) {
		ret = 0;
		goto out;
	}
	memset(&d, 0, sizeof(d));
	if (need_scan(o, &h)) {
		size_t n = (size_t)got;
		keep = n - detect_feed(&d, buf, n, whole);
		while (!whole && !d.done) {
			memmove(buf, buf + n - keep, keep);
			got = read_full(fd, buf + keep, CHUNK);
			if (got < 0)
				goto rerr;
			if (total + got > limit)
				got = (ssize_t)(limit - total);
			total += got;
			n = keep + (size_t)got;
			bool last = (size_t)got < CHUNK || total >= limit;
			keep = n - detect_feed(&d, buf, n, last);
			if (last)
				break;
		}
	}
	set_encoding(&r, o, &h, &d);
	parser_start(&r);

	/* Pass 2: records.  A file that fit in one chunk is still in buf. */
	if (whole) {
		reader_chunk(&r, buf + h.skip, (size_t)got - h.skip);
		reader_finish(&r, cut);
		ret = 0;
		goto out;
	}
	if (lseek(fd, 0, SEEK_SET) < 0)
		goto rerr;
	ret = stream_threaded(&r, fd, buf, h.skip, fn, ctx);
	if (ret <= 0)
		goto out;
	err = stream_records(&r, fd, buf, h.skip);
	ret = 0;
	if (!err)
		goto out;
	errno = err;
rerr:
	sys_error(dl, file, "ошибка чтения файла", errno);
	ret = -1;
out:
	if (fd >= 0)
		close(fd);
	free(buf);
	reader_release(&r);
	return ret;
}
