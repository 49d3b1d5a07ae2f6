// Turns abort() inside a guarded library call into an error return on the calling thread.

#ifndef CCS_ABORT_GUARD_H
#define CCS_ABORT_GUARD_H

#include <setjmp.h>

/// Installs the SIGABRT handler once per process; returns 0 if it could not be installed.
int ccs_abort_guard_install(void);

/// Makes abort() on this thread jump to `target` (taken with sigsetjmp(target, 1)).
void ccs_abort_guard_arm(sigjmp_buf *target);

/// Stops intercepting abort() on this thread.
void ccs_abort_guard_disarm(void);

#endif
