/** One diagnostic code: stable snake_case name prefixed by its layer, default severity, one-line explanation. */
export interface CodeSpec {
  readonly code: string;
  readonly severity: "error" | "warning" | "info";
  readonly doc: string;
}
