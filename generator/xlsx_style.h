/*
 * xlsx_style.h - the house look of the department's workbooks.
 *
 * monitoring.xlsx and the personal workbooks (lists, return files) share one
 * base cell format, one palette and the same title, note and header rows,
 * so a reader moving between them sees one document family.  Only the XLSX
 * writers include this header (it brings in libxlsxwriter).
 */
#ifndef KADRY_XLSX_STYLE_H
#define KADRY_XLSX_STYLE_H

#include <stdbool.h>
#include <xlsxwriter.h>

/* The palette (Excel's own "good", "bad" and "neutral" cell colours). */
#define XS_NAVY 0x1F3864        /* titles */
#define XS_GREY 0x595959        /* notes */
#define XS_RULE 0xBFBFBF        /* cell borders */
#define XS_HEADER_BG 0xDDEBF7
#define XS_GOOD_BG 0xC6EFCE
#define XS_GOOD_FG 0x006100
#define XS_BAD_BG 0xFFC7CE
#define XS_BAD_FG 0x9C0006
#define XS_WARN_BG 0xFFEB9C
#define XS_WARN_FG 0x9C5700

/* Calibri 10, top-aligned; with a thin grey border when `border`. */
lxw_format *xs_base(lxw_workbook *wb, bool border);

/* Bold navy title of the given size. */
lxw_format *xs_title(lxw_workbook *wb, double size);
/* Grey italic note under a title or a table. */
lxw_format *xs_note(lxw_workbook *wb);
/* Table header: bold, wrapped, centred, on the header blue. */
lxw_format *xs_header(lxw_workbook *wb);

#endif
