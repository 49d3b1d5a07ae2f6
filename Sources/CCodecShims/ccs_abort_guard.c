// Why this exists: Debian 12's OpenJPEG 2.5.0 is built with assert() enabled, and its HTJ2K
// block decoder asserts on damaged data (ht_dec.c mel_init; uclouvain/openjpeg#1500), so a
// corrupt frame would abort the whole viewer. About 0.3% of single-byte corruptions of an HTJ2K
// stream did so in testing. While a decode is armed on a thread, abort() on that thread
// (raised synchronously, so delivered to the same thread) jumps back to the decode function,
// which reports an error and deliberately leaks the library's half-built state rather than
// touch it again. glibc's abort() releases its lock before raising SIGABRT, so leaving the
// handler by siglongjmp is safe. Any other abort() goes to the handler installed before ours
// (the Swift runtime's crash reporter, or the default action).

#include "ccs_abort_guard.h"

#include <pthread.h>
#include <signal.h>
#include <stddef.h>
#include <string.h>

static struct sigaction previous_action;
static pthread_once_t install_once = PTHREAD_ONCE_INIT;
static int installed = 0;
static _Thread_local sigjmp_buf *armed_target = NULL;

static void on_abort(int signal_number, siginfo_t *info, void *context) {
  sigjmp_buf *target = armed_target;
  if (target != NULL) {
    armed_target = NULL;
    siglongjmp(*target, 1);
  }
  if (previous_action.sa_flags & SA_SIGINFO) {
    if (previous_action.sa_sigaction != NULL) {
      previous_action.sa_sigaction(signal_number, info, context);
    }
  } else if (previous_action.sa_handler != SIG_DFL && previous_action.sa_handler != SIG_IGN) {
    previous_action.sa_handler(signal_number);
  }
  // Returning from a SIGABRT handler makes abort() restore the default action and terminate.
}

static void install(void) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_sigaction = on_abort;
  action.sa_flags = SA_SIGINFO | SA_ONSTACK;
  sigemptyset(&action.sa_mask);
  installed = sigaction(SIGABRT, &action, &previous_action) == 0;
}

int ccs_abort_guard_install(void) {
  pthread_once(&install_once, install);
  return installed;
}

void ccs_abort_guard_arm(sigjmp_buf *target) { armed_target = target; }

void ccs_abort_guard_disarm(void) { armed_target = NULL; }
