// A pseudo-terminal pair, for tests that run the screen against a terminal they can read.
#define _GNU_SOURCE 1
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>
#include "CTermShims.h"

int annotty_open_pty(int *master, int *slave) {
  int primary = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (primary < 0) return -1;
  char *name = ptsname(primary);
  if (grantpt(primary) != 0 || unlockpt(primary) != 0 || name == NULL) {
    close(primary);
    return -1;
  }
  int secondary = open(name, O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (secondary < 0) {
    close(primary);
    return -1;
  }
  *master = primary;
  *slave = secondary;
  return 0;
}
