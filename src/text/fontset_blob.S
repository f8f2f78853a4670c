/* fontset_blob.S - fonts/fontset.conf embedded in the binary.
 *
 * Assembled from the top directory (the Makefile runs "cc -c" there), so
 * the .incbin path is relative to it.  The text is followed by a NUL byte,
 * so fontset_conf is also a C string. */
	.section .rodata
	.globl fontset_conf
	.globl fontset_conf_end
fontset_conf:
	.incbin "fonts/fontset.conf"
fontset_conf_end:
	.byte 0
	.section .note.GNU-stack,"",@progbits
