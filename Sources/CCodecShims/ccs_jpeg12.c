// 12-bit DCT JPEG decoding (JPEG Extended, process 4) with GDCM's IJG 6b build libgdcmjpeg12.
//
// Debian's libjpeg-turbo 2.1 is built for 8-bit samples only. GDCM ships IJG 6b compiled with
// BITS_IN_JSAMPLE 12 and every symbol renamed (gdcmjpeg12_jpeg_*, via the mangle header that
// jpeglib.h pulls in). Why the absolute include: that jpeglib.h has the same name as the system
// 8-bit one, no pkg-config entry exists, and SwiftPM only allows header search paths inside the
// package; the absolute path picks the 12-bit header for this translation unit alone (its own
// "jconfig.h"/"jmorecfg.h" includes resolve beside it). Why setjmp: see ccs_jpeg8.c.
// IJG 6b has no jpeg_mem_src, hence the small memory source manager below.

#include <setjmp.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "/usr/include/gdcm-3.0/gdcmjpeg/12/jpeglib.h"
#include "/usr/include/gdcm-3.0/gdcmjpeg/12/jerror.h"

#include "ccs_common.h"

#if BITS_IN_JSAMPLE != 12
#error "expected GDCM's 12-bit IJG build"
#endif

typedef struct {
  struct jpeg_error_mgr base;
  jmp_buf escape;
  char reason[JMSG_LENGTH_MAX];
} error_manager;

static void escape_on_error(j_common_ptr decoder) {
  error_manager *errors = (error_manager *)decoder->err;
  errors->base.format_message(decoder, errors->reason);
  longjmp(errors->escape, 1);
}

// Running out of data makes IJG pad with invented rows after a warning; treat it as an error.
static void filter_warning(j_common_ptr decoder, int level) {
  int code = decoder->err->msg_code;
  if (level < 0 && (code == JWRN_JPEG_EOF || code == JWRN_HIT_MARKER)) escape_on_error(decoder);
}

// Memory source: the whole stream is one buffer handed to the library up front.

static void source_init(j_decompress_ptr decoder) { (void)decoder; }

static boolean source_fill(j_decompress_ptr decoder) {
  // Only reached when the library wants bytes past the end: the stream is truncated.
  static const JOCTET end_of_image[2] = {0xFF, JPEG_EOI};
  WARNMS(decoder, JWRN_JPEG_EOF);
  decoder->src->next_input_byte = end_of_image;
  decoder->src->bytes_in_buffer = 2;
  return TRUE;
}

static void source_skip(j_decompress_ptr decoder, long count) {
  struct jpeg_source_mgr *source = decoder->src;
  if (count <= 0) return;
  if ((size_t)count > source->bytes_in_buffer) {
    source->next_input_byte += source->bytes_in_buffer;
    source->bytes_in_buffer = 0;
    (void)source_fill(decoder);
    return;
  }
  source->next_input_byte += count;
  source->bytes_in_buffer -= (size_t)count;
}

static void source_term(j_decompress_ptr decoder) { (void)decoder; }

int ccs_decode_jpeg12(const uint8_t *data, size_t size, int unmarked_color_is_rgb,
                      size_t max_output_bytes, ccs_decoded_image *out, char *message,
                      size_t message_capacity) {
  if (out == NULL) return CCS_ERROR_ARGUMENT;
  ccs_reset_image(out);
  if (data == NULL || size == 0) {
    ccs_set_message(message, message_capacity, "empty JPEG stream");
    return CCS_ERROR_ARGUMENT;
  }

  struct jpeg_decompress_struct decoder;
  struct jpeg_source_mgr source;
  error_manager errors;
  // Assigned after setjmp and read after longjmp, so they must not live in registers.
  uint8_t *volatile samples = NULL;
  volatile int result = CCS_ERROR_STREAM;

  memset(&decoder, 0, sizeof decoder);
  decoder.err = jpeg_std_error(&errors.base);
  errors.base.error_exit = escape_on_error;
  errors.base.emit_message = filter_warning;
  errors.reason[0] = '\0';
  if (setjmp(errors.escape)) {
    ccs_set_message(message, message_capacity, "IJG 12-bit: %s", errors.reason);
    goto cleanup;
  }

  jpeg_create_decompress(&decoder);
  source.next_input_byte = data;
  source.bytes_in_buffer = size;
  source.init_source = source_init;
  source.fill_input_buffer = source_fill;
  source.skip_input_data = source_skip;
  source.resync_to_restart = jpeg_resync_to_restart;
  source.term_source = source_term;
  decoder.src = &source;
  jpeg_read_header(&decoder, TRUE);
  if (unmarked_color_is_rgb && decoder.num_components == 3 && !decoder.saw_JFIF_marker &&
      !decoder.saw_Adobe_marker) {
    // The markers are silent and libjpeg guessed; the data set says RGB, so trust it.
    decoder.jpeg_color_space = JCS_RGB;
    decoder.out_color_space = JCS_RGB;
  }
  jpeg_start_decompress(&decoder);

  size_t total = 0;
  if (!ccs_checked_size(decoder.output_width, decoder.output_height,
                        decoder.output_components, 2, max_output_bytes, &total)) {
    ccs_set_message(message, message_capacity, "JPEG image %ux%u with %d components exceeds %zu bytes",
                    decoder.output_width, decoder.output_height, decoder.output_components,
                    max_output_bytes);
    result = CCS_ERROR_TOO_LARGE;
    goto cleanup;
  }
  samples = malloc(total);
  if (samples == NULL) {
    ccs_set_message(message, message_capacity, "cannot allocate %zu bytes", total);
    result = CCS_ERROR_MEMORY;
    goto cleanup;
  }
  // JSAMPLE is a 16-bit short here; the library owns (and frees on destroy) this row buffer.
  size_t row_samples = (size_t)decoder.output_width * (size_t)decoder.output_components;
  JSAMPARRAY row = (*decoder.mem->alloc_sarray)((j_common_ptr)&decoder, JPOOL_IMAGE,
                                                (JDIMENSION)row_samples, 1);
  while (decoder.output_scanline < decoder.output_height) {
    size_t first = (size_t)decoder.output_scanline * row_samples * 2;
    if (jpeg_read_scanlines(&decoder, row, 1) != 1) {
      ccs_set_message(message, message_capacity, "IJG 12-bit: no progress at row %u",
                      decoder.output_scanline);
      goto cleanup;
    }
    for (size_t i = 0; i < row_samples; i++) {
      uint16_t value = (uint16_t)row[0][i];
      samples[first + 2 * i] = (uint8_t)(value & 0xFF);
      samples[first + 2 * i + 1] = (uint8_t)(value >> 8);
    }
  }
  // All rows are decoded; a missing EOI is tolerated (see ccs_jpeg8.c).

  out->width = (int32_t)decoder.output_width;
  out->height = (int32_t)decoder.output_height;
  out->components = decoder.output_components;
  out->precision = decoder.data_precision;
  out->is_signed = 0;
  out->bytes_per_sample = 2;
  if (decoder.output_components == 1) {
    out->converted_to_rgb = -1;
  } else {
    out->converted_to_rgb =
        decoder.jpeg_color_space == JCS_YCbCr && decoder.out_color_space == JCS_RGB;
  }
  out->samples = samples;
  out->sample_bytes = total;
  samples = NULL;
  result = CCS_OK;

cleanup:
  jpeg_destroy_decompress(&decoder);
  free(samples);
  return result;
}
