/* The one clock of the time limits (max_seconds): monotonic, so a change
 * of the wall clock never cuts or stretches a summary's time. */
#ifndef NF_CORE_CLOCK_H
#define NF_CORE_CLOCK_H

/* Seconds on a monotonic clock. */
double clock_now(void);

#endif
