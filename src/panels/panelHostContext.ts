/**
 * What the panel hosts need of the extension besides the portfolio: the connection (its client, its changes) and
 * the log. Not the commands' FlowContext: a panel runs a money flow only through its command.
 */
import type * as vscode from 'vscode';
import type { Connection } from '../connection';

export interface PanelHostContext {
  readonly connection: Connection;
  readonly log: vscode.LogOutputChannel;
}

