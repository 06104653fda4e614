/**
 * Language-model tools for the editor's chat: read tools (portfolio, positions, loan risk with a what-if, offers
 * by APY, rate histories, histories) and action tools (purchase, redeem, cancel, stake, savings, lending rate,
 * collateral, borrow, repay). An action tool never moves money by itself: it runs the very flow the command
 * runs, its questions answered from the tool's input and checked exactly as typed answers are, up to the
 * flow's own confirmation, which only the user's click in OKX Earn's dialog passes; the same one-at-a-time
 * guard, rate limiter and send-once rule apply. The action tools can be switched off
 * (`okxEarn.chat.actionTools`); without a key, no tool works and each says how to set one. This is the runner;
 * the tools themselves are in ./readTools and a file per product (./onchainTools, ./stakingTools, ./savingsTools,
 * ./okusdTools, ./dualTools, ./loanTools, ./autoEarnTools, ./compareTool).
 */
import * as vscode from 'vscode';
import type { FlowContext } from '../commands/moneyAction';
import { runForTool } from '../commands/ui';
import { errorText } from '../messages';
import type { OkxClient } from '../okx/client';
import type { Pager } from '../okx/pager';
import type { AreaData, AreaId, Portfolio } from '../portfolio/portfolio';
import { environmentLabel } from '../settings';
import { autoEarnTools } from './autoEarnTools';
import { compareTool } from './compareTool';
import { dualTools } from './dualTools';
import { loanTools } from './loanTools';
import { okusdTools } from './okusdTools';
import { onchainTools } from './onchainTools';
import { readTools } from './readTools';
import { savingsTools } from './savingsTools';
import { stakingTools } from './stakingTools';
import { checkToolInput } from './toolInput';
import { TOOL_KINDS, type ToolKind as Kind, type ToolName } from './toolNames';
import type { ToolDefinition, ToolHelpers } from './toolDefinition';
import * as text from './toolText';

export type { ToolDefinition } from './toolDefinition';

/**
 * What each tool does, for ./lazyTools, which registers the tools at start-up and loads this module when one is
 * first used. A tool's kind is ./toolNames' (checked here against each definition).
 */
export class ChatToolRunner {
  private readonly tools: ReadonlyMap<string, ToolDefinition>;

  constructor(private readonly flows: FlowContext) {
    this.tools = new Map(this.definitions().map((tool) => [tool.name, tool]));
    for (const [name, tool] of this.tools) {
      if (TOOL_KINDS[name as ToolName] !== tool.kind) throw new Error(`Chat tool ${name}: ${tool.kind} here, ${String(TOOL_KINDS[name as ToolName])} in toolNames`);
    }
  }

  /** The tools defined here, with their kinds (for the unit test that keeps ./toolNames in step). */
  kinds(): [string, Kind][] {
    return [...this.tools.values()].map((tool) => [tool.name, tool.kind]);
  }

  private get portfolio(): Portfolio {
    return this.flows.portfolio;
  }

  private where(): string {
    const { environment, profile } = this.flows.connection.current;
    return text.whereText(vscode.l10n, environmentLabel(environment), profile);
  }

  private client(): OkxClient | undefined {
    const client = this.flows.connection.current.client;
    return client?.hasCredentials === true ? client : undefined;
  }

  private tool(name: string): ToolDefinition {
    const tool = this.tools.get(name);
    if (tool === undefined) throw new Error(`No chat tool ${name}`);
    return tool;
  }

  /** What VS Code shows before the tool runs (for an action tool, the confirmation). */
  prepare(name: string, options: vscode.LanguageModelToolInvocationPrepareOptions<unknown>): vscode.PreparedToolInvocation {
    const tool = this.tool(name);
    const checked = checkToolInput(options.input, tool.input);
    if (tool.kind === 'read' || !checked.ok || this.client() === undefined) {
      return { invocationMessage: vscode.l10n.t('Reading your OKX Earn account ({0})', this.where()) };
    }
    const what = tool.describe?.(checked.input) ?? tool.name;
    const real = ['production', 'us', 'eea'].includes(this.flows.connection.current.environment);
    const message = real
      ? vscode.l10n.t('REAL MONEY: {0}, on {1}. OKX Earn will ask you to confirm it in its own dialog before anything is sent.', what, this.where())
      : vscode.l10n.t('{0}, on {1}. OKX Earn will ask you to confirm it in its own dialog before anything is sent.', what, this.where());
    return {
      invocationMessage: vscode.l10n.t('Preparing: {0}', what),
      confirmationMessages: { title: real ? vscode.l10n.t('OKX Earn (REAL MONEY): {0}', what) : vscode.l10n.t('OKX Earn: {0}', what), message: new vscode.MarkdownString(message) },
    };
  }

  /** Runs the tool: its answer to the model. */
  async invoke(name: string, options: vscode.LanguageModelToolInvocationOptions<unknown>, token: vscode.CancellationToken): Promise<vscode.LanguageModelToolResult> {
    const tool = this.tool(name);
    const checked = checkToolInput(options.input, tool.input);
    let answer: string;
    if (!checked.ok) {
      answer = vscode.l10n.t('The input was refused, nothing was done: {0}', vscode.l10n.t(checked.problem.template, ...checked.problem.args));
    } else if (this.client() === undefined) {
      answer = text.noKeyText(vscode.l10n);
    } else {
      try {
        answer = await tool.run(checked.input, token);
      } catch (error) {
        answer = vscode.l10n.t('It could not be done ({0}): {1}', this.where(), errorText(error));
      }
    }
    this.flows.log.info(`Chat tool ${tool.name}: ${checked.ok ? 'ran' : 'input refused'}`);
    return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(answer)]);
  }

  // ------------------------------------------------------------------ reading

  private async areas<K extends AreaId>(...areas: K[]): Promise<{ [P in K]?: AreaData[P] }> {
    await this.portfolio.refresh(areas);
    const out: { [P in K]?: AreaData[P] } = {};
    for (const area of areas) {
      const state = this.portfolio.get(area);
      if (state.status === 'ready') out[area] = state.data;
      if (state.status === 'error') throw state.error;
    }
    return out;
  }

  private async history<R>(pager: Pager<R>, since: number, limit: number, timeOf: (r: R) => string): Promise<{ records: R[]; more: boolean }> {
    const records: R[] = [];
    for (let pages = 0; pages < 20 && !pager.done; pages++) {
      const page = await pager.next();
      for (const r of page) {
        if (Number(timeOf(r)) < since) return { records, more: false };
        if (records.length === limit) return { records, more: true };
        records.push(r);
      }
    }
    return { records, more: !pager.done };
  }

  private definitions(): ToolDefinition[] {
    const l10n = vscode.l10n;
    const flowFor = <A>(what: string, run: (context: FlowContext) => Promise<A>, answers: Record<string, string>): Promise<string> =>
      runForTool(answers, () => run(this.flows)).then(({ result, run: r }) =>
        text.actionText(l10n, this.where(), what, { done: result === true, confirmation: r.confirmation, problems: r.problems, said: r.said, ...(r.outcome === undefined ? {} : { outcome: r.outcome }) }),
      );
    const helpers: ToolHelpers = {
      where: () => this.where(),
      areas: (...a) => this.areas(...a),
      flowFor,
      notFound: (what) => l10n.t('Not sent ({0}): {1}', this.where(), what),
      portfolio: () => this.portfolio,
      client: () => this.client() as OkxClient,
      history: (pager, since, limit, timeOf) => this.history(pager, since, limit, timeOf),
    };

    return [
      compareTool(() => this.portfolio, () => this.where()),
      ...autoEarnTools(helpers),
      ...readTools(helpers),
      // The action tools: the command's flow, pre-filled.
      ...onchainTools(helpers),
      ...stakingTools(helpers),
      ...savingsTools(helpers),
      ...okusdTools(helpers),
      ...dualTools(helpers),
      ...loanTools(helpers),
    ];
  }
}
