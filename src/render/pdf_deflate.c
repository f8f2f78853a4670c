/* pdf_deflate.c - compressing the big streams on every core, and handing
 * them to libharu already compressed.
 *
 * Deflate was a third of the time of a council handout (perf, issue 9):
 * libharu compresses each stream with zlib while it saves, one after the
 * other, on one core.  The streams that matter - the font programs and the page
 * contents - are made by shiryo itself (pdf_font.c, pdf_page.c), so they
 * are compressed here as soon as each exists, by worker threads, while the
 * main thread goes on painting pages, with libdeflate (faster than zlib
 * for whole buffers, and as small).  It gives the same bytes for the same
 * input and level whichever thread runs it, so the output does not depend
 * on the number of threads.
 *
 * libharu cannot take a stream that is already compressed: with a filter
 * set it compresses again, and with none it removes any /Filter entry the
 * dictionary has (HPDF_Dict_Write).  So pdf_stream_put_deflated() writes
 * the bytes with no filter and adds "/Filter /FlateDecode" through the
 * dictionary's write_fn, which libharu calls after the entries.
 */
#include <libdeflate.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alloc.h"

#include "render_int.h"

/* libdeflate's level 6: measured on the city council handout's streams
 * (169 KB of font programs, 152 KB of page contents), 2.2 to 2.4 times
 * faster than zlib's default level 6 and 1 % smaller; levels 10-12 save
 * 1-10 % more at 4 to 10 times the time. */
#define PDF_DEFLATE_LEVEL 6

/* More threads than this do not pay for themselves on these sizes. */
#define MAX_WORKERS 7

struct pdf_deflate {
	pthread_mutex_t lock;
	pthread_cond_t more;  /* a job was queued, or the pool is closing */
	pthread_cond_t done;  /* a job finished */
	struct pdf_zjob **queue;
	size_t n_queued, cap, next, n_done;
	bool closing;
	pthread_t workers[MAX_WORKERS];
	int n_workers;
	struct libdeflate_compressor *main_c; /* the calling thread's */
};

/* Compresses job with c, the compressor each thread keeps for all its
 * jobs (allocated on the first one). */
static void run_job(struct libdeflate_compressor **c, struct pdf_zjob *job)
{
	if (!*c)
		*c = libdeflate_alloc_compressor(PDF_DEFLATE_LEVEL);
	if (!*c) {
		job->ok = false;
		return;
	}
	size_t bound = libdeflate_zlib_compress_bound(*c, job->in_len);
	job->out = xmalloc(bound ? bound : 1);
	job->out_len = libdeflate_zlib_compress(*c, job->in, job->in_len, job->out,
						bound);
	job->ok = job->out_len > 0;
}

/* Takes the next queued job, or NULL when there is none (the lock held). */
static struct pdf_zjob *take(struct pdf_deflate *z)
{
	return z->next < z->n_queued ? z->queue[z->next++] : NULL;
}

static void finish(struct pdf_deflate *z, struct pdf_zjob *job)
{
	pthread_mutex_lock(&z->lock);
	job->done = true;
	z->n_done++;
	pthread_cond_broadcast(&z->done);
	pthread_mutex_unlock(&z->lock);
}

static void *worker(void *arg)
{
	struct pdf_deflate *z = arg;
	struct libdeflate_compressor *c = NULL;
	for (;;) {
		pthread_mutex_lock(&z->lock);
		struct pdf_zjob *job;
		while (!(job = take(z)) && !z->closing)
			pthread_cond_wait(&z->more, &z->lock);
		pthread_mutex_unlock(&z->lock);
		if (!job)
			break;
		run_job(&c, job);
		finish(z, job);
	}
	libdeflate_free_compressor(c);
	return NULL;
}

/* Worker threads: one less than the cores (the main thread works too), or
 * SHIRYO_THREADS - 1 when that is set (SHIRYO_THREADS=1: none). */
static int workers_wanted(void)
{
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	const char *env = getenv("SHIRYO_THREADS");
	if (env && *env) {
		char *end;
		long v = strtol(env, &end, 10);
		if (*end == '\0' && v >= 1)
			cores = v;
	}
	if (cores < 1)
		cores = 1;
	return cores - 1 > MAX_WORKERS ? MAX_WORKERS : (int)(cores - 1);
}

struct pdf_deflate *pdf_deflate_new(void)
{
	struct pdf_deflate *z = xcalloc(1, sizeof *z);
	pthread_mutex_init(&z->lock, NULL);
	pthread_cond_init(&z->more, NULL);
	pthread_cond_init(&z->done, NULL);
	int want = workers_wanted();
	for (int i = 0; i < want; i++) {
		/* Without a thread the calling thread does the work
		 * (help()): slower, not wrong. */
		if (pthread_create(&z->workers[z->n_workers], NULL, worker, z) != 0)
			break;
		z->n_workers++;
	}
	return z;
}

/* Runs one queued job on the calling thread when more than leave are
 * waiting for a thread; false when it did not. */
static bool help(struct pdf_deflate *z, size_t leave)
{
	pthread_mutex_lock(&z->lock);
	struct pdf_zjob *job = z->n_queued - z->next > leave ? take(z) : NULL;
	pthread_mutex_unlock(&z->lock);
	if (!job)
		return false;
	run_job(&z->main_c, job);
	finish(z, job);
	return true;
}

void pdf_deflate_add(struct pdf_deflate *z, struct pdf_zjob *job)
{
	pthread_mutex_lock(&z->lock);
	if (z->n_queued == z->cap) {
		z->cap = z->cap ? 2 * z->cap : 64;
		z->queue = xreallocarray(z->queue, z->cap, sizeof *z->queue);
	}
	z->queue[z->n_queued++] = job;
	pthread_cond_signal(&z->more);
	pthread_mutex_unlock(&z->lock);
	/* The caller works too when jobs pile up (always, without workers),
	 * so that the uncompressed pages waiting stay few. */
	while (help(z, (size_t)(2 * z->n_workers)))
		;
}

bool pdf_deflate_done(struct pdf_deflate *z, const struct pdf_zjob *job)
{
	pthread_mutex_lock(&z->lock);
	bool done = job->done;
	pthread_mutex_unlock(&z->lock);
	return done;
}

void pdf_deflate_wait(struct pdf_deflate *z)
{
	while (help(z, 0))
		;
	pthread_mutex_lock(&z->lock);
	while (z->n_done < z->n_queued)
		pthread_cond_wait(&z->done, &z->lock);
	pthread_mutex_unlock(&z->lock);
}

bool pdf_deflate_now(struct pdf_deflate *z, struct pdf_zjob *job)
{
	run_job(&z->main_c, job);
	return job->ok;
}

void pdf_deflate_free(struct pdf_deflate *z)
{
	if (!z)
		return;
	pthread_mutex_lock(&z->lock);
	z->closing = true;
	pthread_cond_broadcast(&z->more);
	pthread_mutex_unlock(&z->lock);
	for (int i = 0; i < z->n_workers; i++)
		pthread_join(z->workers[i], NULL);
	/* Jobs still queued (after an error) belong to their owners, who
	 * free job->out; none is running now. */
	libdeflate_free_compressor(z->main_c);
	pthread_mutex_destroy(&z->lock);
	pthread_cond_destroy(&z->more);
	pthread_cond_destroy(&z->done);
	free(z->queue);
	free(z);
}

void pdf_zjob_release(struct pdf_zjob *job)
{
	free(job->out);
	job->out = NULL;
	job->out_len = 0;
}

static HPDF_STATUS write_flate_filter(HPDF_Dict dict, HPDF_Stream stream)
{
	(void)dict;
	return HPDF_Stream_WriteStr(stream, "/Filter /FlateDecode\012");
}

bool pdf_stream_put_deflated(HPDF_Dict dict, const struct pdf_zjob *job)
{
	dict->filter = HPDF_STREAM_FILTER_NONE;
	dict->write_fn = write_flate_filter;
	const unsigned char *p = job->out;
	size_t left = job->out_len;
	/* HPDF_Stream_Write takes a HPDF_UINT count. */
	while (left > 0) {
		HPDF_UINT n = left > (1u << 30) ? (1u << 30) : (HPDF_UINT)left;
		if (HPDF_Stream_Write(dict->stream, p, n) != HPDF_OK)
			return false;
		p += n;
		left -= n;
	}
	return true;
}
