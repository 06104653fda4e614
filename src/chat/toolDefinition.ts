/** What a chat tool is to the runner (./tools): its name, kind, input, what it would do in words, and how it runs. */
import type * as vscode from 'vscode';
import type { InputSpec, ToolInput } from './toolInput';
import type { ToolKind as Kind } from './toolNames';

export interface ToolDefinition {
  readonly name: string;
  readonly kind: Kind;
  readonly input: InputSpec;
  /** For action tools: what it would do, in words (shown before it runs). */
  describe?(input: ToolInput): string;
  run(input: ToolInput, token: vscode.CancellationToken): Promise<string>;
}
