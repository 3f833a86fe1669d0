/*
 * xlsx_style.c - the shared formats of the department's workbooks.
 */
#include "xlsx_style.h"

lxw_format *xs_base(lxw_workbook *wb, bool border)
{
	lxw_format *f = workbook_add_format(wb);
	format_set_font_name(f, "Calibri");
	format_set_font_size(f, 10);
	format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
	if (border) {
		format_set_border(f, LXW_BORDER_THIN);
		format_set_border_color(f, XS_RULE);
	}
	return f;
}

lxw_format *xs_title(lxw_workbook *wb, double size)
{
	lxw_format *f = xs_base(wb, false);
	format_set_bold(f);
	format_set_font_size(f, size);
	format_set_font_color(f, XS_NAVY);
	return f;
}

lxw_format *xs_note(lxw_workbook *wb)
{
	lxw_format *f = xs_base(wb, false);
	format_set_italic(f);
	format_set_font_color(f, XS_GREY);
	return f;
}

lxw_format *xs_header(lxw_workbook *wb)
{
	lxw_format *f = xs_base(wb, true);
	format_set_bold(f);
	format_set_text_wrap(f);
	format_set_bg_color(f, XS_HEADER_BG);
	format_set_align(f, LXW_ALIGN_CENTER);
	format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
	return f;
}
