/* typesize.h - every type size of the printed documents, in one table.
 *
 * Issue 17's legibility floor for a handout printed as it is and read at
 * arm's length by a council member: text read as text (body, tables, the
 * PDCA cycle, notes, captions) is at least TYPE_READ, labels inside charts
 * and the page furniture at least TYPE_FLOOR, and nothing anywhere is
 * smaller than TYPE_FLOOR.  The sizes below are the only ones the layout
 * (src/layout), the documents (src/doc) and the charts (src/chart) use;
 * tests/e2e/legible.sh reads them back from every demo PDF.
 *
 * The one-sheet overview (主要指標一覧, A3 landscape) uses the same sizes:
 * its table at 10 pt fits the sheet, so it needs no smaller type.
 */
#ifndef SHIRYO_TYPESIZE_H
#define SHIRYO_TYPESIZE_H

/* points */
#define TYPE_FLOOR 8.0f  /* nothing is smaller */
#define TYPE_READ 10.0f  /* text read as text is at least this */

struct type_sizes {
	float body;         /* paragraphs (mincho, justified) */
	float caption;      /* gothic lead lines above a table or chart */
	float list;         /* 「・」 lists, the plan's measures */
	float table;        /* every table cell, header and body */
	float pdca;         /* the Plan/Do/Check/Action boxes */
	float note;         /* ※ notes under a table, the cover's notes */
	float h1, h2, h3;   /* headings */
	float chart;        /* chart labels, ticks, legends, 「未確定」 */
	float chart_title;  /* a trend chart's title: its indicator */
	float running_head; /* page furniture */
	float folio;        /* 「- n -」 */
	float page_note;    /* the note at the foot of a page */
	float doc_number;   /* the 資料番号 box */
	float cover_meeting, cover_title, cover_subtitle, cover_kind, cover_date;
};

static const struct type_sizes TYPE = {
	.body = 10.5f,
	.caption = 10.5f,
	.list = 10.5f,
	.table = 10.0f,
	.pdca = 10.0f,
	.note = 10.0f,
	.h1 = 14.0f,
	.h2 = 12.0f,
	.h3 = 10.5f,
	.chart = 8.0f,
	.chart_title = 10.0f,
	.running_head = 9.0f,
	.folio = 9.0f,
	.page_note = 10.0f,
	.doc_number = 12.0f,
	.cover_meeting = 14.0f,
	.cover_title = 22.0f,
	.cover_subtitle = 12.0f,
	.cover_kind = 18.0f,
	.cover_date = 13.0f,
};

#endif
