#include "CTIFFShims.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <tiffio.h>

enum { CTIFF_MESSAGE_CAPACITY = 1024 };

struct ctiff_file {
  TIFF *tif;
  int has_error;
  size_t message_length;
  char message[CTIFF_MESSAGE_CAPACITY];
};

static pthread_once_t silence_once = PTHREAD_ONCE_INIT;

// The process-wide handlers print to stderr; a few libtiff paths report through them
// without a per-file handler, so they are removed once for the whole process.
static void silence_global_handlers(void) {
  TIFFSetErrorHandler(NULL);
  TIFFSetWarningHandler(NULL);
}

static void append_message(ctiff_file *file, const char *text) {
  size_t room = CTIFF_MESSAGE_CAPACITY - 1 - file->message_length;
  if (room == 0) return;
  size_t length = strlen(text);
  if (length > room) length = room;
  memcpy(file->message + file->message_length, text, length);
  file->message_length += length;
  file->message[file->message_length] = '\0';
}

// Returning 1 stops libtiff from also calling the process-wide handlers.
static int record_error(TIFF *tif, void *user_data, const char *module, const char *fmt,
                        va_list ap) {
  (void)tif;
  ctiff_file *file = (ctiff_file *)user_data;
  if (file == NULL) return 1;
  char text[512];
  vsnprintf(text, sizeof text, fmt, ap);
  if (file->has_error) append_message(file, "; ");
  if (module != NULL && module[0] != '\0') {
    append_message(file, module);
    append_message(file, ": ");
  }
  append_message(file, text);
  file->has_error = 1;
  return 1;
}

static int ignore_warning(TIFF *tif, void *user_data, const char *module, const char *fmt,
                          va_list ap) {
  (void)tif;
  (void)user_data;
  (void)module;
  (void)fmt;
  (void)ap;
  return 1;
}

ctiff_file *ctiff_open(const char *path, const char *mode, uint64_t max_single_allocation) {
  pthread_once(&silence_once, silence_global_handlers);
  ctiff_file *file = calloc(1, sizeof *file);
  if (file == NULL) return NULL;
  TIFFOpenOptions *options = TIFFOpenOptionsAlloc();
  if (options == NULL) {
    append_message(file, "cannot allocate libtiff open options");
    file->has_error = 1;
    return file;
  }
  TIFFOpenOptionsSetErrorHandlerExtR(options, record_error, file);
  TIFFOpenOptionsSetWarningHandlerExtR(options, ignore_warning, file);
  if (max_single_allocation > 0) {
    TIFFOpenOptionsSetMaxSingleMemAlloc(options, (tmsize_t)max_single_allocation);
  }
  file->tif = TIFFOpenExt(path, mode, options);
  TIFFOpenOptionsFree(options);
  if (file->tif == NULL && !file->has_error) {
    append_message(file, "libtiff could not open the file");
    file->has_error = 1;
  }
  return file;
}

struct tiff *ctiff_handle(const ctiff_file *file) { return file == NULL ? NULL : file->tif; }

int ctiff_has_error(const ctiff_file *file) { return file == NULL ? 1 : file->has_error; }

const char *ctiff_error_message(const ctiff_file *file) {
  return file == NULL ? "no file" : file->message;
}

void ctiff_clear_error(ctiff_file *file) {
  if (file == NULL) return;
  file->has_error = 0;
  file->message_length = 0;
  file->message[0] = '\0';
}

void ctiff_close(ctiff_file *file) {
  if (file == NULL) return;
  if (file->tif != NULL) TIFFClose(file->tif);
  free(file);
}

int ctiff_get_u16(struct tiff *tif, uint32_t tag, int defaulted, uint16_t *value) {
  if (tif == NULL || value == NULL) return 0;
  return defaulted ? TIFFGetFieldDefaulted(tif, tag, value) : TIFFGetField(tif, tag, value);
}

int ctiff_get_u32(struct tiff *tif, uint32_t tag, int defaulted, uint32_t *value) {
  if (tif == NULL || value == NULL) return 0;
  return defaulted ? TIFFGetFieldDefaulted(tif, tag, value) : TIFFGetField(tif, tag, value);
}

int ctiff_get_float(struct tiff *tif, uint32_t tag, float *value) {
  if (tif == NULL || value == NULL) return 0;
  return TIFFGetField(tif, tag, value);
}

int ctiff_get_extra_sample_count(struct tiff *tif, uint16_t *count) {
  if (tif == NULL || count == NULL) return 0;
  uint16_t *kinds = NULL;
  *count = 0;
  if (!TIFFGetField(tif, TIFFTAG_EXTRASAMPLES, count, &kinds)) *count = 0;
  return 1;
}

int ctiff_get_colormap(struct tiff *tif, const uint16_t **red, const uint16_t **green,
                       const uint16_t **blue) {
  if (tif == NULL || red == NULL || green == NULL || blue == NULL) return 0;
  uint16_t *r = NULL, *g = NULL, *b = NULL;
  if (!TIFFGetField(tif, TIFFTAG_COLORMAP, &r, &g, &b)) return 0;
  *red = r;
  *green = g;
  *blue = b;
  return 1;
}
