// Helpers shared by the decode translation units (not part of the public header).

#ifndef CCS_COMMON_H
#define CCS_COMMON_H

#include <stddef.h>
#include <stdint.h>

#include "CCodecShims.h"

/// Writes a formatted, NUL-terminated reason into `message`, truncating to `capacity`.
void ccs_set_message(char *message, size_t capacity, const char *format, ...)
    __attribute__((format(printf, 3, 4)));

/// Computes width * height * components * bytes_per_sample into `total` without overflow;
/// returns 0 when any factor is not positive or the product exceeds `limit`.
int ccs_checked_size(int64_t width, int64_t height, int64_t components,
                     int64_t bytes_per_sample, size_t limit, size_t *total);

/// Resets every field of `image` so a failed decode never hands back stale pointers.
void ccs_reset_image(ccs_decoded_image *image);

#endif
