// Plain-C entry points that keep libtiff quiet and typed for Swift.
//
// libtiff reports problems through printf-style handlers, which Swift cannot implement, and
// reads tags through C varargs, which Swift cannot call. This header exposes an opened file
// whose errors are captured as text instead of printed, plus typed tag getters. Only plain C
// types cross it; `struct tiff` is libtiff's opaque handle (the `TIFF *` of <tiffio.h>).

#ifndef CTIFFSHIMS_H
#define CTIFFSHIMS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

struct tiff;

/// An open libtiff handle plus the messages libtiff reported for it.
typedef struct ctiff_file ctiff_file;

/// Opens `path` with libtiff `mode` ("r", "w", ...) without printing anything.
///
/// Returns NULL only when memory runs out. When libtiff could not open the file the result's
/// handle is NULL and ctiff_error_message() says why; release the result with ctiff_close().
/// No single libtiff allocation may exceed `max_single_allocation` bytes (0: libtiff default).
ctiff_file *ctiff_open(const char *path, const char *mode, uint64_t max_single_allocation);

/// The libtiff handle, or NULL when opening failed.
struct tiff *ctiff_handle(const ctiff_file *file);

/// 1 when libtiff reported an error since the last ctiff_clear_error(), else 0.
int ctiff_has_error(const ctiff_file *file);

/// The errors libtiff reported since the last clear ("module: message; ..."), or "".
const char *ctiff_error_message(const ctiff_file *file);

/// Forgets the recorded errors.
void ctiff_clear_error(ctiff_file *file);

/// Closes the handle (flushing a file opened for writing) and frees `file`; NULL is ignored.
void ctiff_close(ctiff_file *file);

/// Reads a 16-bit tag; `defaulted` nonzero applies the TIFF default. Returns 1 when present.
int ctiff_get_u16(struct tiff *tif, uint32_t tag, int defaulted, uint16_t *value);

/// Reads a 32-bit tag; `defaulted` nonzero applies the TIFF default. Returns 1 when present.
int ctiff_get_u32(struct tiff *tif, uint32_t tag, int defaulted, uint32_t *value);

/// Reads a float tag (XResolution, YResolution). Returns 1 when present.
int ctiff_get_float(struct tiff *tif, uint32_t tag, float *value);

/// Reads how many ExtraSamples the page declares (0 when absent). Returns 1 on success.
int ctiff_get_extra_sample_count(struct tiff *tif, uint16_t *count);

/// Points `red`, `green`, `blue` at the page's colormap (1 << bits entries each).
/// Returns 1 when present; the arrays belong to libtiff until the directory changes.
int ctiff_get_colormap(struct tiff *tif, const uint16_t **red, const uint16_t **green,
                       const uint16_t **blue);

#ifdef __cplusplus
}
#endif

#endif
