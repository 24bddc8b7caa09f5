/**
 * What happens when the language server process dies unexpectedly. The decision to restart stays
 * vscode-languageclient's standard policy (its default error handler: restart up to 4 times in
 * 3 minutes, then give up); this wrapper only adds what the user is told:
 *   - the first crash of the session that is followed by a restart: one notice (and a log line);
 *   - later crashes that are restarted: a log line only;
 *   - when the policy gives up: a clear error (shown by the caller), instead of the library's
 *     untranslated one.
 * A deliberate stop (the restart command, deactivation) never reaches `closed()`: the client skips
 * the error handler while it is stopping.
 *
 * No runtime import of `vscode` / `vscode-languageclient` here, so tests/unit can test it in Node.
 */
import type { CloseAction, CloseHandlerResult, ErrorAction, ErrorHandler, ErrorHandlerResult, Message } from 'vscode-languageclient';

// vscode-languageclient's enum values (checked against its types by `satisfies`).
const RESTART = 2 satisfies CloseAction.Restart as CloseAction.Restart;
const DO_NOT_RESTART = 1 satisfies CloseAction.DoNotRestart as CloseAction.DoNotRestart;
const CONTINUE = 1 satisfies ErrorAction.Continue as ErrorAction.Continue;
const SHUTDOWN = 2 satisfies ErrorAction.Shutdown as ErrorAction.Shutdown;

/** A write to a server process that has just died: the pipe or IPC channel is gone. */
export function isServerGone(error: Error): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'EPIPE' || code === 'ERR_IPC_CHANNEL_CLOSED' || code === 'ECONNRESET' || /\b(EPIPE|channel closed)\b/i.test(error.message);
}

export interface CrashHooks {
  /** The server died and is being restarted. `notify`: tell the user (true once per session). */
  restarting(crash: number, notify: boolean): void;
  /** The standard policy gives up (`reason`: the library's English explanation). Shows the error. */
  gaveUp(crash: number, reason: string | undefined): void;
  /** A write failed because the server process is gone; its close (and `closed()`) follows. */
  writeFailed(error: Error): void;
}

export class CrashNoticeHandler implements ErrorHandler {
  private inner: ErrorHandler | undefined;
  private crashes = 0;
  private notified = false;

  /** `createDefault`: the standard policy, e.g. `() => client.createDefaultErrorHandler()` (called lazily). */
  constructor(
    private readonly createDefault: () => ErrorHandler,
    private readonly hooks: CrashHooks,
  ) {}

  /** Number of unexpected exits of the server seen in this session. */
  get crashCount(): number {
    return this.crashes;
  }

  /** After a deliberate restart: the standard policy counts from zero again (the notice stays "once per session"). */
  reset(): void {
    this.inner = undefined;
  }

  private policy(): ErrorHandler {
    this.inner ??= this.createDefault();
    return this.inner;
  }

  /**
   * A connection error. When the server was killed while the client was writing to it, the write
   * fails (EPIPE, "Channel closed") before the process' exit is seen, and the standard policy
   * answers "shut down" for such errors: the client would then stop for good, without ever asking
   * `closed()` (it skips it while stopping), and the crash would not be restarted. Those errors
   * are only logged: the connection's close follows, and `closed()` applies the restart policy.
   */
  async error(error: Error, message: Message | undefined, count: number | undefined): Promise<ErrorHandlerResult> {
    const result = await this.policy().error(error, message, count);
    if (result.action === SHUTDOWN && isServerGone(error)) {
      this.hooks.writeFailed(error);
      return { action: CONTINUE, handled: true };
    }
    return result;
  }

  async closed(): Promise<CloseHandlerResult> {
    const result = await this.policy().closed();
    this.crashes++;
    if (result.action === RESTART) {
      const notify = !this.notified;
      this.notified = true;
      this.hooks.restarting(this.crashes, notify);
      return { ...result, handled: true };
    }
    if (result.action === DO_NOT_RESTART) {
      this.hooks.gaveUp(this.crashes, result.message);
      return { ...result, handled: true };
    }
    return result;
  }
}
