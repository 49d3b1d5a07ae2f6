// 8-bit DCT JPEG decoding with the system libjpeg-turbo.
//
// Why setjmp: libjpeg reports fatal errors through error_exit, whose default calls exit().
// The only way back to the caller from deep inside the library is longjmp to a setjmp taken
// here, and Swift cannot take a setjmp, so the error manager and every library call that can
// fail live in this C function. The 12-bit variant lives in ccs_jpeg12.c because both
// jpeglib.h builds declare the same struct names.

#include <setjmp.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jerror.h>
#include <jpeglib.h>

#include "ccs_common.h"

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

// libjpeg only warns when the data ends early and then invents the missing rows; a viewer must
// not show invented pixels, so those two warnings become errors. Other warnings stay silent.
static void filter_warning(j_common_ptr decoder, int level) {
  int code = decoder->err->msg_code;
  if (level < 0 && (code == JWRN_JPEG_EOF || code == JWRN_HIT_MARKER)) escape_on_error(decoder);
}

int ccs_decode_jpeg8(const uint8_t *data, size_t size, int unmarked_color_is_rgb,
                     size_t max_output_bytes, ccs_decoded_image *out, char *message,
                     size_t message_capacity) {
  if (out == NULL) return CCS_ERROR_ARGUMENT;
  ccs_reset_image(out);
  if (data == NULL || size == 0) {
    ccs_set_message(message, message_capacity, "empty JPEG stream");
    return CCS_ERROR_ARGUMENT;
  }
  if (size > (size_t)(unsigned long)-1) {
    ccs_set_message(message, message_capacity, "JPEG stream too large");
    return CCS_ERROR_TOO_LARGE;
  }

  struct jpeg_decompress_struct decoder;
  error_manager errors;
  // Assigned after setjmp and read after longjmp, so it must not live in a register.
  uint8_t *volatile samples = NULL;
  volatile int result = CCS_ERROR_STREAM;

  // jpeg_destroy_decompress must be safe even if the library fails inside create.
  memset(&decoder, 0, sizeof decoder);
  decoder.err = jpeg_std_error(&errors.base);
  errors.base.error_exit = escape_on_error;
  errors.base.emit_message = filter_warning;
  errors.reason[0] = '\0';
  if (setjmp(errors.escape)) {
    ccs_set_message(message, message_capacity, "libjpeg: %s", errors.reason);
    goto cleanup;
  }

  jpeg_create_decompress(&decoder);
  jpeg_mem_src(&decoder, data, (unsigned long)size);
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
                        decoder.output_components, 1, max_output_bytes, &total)) {
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
  size_t row_bytes = (size_t)decoder.output_width * (size_t)decoder.output_components;
  while (decoder.output_scanline < decoder.output_height) {
    JSAMPROW row = samples + (size_t)decoder.output_scanline * row_bytes;
    if (jpeg_read_scanlines(&decoder, &row, 1) != 1) {
      ccs_set_message(message, message_capacity, "libjpeg: no progress at row %u",
                      decoder.output_scanline);
      goto cleanup;
    }
  }
  // Every row is decoded; a missing EOI after the last scan is tolerated, so
  // jpeg_finish_decompress (which would look for it) is not called.

  out->width = (int32_t)decoder.output_width;
  out->height = (int32_t)decoder.output_height;
  out->components = decoder.output_components;
  out->precision = decoder.data_precision;
  out->is_signed = 0;
  out->bytes_per_sample = 1;
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
