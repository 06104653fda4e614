/**
 * What a chat tool is to the runner (./tools): its name, kind, input, what it would do in words, and how it runs;
 * and what the runner lends each product's tools to do it.
 */
import type * as vscode from 'vscode';
import type { FlowContext } from '../commands/moneyAction';
import type { OkxClient } from '../okx/client';
import type { Pager } from '../okx/pager';
import type { AreaData, AreaId, Portfolio } from '../portfolio/portfolio';
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

/** What the runner (./tools) gives a product's tools (./onchainTools, ./loanTools, …). */
export interface ToolHelpers {
  /** "OKX Earn, Sandbox", for every answer. */
  where(): string;
  /** Areas read now (an area that failed throws). */
  areas<K extends AreaId>(...areas: K[]): Promise<{ [P in K]?: AreaData[P] }>;
  /** Runs a flow for the tool and tells what became of it. */
  flowFor<A>(what: string, run: (context: FlowContext) => Promise<A>, answers: Record<string, string>): Promise<string>;
  /** "Not sent (where): what": the input names nothing there is. */
  notFound(what: string): string;
  portfolio(): Portfolio;
  /** The client with a key: a tool runs only when there is one. */
  client(): OkxClient;
  /** A history's records back to `since` (epoch ms), at most `limit`, and whether there are more. */
  history<R>(pager: Pager<R>, since: number, limit: number, timeOf: (r: R) => string): Promise<{ records: R[]; more: boolean }>;
}
