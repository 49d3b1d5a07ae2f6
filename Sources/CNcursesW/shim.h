#ifndef ANNOTTY_CNCURSESW_SHIM_H
#define ANNOTTY_CNCURSESW_SHIM_H
// The wide-character API (cchar_t, setcchar, wadd_wch) is only declared with these set.
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <ncursesw/curses.h>
#endif
