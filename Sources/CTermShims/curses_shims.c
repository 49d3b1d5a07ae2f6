// Wrappers for ncurses macros and globals, which Swift does not import.
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <ncursesw/curses.h>
#include <sys/ioctl.h>
#include <wchar.h>
#include "CTermShims.h"

int annotty_curses_colors(void) { return COLORS; }

int annotty_curses_color_pairs(void) { return COLOR_PAIRS; }

void *annotty_curses_curscr(void) { return curscr; }

void *annotty_curses_stdscr(void) { return stdscr; }

void annotty_curses_max_yx(void *window, int *rows, int *columns) {
  int y = 0, x = 0;
  if (window != NULL) getmaxyx((WINDOW *)window, y, x);
  *rows = y;
  *columns = x;
}

static attr_t curses_attributes(unsigned attributes) {
  attr_t result = A_NORMAL;
  if (attributes & ANNOTTY_ATTR_BOLD) result |= A_BOLD;
  if (attributes & ANNOTTY_ATTR_DIM) result |= A_DIM;
  if (attributes & ANNOTTY_ATTR_UNDERLINE) result |= A_UNDERLINE;
  if (attributes & ANNOTTY_ATTR_REVERSE) result |= A_REVERSE;
  if (attributes & ANNOTTY_ATTR_INVISIBLE) result |= A_INVIS;
  return result;
}

int annotty_put_cell(void *window, int row, int column, const int32_t *codepoints, int count,
                     unsigned attributes, int pair) {
  wchar_t text[CCHARW_MAX + 1];
  int length = count < CCHARW_MAX ? count : CCHARW_MAX;
  for (int index = 0; index < length; index++) text[index] = (wchar_t)codepoints[index];
  text[length] = L'\0';
  cchar_t cell;
  if (setcchar(&cell, text, curses_attributes(attributes), (short)pair, NULL) == ERR) return ERR;
  // The last cell of a non-scrolling window reports ERR after storing the character.
  return mvwadd_wch((WINDOW *)window, row, column, &cell);
}

int annotty_put_known_cell(int row, int column, const int32_t *codepoints, int count,
                           unsigned attributes, int pair) {
  int cursor_row = getcury(curscr), cursor_column = getcurx(curscr);
  int result = annotty_put_cell(curscr, row, column, codepoints, count, attributes, pair);
  wmove(curscr, cursor_row, cursor_column);
  return result;
}

int annotty_terminal_size(int fd, int *rows, int *columns) {
  struct winsize size;
  if (ioctl(fd, TIOCGWINSZ, &size) != 0) return -1;
  *rows = size.ws_row;
  *columns = size.ws_col;
  return 0;
}

int annotty_set_terminal_size(int fd, int rows, int columns) {
  struct winsize size = {0};
  size.ws_row = (unsigned short)rows;
  size.ws_col = (unsigned short)columns;
  return ioctl(fd, TIOCSWINSZ, &size);
}
