#ifndef ANNOTTY_CTERMSHIMS_H
#define ANNOTTY_CTERMSHIMS_H
// What Swift cannot call itself: ncurses macros and globals, ioctl, and the async-signal-safe
// terminal restore. Windows are passed as `void *` so this header does not include curses.h a
// second time (the CNcursesW module owns those types).
#include <stddef.h>
#include <stdint.h>
#include <termios.h>

/// Text attributes for annotty_put_cell, combined with `|`.
enum {
  ANNOTTY_ATTR_BOLD = 1,
  ANNOTTY_ATTR_DIM = 2,
  ANNOTTY_ATTR_UNDERLINE = 4,
  ANNOTTY_ATTR_REVERSE = 8,
  ANNOTTY_ATTR_INVISIBLE = 16,
};

/// ncurses' COLORS and COLOR_PAIRS for the current screen.
int annotty_curses_colors(void);
int annotty_curses_color_pairs(void);
/// ncurses' idea of what the terminal shows (the `curscr` global).
void *annotty_curses_curscr(void);
/// The current screen's `stdscr`.
void *annotty_curses_stdscr(void);
/// getmaxyx.
void annotty_curses_max_yx(void *window, int *rows, int *columns);
/// setcchar + mvwadd_wch: one cell of up to 5 code points in a color pair with attributes.
int annotty_put_cell(void *window, int row, int column, const int32_t *codepoints, int count,
                     unsigned attributes, int pair);
/// Writes a cell into `curscr` without output, keeping curscr's cursor where it was.
int annotty_put_known_cell(int row, int column, const int32_t *codepoints, int count,
                           unsigned attributes, int pair);

/// The terminal size of `fd` (TIOCGWINSZ); -1 on failure.
int annotty_terminal_size(int fd, int *rows, int *columns);
/// Sets the terminal size of `fd` (TIOCSWINSZ, on a pty master); -1 on failure.
int annotty_set_terminal_size(int fd, int rows, int columns);

/// Saves what the crash-time restore needs: the fd to write to, the reset bytes (at most 1023)
/// and the termios to put back. Also registers the atexit restore once. Returns -1 if too long.
int annotty_restore_arm(int fd, const char *reset, size_t length, const struct termios *saved);
/// Forgets the saved state, so later signals or exit do not write anything.
void annotty_restore_disarm(void);
/// Writes the reset bytes and puts the termios back, once; async-signal-safe.
void annotty_restore_now(void);

/// Installs handlers: fatal signals (SEGV, ABRT, BUS, FPE, ILL, TRAP) restore and then re-raise
/// into the handler that was there before (SIG_DFL or Swift's backtracer); HUP, TERM, INT restore
/// and die with the default action when `notify_termination` is 0, or else only record the
/// signal and wake the pipe (a second one restores and dies); WINCH records a flag and wakes.
/// Returns -1 if the wake pipe cannot be made.
int annotty_signals_install(int notify_termination);
/// Puts back the handlers that were there before annotty_signals_install.
void annotty_signals_uninstall(void);
/// 1 if SIGWINCH arrived since the last call, clearing the flag.
int annotty_take_resize(void);
/// The termination signal that arrived (0 if none), clearing it.
int annotty_take_termination(void);
/// Read end of the self-pipe (non-blocking) for poll(); drained by annotty_drain_wake.
int annotty_wake_fd(void);
void annotty_drain_wake(void);

/// Opens a pseudo-terminal pair (both close-on-exec); -1 on failure.
int annotty_open_pty(int *master, int *slave);

#endif
