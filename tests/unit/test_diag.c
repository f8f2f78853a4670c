/* test_diag.c - diagnostics as data (diag.h): what diag_add() stores and
 * what diag_format() prints.
 *
 * Messages quote input (element text, attribute values, CSV cells, file
 * names), and the terminal they are printed on acts on control characters:
 * ESC [2J clears it, ESC ]0; retitles the window, a lone 0x9B is CSI on
 * 8-bit terminals.  diag_add() is the one place that shows them as '?'.
 */
#include <string.h>

#include "cu_main.h"
#include "diag.h"

static char *clean(const char *s)
{
	static char buf[256];
	return diag_clean(s, buf, sizeof buf);
}

/* Every C0 control (line breaks and tabs too: a message is one line), DEL
 * and every C1 control is one '?'. */
static void test_controls_are_question_marks(void)
{
	CU_ASSERT_STRING_EQUAL(clean("a\033[31mb"), "a?[31mb");
	CU_ASSERT_STRING_EQUAL(clean("\033]0;x\007"), "?]0;x?");
	CU_ASSERT_STRING_EQUAL(clean("1\n2\r3\t4\0015"), "1?2?3?4?5");
	CU_ASSERT_STRING_EQUAL(clean("x\177y"), "x?y");
	CU_ASSERT_STRING_EQUAL(clean("\302\2332J"), "?2J");          /* U+009B CSI */
	CU_ASSERT_STRING_EQUAL(clean("a\302\200b\302\205c\302\237d"), "a?b?c?d");
}

/* The Unicode bidirectional controls are '?' too: an RLO (U+202E) in a
 * cell makes the rest of the line display reversed, so that a message can
 * show the reader something other than what it says (Trojan Source,
 * CVE-2021-42574).  The embeddings and overrides U+202A..U+202E, the
 * isolates U+2066..U+2069, the marks U+200E, U+200F and U+061C; their
 * neighbours U+2029, U+202F, U+2065, U+206A, U+200D stay. */
static void test_bidi_controls_are_question_marks(void)
{
	CU_ASSERT_STRING_EQUAL(clean("kpi-\u202e10-ipk"), "kpi-?10-ipk");
	CU_ASSERT_STRING_EQUAL(clean("\u202a\u202b\u202c\u202d\u202e"), "?????");
	CU_ASSERT_STRING_EQUAL(clean("\u2066\u2067\u2068\u2069"), "????");
	CU_ASSERT_STRING_EQUAL(clean("a\u200eb\u200fc\u061cd"), "a?b?c?d");
	const char *kept = "\u2029\u202f\u2065\u206a\u200d\u061b";
	CU_ASSERT_STRING_EQUAL(clean(kept), kept);
	char in_place[] = "'\u2067x\u2069'";
	diag_clean(in_place, in_place, sizeof in_place);
	CU_ASSERT_STRING_EQUAL(in_place, "'?x?'");
}

/* A byte that is not part of valid UTF-8 is a '?' of its own: a lone
 * continuation byte, 0xFF, an overlong form, a surrogate, a sequence cut by
 * the end of the text. */
static void test_invalid_utf8_is_question_marks(void)
{
	CU_ASSERT_STRING_EQUAL(clean("a\200b"), "a?b");
	CU_ASSERT_STRING_EQUAL(clean("a\377b"), "a?b");
	CU_ASSERT_STRING_EQUAL(clean("\300\257"), "??");     /* overlong '/' */
	CU_ASSERT_STRING_EQUAL(clean("\340\200\233"), "???"); /* overlong U+001B */
	CU_ASSERT_STRING_EQUAL(clean("\355\240\200"), "???"); /* U+D800 */
	CU_ASSERT_STRING_EQUAL(clean("ab\343\201"), "ab??");  /* cut */
	CU_ASSERT_STRING_EQUAL(clean("\202\261\202\361"), "????"); /* こん in CP932 */
}

/* Text is kept as it is: Japanese, U+00A0 and U+00A9 (just past the C1
 * block), full-width forms, characters outside the BMP. */
static void test_printable_text_is_kept(void)
{
	const char *s = "指標 'kpi-01'\302\240（令和７年度）\302\251 \360\240\200\213";
	CU_ASSERT_STRING_EQUAL(clean(s), s);
	CU_ASSERT_STRING_EQUAL(clean(""), "");
}

/* A copy too long for the buffer ends before the character that does not
 * fit, never in the middle of it. */
static void test_clean_cuts_at_a_character(void)
{
	char buf[8];
	CU_ASSERT_STRING_EQUAL(diag_clean("ab令和", buf, sizeof buf), "ab令");
	CU_ASSERT_STRING_EQUAL(diag_clean("abcdefghij", buf, sizeof buf), "abcdefg");
	CU_ASSERT_STRING_EQUAL(diag_clean("\033\033\033\033\033\033\033\033", buf, sizeof buf),
			       "???????");
	char in_place[] = "x\033[2J\302\233y";
	diag_clean(in_place, in_place, sizeof in_place);
	CU_ASSERT_STRING_EQUAL(in_place, "x?[2J?y");
}

/* diag_add() stores the message and the file name cleaned, whatever the
 * caller passed, through the format or as the file. */
static void test_diag_add_cleans_message_and_file(void)
{
	struct diag_list dg;
	diag_list_init(&dg);
	diag_add(&dg, DIAG_ERROR, "a\033[31m.csv", 2, 0, "no indicator '%s' (row %d)",
		 "k\302\233\n\377", 2);
	diag_add(&dg, DIAG_WARNING, NULL, 0, 0, "%s", "\007bell");
	CU_ASSERT_EQUAL_FATAL(dg.count, 2);
	CU_ASSERT_STRING_EQUAL(dg.items[0].file, "a?[31m.csv");
	CU_ASSERT_STRING_EQUAL(dg.items[0].message, "no indicator 'k?\?\?' (row 2)");
	CU_ASSERT_PTR_NULL(dg.items[1].file);
	CU_ASSERT_STRING_EQUAL(dg.items[1].message, "?bell");
	char buf[256];
	CU_ASSERT_STRING_EQUAL(diag_format(&dg.items[0], buf, sizeof buf),
			       "a?[31m.csv:2: error: no indicator 'k?\?\?' (row 2)");
	CU_ASSERT_STRING_EQUAL(diag_format(&dg.items[1], buf, sizeof buf), "warning: ?bell");
	diag_list_release(&dg);
}

/* What diag_print() writes: one line per diagnostic, nothing else. */
static void test_print_has_one_line_per_diagnostic(void)
{
	struct diag_list dg;
	diag_list_init(&dg);
	diag_add(&dg, DIAG_ERROR, "p.xml", 3, 7, "value '%s'", "1\n2\r\n3");
	diag_add(&dg, DIAG_NOTE, "p.xml", 4, 0, "%s", "x");
	char out[512] = "";
	FILE *f = fmemopen(out, sizeof out - 1, "w");
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	diag_print(&dg, f);
	fclose(f);
	CU_ASSERT_STRING_EQUAL(out, "p.xml:3:7: error: value '1?2??3'\n"
				    "p.xml:4: note: x\n");
	diag_list_release(&dg);
}

/* diag_format() into a buffer too small ends on a whole character: cut
 * inside 令 it drops the two bytes it has of it. */
static void test_format_cut_ends_on_a_character(void)
{
	struct diag_list dg;
	diag_list_init(&dg);
	diag_add(&dg, DIAG_ERROR, NULL, 0, 0, "%s", "令和");
	char buf[10]; /* "error: " is 7 bytes, 令 is 3: room for 2 of them */
	diag_format(&dg.items[0], buf, sizeof buf);
	CU_ASSERT_STRING_EQUAL(buf, "error: ");
	char big[11];
	diag_format(&dg.items[0], big, sizeof big);
	CU_ASSERT_STRING_EQUAL(big, "error: 令");
	diag_list_release(&dg);
}

static const struct cu_case cases[] = {
	{"C0, DEL and C1 controls are '?'", test_controls_are_question_marks},
	{"bidirectional controls are '?'", test_bidi_controls_are_question_marks},
	{"bytes that are not UTF-8 are '?'", test_invalid_utf8_is_question_marks},
	{"printable text is kept", test_printable_text_is_kept},
	{"a clean copy cuts at a character", test_clean_cuts_at_a_character},
	{"diag_add cleans the message and the file name", test_diag_add_cleans_message_and_file},
	{"diag_print writes one line per diagnostic", test_print_has_one_line_per_diagnostic},
	{"diag_format cut short ends on a character", test_format_cut_ends_on_a_character},
	{NULL, NULL},
};

CU_MAIN("diagnostics", cases)
