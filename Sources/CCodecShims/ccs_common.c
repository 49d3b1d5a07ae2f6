// Message formatting, checked sizes and the free function shared by all decoders.

#include "ccs_common.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

void ccs_set_message(char *message, size_t capacity, const char *format, ...) {
  if (message == NULL || capacity == 0) return;
  va_list arguments;
  va_start(arguments, format);
  vsnprintf(message, capacity, format, arguments);
  va_end(arguments);
}

int ccs_checked_size(int64_t width, int64_t height, int64_t components,
                     int64_t bytes_per_sample, size_t limit, size_t *total) {
  if (width <= 0 || height <= 0 || components <= 0 || bytes_per_sample <= 0) return 0;
  // Each factor is at most 2^32 in practice; divide before multiplying so nothing wraps.
  uint64_t product = (uint64_t)width;
  const int64_t factors[3] = {height, components, bytes_per_sample};
  for (int i = 0; i < 3; i++) {
    if (product > (uint64_t)limit / (uint64_t)factors[i]) return 0;
    product *= (uint64_t)factors[i];
  }
  if (product > (uint64_t)limit) return 0;
  *total = (size_t)product;
  return 1;
}

void ccs_reset_image(ccs_decoded_image *image) {
  image->width = 0;
  image->height = 0;
  image->components = 0;
  image->precision = 0;
  image->is_signed = 0;
  image->bytes_per_sample = 0;
  image->converted_to_rgb = -1;
  image->applied_mct = 0;
  image->samples = NULL;
  image->sample_bytes = 0;
}

void ccs_free_samples(ccs_decoded_image *image) {
  if (image == NULL) return;
  free(image->samples);
  image->samples = NULL;
  image->sample_bytes = 0;
}
