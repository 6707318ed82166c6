/**
 * Thrown errors are for program and usage problems only; bad input is a Diagnostic.
 * cli/main.ts maps these classes to exit codes: UsageError 2, InputFileError 3, InternalError 70.
 */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

export class InputFileError extends Error {
  override readonly name = "InputFileError";
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
  }
}

export class InternalError extends Error {
  override readonly name = "InternalError";
  constructor(message: string) {
    super(`${message} (this is a bug in sipta: please report it with the input that triggered it)`);
  }
}
