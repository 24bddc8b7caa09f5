/** The part of LSP's CancellationToken the engine reads (kept here so the engine imports no connection). */
export interface CancellationToken {
  readonly isCancellationRequested: boolean;
}
