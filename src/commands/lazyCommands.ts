/**
 * Commands whose code loads on first use. At start-up each id is registered with a stand-in; the first run of any
 * of them loads the module, which registers the real commands in the stand-ins' place (its own `register…`
 * function, unchanged), and then runs the one that was asked for. The ids are listed in ./commandIds; an
 * integration test checks that every command package.json contributes is registered at start-up.
 */
import * as vscode from 'vscode';

export class LazyCommands implements vscode.Disposable {
  private standIns: vscode.Disposable[];
  private real: vscode.Disposable[] = [];
  private loading: Promise<void> | undefined;
  private disposed = false;

  /** `load` resolves to what registers the real commands (called once, after the stand-ins are gone). */
  constructor(
    ids: readonly string[],
    private readonly load: () => Promise<() => vscode.Disposable[]>,
  ) {
    this.standIns = ids.map((id) =>
      vscode.commands.registerCommand(id, async (...args: unknown[]) => {
        await this.loaded();
        return vscode.commands.executeCommand(id, ...args);
      }),
    );
  }

  /** Loads the module and puts its commands in place (once; again after a failed load). */
  loaded(): Promise<void> {
    this.loading ??= this.load().then(
      (register) => {
        if (this.disposed || this.standIns.length === 0) return;
        for (const standIn of this.standIns) standIn.dispose();
        this.standIns = [];
        this.real = register();
      },
      (error: unknown) => {
        this.loading = undefined;
        throw error;
      },
    );
    return this.loading;
  }

  dispose(): void {
    this.disposed = true;
    for (const registration of [...this.standIns, ...this.real]) registration.dispose();
    this.standIns = [];
    this.real = [];
  }
}
