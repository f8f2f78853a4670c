/* schema_blob.h - the schemas embedded by schema_blob.S.
 *
 * Each blob is the file's bytes followed by one NUL; its length is
 * end - start (the NUL not counted). */
#ifndef SHIRYO_SCHEMA_BLOB_H
#define SHIRYO_SCHEMA_BLOB_H

extern const char schema_plan_rng[];
extern const char schema_plan_rng_end[];
extern const char schema_actuals_rng[];
extern const char schema_actuals_rng_end[];
extern const char schema_pdca_rng[];
extern const char schema_pdca_rng_end[];

#endif
