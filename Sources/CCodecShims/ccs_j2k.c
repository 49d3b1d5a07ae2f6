// JPEG 2000 and HTJ2K decoding from memory with OpenJPEG 2.5.
//
// OpenJPEG reads through a stream object with read/skip/seek callbacks; DICOM hands us one
// buffer, so the callbacks walk a cursor over it. Its info and warning handlers print to stderr
// by default, which would corrupt a terminal UI, so they are silenced; the first error message
// is kept for the caller. Strict mode turns a truncated codestream into an error instead of a
// partially decoded (silently blank) image. Decoding runs on the calling thread only
// (threads = 0, overriding OPJ_NUM_THREADS) so that the abort guard (ccs_abort_guard.c) can
// catch the library's assert() failures.

#include <stdlib.h>
#include <string.h>

#include <openjpeg.h>

#include "ccs_abort_guard.h"
#include "ccs_common.h"

typedef struct {
  const uint8_t *data;
  size_t size;
  size_t offset;
} memory_stream;

static OPJ_SIZE_T stream_read(void *destination, OPJ_SIZE_T count, void *user) {
  memory_stream *stream = user;
  size_t left = stream->size - stream->offset;
  if (left == 0) return (OPJ_SIZE_T)-1;  // OpenJPEG's end-of-stream signal
  if (count > left) count = left;
  memcpy(destination, stream->data + stream->offset, count);
  stream->offset += count;
  return count;
}

static OPJ_OFF_T stream_skip(OPJ_OFF_T count, void *user) {
  memory_stream *stream = user;
  if (count < 0) {
    size_t back = (size_t)(-(count + 1)) + 1;
    if (back > stream->offset) return -1;
    stream->offset -= back;
    return count;
  }
  size_t left = stream->size - stream->offset;
  if ((uint64_t)count > (uint64_t)left) {
    stream->offset = stream->size;
    return left == 0 ? -1 : (OPJ_OFF_T)left;
  }
  stream->offset += (size_t)count;
  return count;
}

static OPJ_BOOL stream_seek(OPJ_OFF_T position, void *user) {
  memory_stream *stream = user;
  if (position < 0 || (uint64_t)position > (uint64_t)stream->size) return OPJ_FALSE;
  stream->offset = (size_t)position;
  return OPJ_TRUE;
}

typedef struct {
  char text[256];
} first_error;

static void ignore_message(const char *text, void *user) {
  (void)text;
  (void)user;
}

static void keep_first_error(const char *text, void *user) {
  first_error *error = user;
  if (error->text[0] != '\0' || text == NULL) return;
  size_t length = strlen(text);
  while (length > 0 && (text[length - 1] == '\n' || text[length - 1] == '\r')) length--;
  if (length >= sizeof error->text) length = sizeof error->text - 1;
  memcpy(error->text, text, length);
  error->text[length] = '\0';
}

static const uint8_t raw_codestream_start[4] = {0xFF, 0x4F, 0xFF, 0x51};
static const uint8_t jp2_signature_box[12] = {0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50,
                                              0x20, 0x20, 0x0D, 0x0A, 0x87, 0x0A};

// Writes every component of pixel after pixel, in `width` little-endian bytes per sample.
static void interleave(const opj_image_t *image, size_t pixels, int width, uint8_t *samples) {
  size_t position = 0;
  for (size_t pixel = 0; pixel < pixels; pixel++) {
    for (OPJ_UINT32 c = 0; c < image->numcomps; c++) {
      uint32_t value = (uint32_t)image->comps[c].data[pixel];
      for (int b = 0; b < width; b++) samples[position++] = (uint8_t)(value >> (8 * b));
    }
  }
}

int ccs_decode_j2k(const uint8_t *data, size_t size, size_t max_output_bytes,
                   ccs_decoded_image *out, char *message, size_t message_capacity) {
  if (out == NULL) return CCS_ERROR_ARGUMENT;
  ccs_reset_image(out);
  if (data == NULL || size == 0) {
    ccs_set_message(message, message_capacity, "empty JPEG 2000 stream");
    return CCS_ERROR_ARGUMENT;
  }

  OPJ_CODEC_FORMAT format;
  if (size >= 4 && memcmp(data, raw_codestream_start, 4) == 0) {
    format = OPJ_CODEC_J2K;
  } else if (size >= 12 && memcmp(data, jp2_signature_box, 12) == 0) {
    format = OPJ_CODEC_JP2;
  } else {
    ccs_set_message(message, message_capacity,
                    "not a JPEG 2000 codestream (no FF4FFF51 start) nor a JP2 file");
    return CCS_ERROR_STREAM;
  }

  memory_stream source = {data, size, 0};
  first_error error = {{0}};
  opj_codec_t *codec = NULL;
  opj_stream_t *stream = NULL;
  opj_image_t *image = NULL;
  uint8_t *samples = NULL;
  int result = CCS_ERROR_STREAM;

  stream = opj_stream_create(OPJ_J2K_STREAM_CHUNK_SIZE, OPJ_TRUE);
  codec = opj_create_decompress(format);
  if (stream == NULL || codec == NULL) {
    ccs_set_message(message, message_capacity, "OpenJPEG could not create a decoder");
    result = CCS_ERROR_MEMORY;
    goto cleanup;
  }
  opj_stream_set_user_data(stream, &source, NULL);
  opj_stream_set_user_data_length(stream, size);
  opj_stream_set_read_function(stream, stream_read);
  opj_stream_set_skip_function(stream, stream_skip);
  opj_stream_set_seek_function(stream, stream_seek);
  opj_set_info_handler(codec, ignore_message, NULL);
  opj_set_warning_handler(codec, ignore_message, NULL);
  opj_set_error_handler(codec, keep_first_error, &error);

  opj_dparameters_t parameters;
  opj_set_default_decoder_parameters(&parameters);
  if (!opj_setup_decoder(codec, &parameters) || !opj_decoder_set_strict_mode(codec, OPJ_TRUE) ||
      !opj_codec_set_threads(codec, 0)) {
    ccs_set_message(message, message_capacity, "OpenJPEG could not configure its decoder");
    goto cleanup;
  }
  if (!ccs_abort_guard_install()) {
    ccs_set_message(message, message_capacity, "cannot install the SIGABRT guard for OpenJPEG");
    goto cleanup;
  }
  sigjmp_buf on_abort;
  if (sigsetjmp(on_abort, 1)) {
    // The library's objects are in an unknown state: leak them rather than touch them again.
    ccs_set_message(message, message_capacity,
                    "OpenJPEG stopped on a failed internal check (damaged codestream)");
    return CCS_ERROR_STREAM;
  }
  ccs_abort_guard_arm(&on_abort);
  OPJ_BOOL decoded = opj_read_header(stream, codec, &image) && image != NULL;
  ccs_abort_guard_disarm();
  if (!decoded) {
    ccs_set_message(message, message_capacity, "OpenJPEG: %s",
                    error.text[0] ? error.text : "cannot read the codestream header");
    goto cleanup;
  }

  // Refuse absurd dimensions before OpenJPEG allocates tile buffers for them.
  size_t total = 0;
  if (image->numcomps == 0 || image->x1 <= image->x0 || image->y1 <= image->y0) {
    ccs_set_message(message, message_capacity, "JPEG 2000 header declares an empty image");
    result = CCS_ERROR_GEOMETRY;
    goto cleanup;
  }
  if (!ccs_checked_size(image->x1 - image->x0, image->y1 - image->y0, image->numcomps, 4,
                        max_output_bytes, &total)) {
    ccs_set_message(message, message_capacity,
                    "JPEG 2000 image %ux%u with %u components exceeds %zu bytes",
                    image->x1 - image->x0, image->y1 - image->y0, image->numcomps,
                    max_output_bytes);
    result = CCS_ERROR_TOO_LARGE;
    goto cleanup;
  }

  ccs_abort_guard_arm(&on_abort);
  decoded = opj_decode(codec, stream, image) && opj_end_decompress(codec, stream);
  ccs_abort_guard_disarm();
  if (!decoded) {
    ccs_set_message(message, message_capacity, "OpenJPEG: %s",
                    error.text[0] ? error.text : "decoding failed");
    goto cleanup;
  }

  const opj_image_comp_t *first = &image->comps[0];
  for (OPJ_UINT32 c = 0; c < image->numcomps; c++) {
    const opj_image_comp_t *component = &image->comps[c];
    if (component->data == NULL || component->w != first->w || component->h != first->h ||
        component->prec != first->prec || component->sgnd != first->sgnd) {
      ccs_set_message(message, message_capacity,
                      "JPEG 2000 component %u differs from component 0 in size, precision or "
                      "sign (subsampled components are not supported)",
                      c);
      result = CCS_ERROR_GEOMETRY;
      goto cleanup;
    }
  }
  if (first->prec < 1 || first->prec > 31) {
    ccs_set_message(message, message_capacity, "JPEG 2000 precision %u is out of range",
                    first->prec);
    result = CCS_ERROR_GEOMETRY;
    goto cleanup;
  }
  int bytes_per_sample = first->prec <= 8 ? 1 : first->prec <= 16 ? 2 : 4;
  if (!ccs_checked_size(first->w, first->h, image->numcomps, bytes_per_sample, max_output_bytes,
                        &total)) {
    ccs_set_message(message, message_capacity, "JPEG 2000 image %ux%u exceeds %zu bytes",
                    first->w, first->h, max_output_bytes);
    result = CCS_ERROR_TOO_LARGE;
    goto cleanup;
  }
  samples = malloc(total);
  if (samples == NULL) {
    ccs_set_message(message, message_capacity, "cannot allocate %zu bytes", total);
    result = CCS_ERROR_MEMORY;
    goto cleanup;
  }
  interleave(image, (size_t)first->w * first->h, bytes_per_sample, samples);

  int applied_mct = 0;
  opj_codestream_info_v2_t *info = opj_get_cstr_info(codec);
  if (info != NULL) {
    applied_mct = image->numcomps >= 3 && info->m_default_tile_info.mct != 0;
    opj_destroy_cstr_info(&info);
  }

  out->width = (int32_t)first->w;
  out->height = (int32_t)first->h;
  out->components = (int32_t)image->numcomps;
  out->precision = (int32_t)first->prec;
  out->is_signed = first->sgnd ? 1 : 0;
  out->bytes_per_sample = bytes_per_sample;
  out->applied_mct = applied_mct;
  out->converted_to_rgb = image->numcomps == 1 ? -1 : applied_mct;
  out->samples = samples;
  out->sample_bytes = total;
  samples = NULL;
  result = CCS_OK;

cleanup:
  free(samples);
  if (image != NULL) opj_image_destroy(image);
  if (codec != NULL) opj_destroy_codec(codec);
  if (stream != NULL) opj_stream_destroy(stream);
  return result;
}
