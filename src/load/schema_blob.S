/* schema_blob.S - the RELAX NG schemas, embedded so that a build of shiryo
 * validates without finding files at run time.  Paths are relative to the
 * top directory, where make runs.  Each blob is followed by a NUL byte so
 * that it can also be read as a C string; its length is end - start. */

	.section .rodata
	.balign 16
	.globl schema_plan_rng
	.globl schema_plan_rng_end
	.type schema_plan_rng, @object
schema_plan_rng:
	.incbin "xml/schema/plan.rng"
schema_plan_rng_end:
	.byte 0
	.size schema_plan_rng, . - schema_plan_rng

	.balign 16
	.globl schema_actuals_rng
	.globl schema_actuals_rng_end
	.type schema_actuals_rng, @object
schema_actuals_rng:
	.incbin "xml/schema/actuals.rng"
schema_actuals_rng_end:
	.byte 0
	.size schema_actuals_rng, . - schema_actuals_rng

	.balign 16
	.globl schema_pdca_rng
	.globl schema_pdca_rng_end
	.type schema_pdca_rng, @object
schema_pdca_rng:
	.incbin "xml/schema/pdca.rng"
schema_pdca_rng_end:
	.byte 0
	.size schema_pdca_rng, . - schema_pdca_rng

	.section .note.GNU-stack,"",@progbits
