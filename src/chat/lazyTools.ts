/**
 * The chat tools, registered at start-up by name (./toolNames): the read tools always, the action tools while
 * okxEarn.chat.actionTools allows them. What they do (./tools, with the money flows it runs) loads when the
 * first one is prepared or invoked.
 */
import * as vscode from 'vscode';
import type { ChatToolRunner } from './tools';
import { ACTION_TOOLS_SETTING, TOOL_KINDS, type ToolName } from './toolNames';

export class ChatTools implements vscode.Disposable {
  private readonly registrations = new Map<ToolName, vscode.Disposable>();
  private readonly subscription: vscode.Disposable;
  private runner: Promise<ChatToolRunner> | undefined;

  constructor(private readonly load: () => Promise<ChatToolRunner>) {
    this.sync();
    this.subscription = vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`okxEarn.${ACTION_TOOLS_SETTING}`)) this.sync();
    });
  }

  /** Registers the read tools always, the action tools only while the setting allows them. */
  private sync(): void {
    const actions = vscode.workspace.getConfiguration('okxEarn').get<boolean>(ACTION_TOOLS_SETTING, true);
    for (const name of Object.keys(TOOL_KINDS) as ToolName[]) {
      const wanted = TOOL_KINDS[name] === 'read' || actions;
      const registered = this.registrations.get(name);
      if (wanted && registered === undefined) this.registrations.set(name, this.register(name));
      if (!wanted && registered !== undefined) {
        registered.dispose();
        this.registrations.delete(name);
      }
    }
  }

  /** The names of the tools registered now (for tests). */
  registered(): string[] {
    return [...this.registrations.keys()].sort();
  }

  /** The tools' code, loaded once (again after a failed load). */
  private loaded(): Promise<ChatToolRunner> {
    this.runner ??= this.load().catch((error: unknown) => {
      this.runner = undefined;
      throw error;
    });
    return this.runner;
  }

  private register(name: ToolName): vscode.Disposable {
    return vscode.lm.registerTool<unknown>(name, {
      prepareInvocation: async (options) => (await this.loaded()).prepare(name, options),
      invoke: async (options, token) => (await this.loaded()).invoke(name, options, token),
    });
  }

  dispose(): void {
    this.subscription.dispose();
    for (const registration of this.registrations.values()) registration.dispose();
    this.registrations.clear();
  }
}
