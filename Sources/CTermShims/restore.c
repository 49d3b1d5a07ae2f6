// The terminal restore that runs from signal handlers and atexit: only write() and tcsetattr(),
// on state copied in advance, because nothing else is async-signal-safe.
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "CTermShims.h"

static char restore_bytes[1024];
static size_t restore_length = 0;
static int restore_fd = -1;
static struct termios restore_termios;
static volatile sig_atomic_t restore_armed = 0;
static int restore_atexit_registered = 0;

static void restore_at_exit(void) { annotty_restore_now(); }

int annotty_restore_arm(int fd, const char *reset, size_t length, const struct termios *saved) {
  if (length > sizeof restore_bytes) return -1;
  restore_armed = 0;
  memcpy(restore_bytes, reset, length);
  restore_length = length;
  restore_fd = fd;
  restore_termios = *saved;
  if (!restore_atexit_registered) {
    restore_atexit_registered = 1;
    atexit(restore_at_exit);
  }
  restore_armed = 1;
  return 0;
}

void annotty_restore_disarm(void) { restore_armed = 0; }

void annotty_restore_now(void) {
  // Exchange so that a fault inside the restore (or two signals) restores only once.
  if (!__atomic_exchange_n(&restore_armed, 0, __ATOMIC_SEQ_CST)) return;
  int saved_errno = errno;
  size_t written = 0;
  while (written < restore_length) {
    ssize_t result = write(restore_fd, restore_bytes + written, restore_length - written);
    if (result < 0 && errno == EINTR) continue;
    if (result <= 0) break;
    written += (size_t)result;
  }
  while (tcsetattr(restore_fd, TCSANOW, &restore_termios) != 0 && errno == EINTR) {
  }
  errno = saved_errno;
}
