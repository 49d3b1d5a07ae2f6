// C entry points for annotty's library-backed pixel decoders.
//
// Only plain C types cross this header, so Swift never sees jpeglib or OpenJPEG types (the
// 8-bit and 12-bit libjpeg headers define the same struct names and cannot share a module).
//
// Every decode function:
//   - reads exactly `size` bytes from `data` and never writes past any buffer;
//   - on success returns CCS_OK and fills `out`; `out->samples` is allocated by the shim and
//     must be released with ccs_free_samples();
//   - on failure returns a nonzero CCS_* code, leaves `out->samples` NULL and writes a
//     NUL-terminated reason into `message` (at most `message_capacity` bytes);
//   - refuses to allocate more than `max_output_bytes` for the samples.
// Samples are written interleaved (all components of a pixel together), row by row,
// little-endian, `bytes_per_sample` bytes each; signed samples in two's complement.

#ifndef CCODECSHIMS_H
#define CCODECSHIMS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Result codes of the decode functions.
enum {
  CCS_OK = 0,
  /// The library rejected the stream (corrupt, truncated, unsupported process).
  CCS_ERROR_STREAM = 1,
  /// The stream decoded but its geometry is unusable (zero size, mismatched components).
  CCS_ERROR_GEOMETRY = 2,
  /// The decoded image would exceed `max_output_bytes`.
  CCS_ERROR_TOO_LARGE = 3,
  /// Memory could not be allocated.
  CCS_ERROR_MEMORY = 4,
  /// An argument was NULL or empty.
  CCS_ERROR_ARGUMENT = 5,
};

/// A decoded frame as the codec describes it.
typedef struct ccs_decoded_image {
  int32_t width;
  int32_t height;
  int32_t components;
  /// Bits per sample the stream declares.
  int32_t precision;
  /// 1 when the codestream declares signed samples (JPEG 2000 only), else 0.
  int32_t is_signed;
  /// 1, 2 or 4.
  int32_t bytes_per_sample;
  /// 1 when YCbCr was converted to RGB, 0 when not, -1 when not applicable (one component).
  int32_t converted_to_rgb;
  /// JPEG 2000 only: 1 when the codestream applied an inverse multi-component transform.
  int32_t applied_mct;
  uint8_t *samples;
  size_t sample_bytes;
} ccs_decoded_image;

/// Releases `image->samples` and resets the pointer; safe to call twice.
void ccs_free_samples(ccs_decoded_image *image);

/// Decodes an 8-bit DCT JPEG stream (baseline or extended) with libjpeg-turbo.
///
/// Three-component streams are converted from YCbCr to RGB when their markers say YCbCr
/// (JFIF, or Adobe APP14 transform 1) and left alone when they say RGB (Adobe transform 0, or
/// component ids 'R','G','B'). A stream with neither marker nor 'R','G','B' ids says nothing:
/// libjpeg would guess YCbCr; `unmarked_color_is_rgb` = 1 makes it RGB instead (the caller
/// passes 1 when the data set's Photometric Interpretation is RGB).
int ccs_decode_jpeg8(const uint8_t *data, size_t size, int unmarked_color_is_rgb,
                     size_t max_output_bytes, ccs_decoded_image *out, char *message,
                     size_t message_capacity);

/// Decodes a 12-bit DCT JPEG stream (extended, process 4) with GDCM's IJG 6b build.
///
/// Colour handling is that of ccs_decode_jpeg8.
int ccs_decode_jpeg12(const uint8_t *data, size_t size, int unmarked_color_is_rgb,
                      size_t max_output_bytes, ccs_decoded_image *out, char *message,
                      size_t message_capacity);

/// Decodes a JPEG 2000 or HTJ2K codestream, raw (FF 4F FF 51) or inside a JP2 file, with
/// OpenJPEG. Truncated codestreams are errors, not partial images.
int ccs_decode_j2k(const uint8_t *data, size_t size, size_t max_output_bytes,
                   ccs_decoded_image *out, char *message, size_t message_capacity);

#ifdef __cplusplus
}
#endif

#endif
