// Signal handlers for a crash-safe terminal and the resize / termination flags the caller polls.
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include "CTermShims.h"

static const int fatal_signals[] = {SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL, SIGTRAP};
static const int termination_signals[] = {SIGHUP, SIGTERM, SIGINT};
#define FATAL_COUNT (sizeof fatal_signals / sizeof fatal_signals[0])
#define TERMINATION_COUNT (sizeof termination_signals / sizeof termination_signals[0])

static struct sigaction previous_fatal[FATAL_COUNT];
static struct sigaction previous_termination[TERMINATION_COUNT];
static struct sigaction previous_winch;
static int installed = 0;
static int notify_on_termination = 0;
static volatile sig_atomic_t resize_pending = 0;
static volatile sig_atomic_t termination_pending = 0;
static volatile sig_atomic_t termination_seen = 0;
static int wake_pipe[2] = {-1, -1};

static void wake(void) {
  if (wake_pipe[1] < 0) return;
  int saved_errno = errno;
  char byte = 1;
  (void)!write(wake_pipe[1], &byte, 1);  // A full pipe already wakes the reader.
  errno = saved_errno;
}

static void die_with_default_action(int signal_number) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = SIG_DFL;
  sigemptyset(&action.sa_mask);
  sigaction(signal_number, &action, NULL);
  // Blocked inside this handler, so it is delivered (and kills) when the handler returns.
  raise(signal_number);
}

static void on_fatal(int signal_number) {
  annotty_restore_now();
  for (size_t index = 0; index < FATAL_COUNT; index++) {
    if (fatal_signals[index] != signal_number) continue;
    struct sigaction previous = previous_fatal[index];
    if (!(previous.sa_flags & SA_SIGINFO) && previous.sa_handler == SIG_IGN) {
      previous.sa_handler = SIG_DFL;
    }
    // The previous handler (Swift's backtracer, or the default action) reports the crash
    // now that the normal screen is back.
    sigaction(signal_number, &previous, NULL);
  }
  raise(signal_number);
}

static void on_termination(int signal_number) {
  if (notify_on_termination && termination_seen == 0) {
    termination_seen = 1;
    termination_pending = signal_number;
    wake();
    return;
  }
  annotty_restore_now();
  die_with_default_action(signal_number);
}

static void on_resize(int signal_number) {
  (void)signal_number;
  resize_pending = 1;
  wake();
}

static void install(int signal_number, void (*handler)(int), struct sigaction *previous) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = handler;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  sigaction(signal_number, &action, previous);
}

static int make_wake_pipe(void) {
  if (wake_pipe[0] >= 0) return 0;
  if (pipe(wake_pipe) != 0) return -1;
  for (int end = 0; end < 2; end++) {
    fcntl(wake_pipe[end], F_SETFL, fcntl(wake_pipe[end], F_GETFL) | O_NONBLOCK);
    fcntl(wake_pipe[end], F_SETFD, FD_CLOEXEC);
  }
  return 0;
}

int annotty_signals_install(int notify_termination) {
  if (make_wake_pipe() != 0) return -1;
  notify_on_termination = notify_termination;
  if (installed) return 0;
  for (size_t index = 0; index < FATAL_COUNT; index++) {
    install(fatal_signals[index], on_fatal, &previous_fatal[index]);
  }
  for (size_t index = 0; index < TERMINATION_COUNT; index++) {
    install(termination_signals[index], on_termination, &previous_termination[index]);
  }
  install(SIGWINCH, on_resize, &previous_winch);
  // A parent may have started us with these blocked (a test runner, a job-control wrapper):
  // a blocked SIGHUP would leave annotty running after the terminal is gone.
  sigset_t handled;
  sigemptyset(&handled);
  for (size_t index = 0; index < TERMINATION_COUNT; index++) {
    sigaddset(&handled, termination_signals[index]);
  }
  sigaddset(&handled, SIGWINCH);
  sigprocmask(SIG_UNBLOCK, &handled, NULL);
  installed = 1;
  return 0;
}

void annotty_signals_uninstall(void) {
  if (!installed) return;
  for (size_t index = 0; index < FATAL_COUNT; index++) {
    sigaction(fatal_signals[index], &previous_fatal[index], NULL);
  }
  for (size_t index = 0; index < TERMINATION_COUNT; index++) {
    sigaction(termination_signals[index], &previous_termination[index], NULL);
  }
  sigaction(SIGWINCH, &previous_winch, NULL);
  installed = 0;
}

int annotty_take_resize(void) { return __atomic_exchange_n(&resize_pending, 0, __ATOMIC_SEQ_CST); }

int annotty_take_termination(void) {
  return __atomic_exchange_n(&termination_pending, 0, __ATOMIC_SEQ_CST);
}

int annotty_wake_fd(void) { return wake_pipe[0]; }

void annotty_drain_wake(void) {
  char buffer[64];
  if (wake_pipe[0] < 0) return;
  while (read(wake_pipe[0], buffer, sizeof buffer) > 0) {
  }
}
