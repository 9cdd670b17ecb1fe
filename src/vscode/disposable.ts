// No `vscode` import: anything with dispose() will do, and this stays unit-testable.
export interface DisposableLike {
  dispose(): unknown;
}

/**
 * Disposes all of them, last first. One that throws does not stop the rest: the errors are
 * thrown together at the end (the one error alone, several as an AggregateError).
 */
export function disposeAll(disposables: DisposableLike[]): void {
  const errors: unknown[] = [];
  while (disposables.length) {
    try {
      disposables.pop()?.dispose();
    } catch (e) {
      errors.push(e);
    }
  }
  if (errors.length === 1) { throw errors[0]; }
  if (errors.length > 1) { throw new AggregateError(errors, `${errors.length} errors while disposing`); }
}

/** Base for objects that own registrations: everything `_register`ed goes with `dispose()`. */
export abstract class Disposable implements DisposableLike {
  private readonly disposables: DisposableLike[] = [];
  private disposed = false;

  protected get isDisposed(): boolean {
    return this.disposed;
  }

  protected _register<T extends DisposableLike>(d: T): T {
    if (this.disposed) {
      d.dispose();
    } else {
      this.disposables.push(d);
    }
    return d;
  }

  dispose(): void {
    if (this.disposed) { return; }
    this.disposed = true;
    disposeAll(this.disposables);
  }
}
