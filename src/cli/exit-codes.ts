/** Documented exit codes (README, `sipta --help`). */
export const ExitCode = {
  Ok: 0,
  /** `--fail-on` matched an annotation outcome (or `lint` found grammar violations). */
  FailOn: 1,
  Usage: 2,
  /** An input could not be opened or read. */
  InputUnreadable: 3,
  /** A bug in sipta. */
  Internal: 70,
  /** The output could not be written (EX_IOERR of sysexits.h): disk full, I/O error. A closed pipe is not this: exit 0. */
  OutputFailed: 74,
} as const;
