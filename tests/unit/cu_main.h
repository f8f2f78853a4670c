/* cu_main.h - the main() of a CUnit test program.
 *
 * Each tests/unit/test_NAME.c is its own program: it defines its cases and a
 * table, then says CU_MAIN("suite name", cases).  That keeps test files
 * independent (no shared registry to edit) and lets tests/run report per
 * file.  Exit status is non-zero when any assertion failed.
 */
#ifndef CU_MAIN_H
#define CU_MAIN_H

#include <CUnit/Basic.h>
#include <CUnit/CUnit.h>
#include <stdio.h>
#include <stdlib.h>

#define CU_MAIN(suite_name, cases_array)                                      \
	int main(void)                                                        \
	{                                                                     \
		if (CU_initialize_registry() != CUE_SUCCESS)                  \
			return 2;                                             \
		CU_pSuite s = CU_add_suite(suite_name, NULL, NULL);           \
		for (size_t i = 0; cases_array[i].name; i++)                  \
			CU_add_test(s, cases_array[i].name, cases_array[i].fn); \
		CU_basic_set_mode(CU_BRM_VERBOSE);                            \
		CU_basic_run_tests();                                         \
		unsigned failed = CU_get_number_of_failures() +               \
				  CU_get_number_of_tests_failed();            \
		CU_cleanup_registry();                                        \
		return failed ? 1 : 0;                                        \
	}

struct cu_case {
	const char *name;
	void (*fn)(void);
};

#endif
