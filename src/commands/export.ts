/**
 * Export a history to CSV, from the palette or a view's title menu: which history (when the view does not say),
 * which range, which columns (readable, or OKX's raw fields), where (the save dialog: the folder chosen last
 * time, else Downloads, else home); then every page, with a cancellable progress notification. The file is
 * written only once the whole history has been read (to a temporary file beside it, then renamed over it), so
 * a cancelled or failed export leaves nothing behind and an existing file as it was.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { errorText, fullErrorText } from '../messages';
import type { OkxClient } from '../okx/client';
import type { ExportStyle } from '../portfolio/exportColumns';
import { EXPORT_KINDS, ExportCancelled, exportFileName, exportHistory, type ExportKind } from '../portfolio/historyExport';
import { downloadsOrHome } from './downloadsFolder';
import { columnLabel } from './exportLabels';
import { requireClient, type FlowContext } from './moneyAction';

const DAY = 24 * 60 * 60 * 1000;
/** globalState: the folder the user last chose in the save dialog, offered again. */
const LAST_FOLDER = 'okxEarn.export.folder';
/** globalState: the columns last chosen ('readable' or 'raw'), offered first. */
const LAST_STYLE = 'okxEarn.export.style';

function historyPick(kind: ExportKind): { label: string; description: string } {
  switch (kind) {
    case 'onchain': return { label: vscode.l10n.t('On-chain earn order history'), description: vscode.l10n.t('completed orders') };
    case 'eth': return { label: vscode.l10n.t('ETH staking history'), description: vscode.l10n.t('purchases and redemptions') };
    case 'sol': return { label: vscode.l10n.t('SOL staking history'), description: vscode.l10n.t('purchases and redemptions') };
    case 'savings': return { label: vscode.l10n.t('Savings lending history'), description: vscode.l10n.t('every currency, hour by hour') };
    case 'loan': return { label: vscode.l10n.t('Loan history'), description: vscode.l10n.t('every loan order, with its order id') };
    case 'interest': return { label: vscode.l10n.t('Loan interest'), description: vscode.l10n.t('accrued hour by hour, every loan order') };
    case 'okusdSubscribe': return { label: vscode.l10n.t('OKUSD subscriptions'), description: vscode.l10n.t('USDT exchanged for OKUSD, with client order ids') };
    case 'okusdRedeem': return { label: vscode.l10n.t('OKUSD redemptions'), description: vscode.l10n.t('fast and standard, with fees and settlement') };
    case 'okusdRewards': return { label: vscode.l10n.t('OKUSD rewards'), description: vscode.l10n.t('the daily yield, up to six months back') };
    case 'dual': return { label: vscode.l10n.t('Dual Investment orders'), description: vscode.l10n.t('open and settled, with yields and settlement') };
  }
}

interface Range {
  readonly label: string;
  /** Days back; everything OKX keeps when undefined. */
  readonly days: number | undefined;
}

function ranges(): Range[] {
  return [
    ...[7, 30, 90, 365].map((days) => ({ label: vscode.l10n.t('Last {0} days', days), days })),
    { label: vscode.l10n.t('Everything OKX keeps'), days: undefined },
  ];
}

interface Choice {
  readonly kind: ExportKind;
  readonly range: Range;
  readonly style: ExportStyle;
  readonly target: vscode.Uri;
}

function styles(state: vscode.Memento): { label: string; description: string; style: ExportStyle }[] {
  const readable = {
    label: vscode.l10n.t('Readable'),
    description: vscode.l10n.t('columns named in words, rates as percentages, times as dates (UTC)'),
    style: 'readable' as const,
  };
  const raw = { label: vscode.l10n.t("OKX's raw fields"), description: vscode.l10n.t("OKX's field names, values as sent, times in ISO 8601"), style: 'raw' as const };
  // The last choice first (readable the first time).
  return state.get<unknown>(LAST_STYLE) === 'raw' ? [raw, readable] : [readable, raw];
}

const isKind = (value: unknown): value is ExportKind => typeof value === 'string' && (EXPORT_KINDS as readonly string[]).includes(value);

/**
 * Where the save dialog opens: the folder the user chose last time, else their Downloads folder, else home.
 * Never the workspace: an export is not part of a project (and would show as an untracked file in it).
 */
function defaultFolder(state: vscode.Memento): vscode.Uri {
  const last = state.get<unknown>(LAST_FOLDER);
  if (typeof last === 'string') {
    try {
      return vscode.Uri.parse(last, true);
    } catch {
      // A damaged value: fall through to the defaults.
    }
  }
  return vscode.Uri.file(downloadsOrHome());
}

async function ask(state: vscode.Memento, kinds: readonly ExportKind[], arg: unknown): Promise<Choice | undefined> {
  let kind: ExportKind | undefined = isKind(arg) && kinds.includes(arg) ? arg : kinds.length === 1 ? kinds[0] : undefined;
  if (kind === undefined) {
    const chosen = await vscode.window.showQuickPick(
      kinds.map((k) => ({ ...historyPick(k), history: k })),
      { title: vscode.l10n.t('Export which history to CSV?'), ignoreFocusOut: true },
    );
    kind = chosen?.history;
  }
  if (kind === undefined) return undefined;
  const { label } = historyPick(kind);
  const range = await vscode.window.showQuickPick(ranges(), { title: vscode.l10n.t('Export {0}: which records?', label), ignoreFocusOut: true });
  if (range === undefined) return undefined;
  const columns = await vscode.window.showQuickPick(styles(state), { title: vscode.l10n.t('Export {0}: which columns?', label), ignoreFocusOut: true });
  if (columns === undefined) return undefined;
  const target = await vscode.window.showSaveDialog({
    title: vscode.l10n.t('Export {0} to CSV', label),
    saveLabel: vscode.l10n.t('Export'),
    defaultUri: vscode.Uri.joinPath(defaultFolder(state), exportFileName(kind, new Date())),
    filters: { [vscode.l10n.t('CSV files')]: ['csv'] },
  });
  if (target === undefined) return undefined;
  // Remembered as soon as chosen: the next export offers this folder, and these columns first.
  await state.update(LAST_FOLDER, vscode.Uri.joinPath(target, '..').toString());
  await state.update(LAST_STYLE, columns.style);
  return { kind, range, style: columns.style, target };
}

/** Writes the whole text at once: to a temporary file beside the target, renamed over it when complete. */
async function writeWhole(target: vscode.Uri, text: string): Promise<void> {
  const name = target.path.slice(target.path.lastIndexOf('/') + 1);
  const temp = vscode.Uri.joinPath(target, '..', `.${name}.${randomBytes(4).toString('hex')}.part`);
  try {
    await vscode.workspace.fs.writeFile(temp, Buffer.from(text, 'utf8'));
    await vscode.workspace.fs.rename(temp, target, { overwrite: true });
  } catch (error) {
    await Promise.resolve(vscode.workspace.fs.delete(temp)).catch(() => undefined);
    throw error;
  }
}


/** Reads and writes one export; says how it went. True when the file was written. */
async function run(context: FlowContext, state: vscode.Memento, client: OkxClient, choice: Choice): Promise<boolean> {
  const { kind, range, style, target } = choice;
  const { label } = historyPick(kind);
  const name = target.path.slice(target.path.lastIndexOf('/') + 1);
  const since = range.days === undefined ? undefined : Date.now() + client.clockOffsetMs - range.days * DAY;
  try {
    const records = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Exporting {0}', label), cancellable: true },
      async (progress, token) => {
        const controller = new AbortController();
        const subscription = token.onCancellationRequested(() => controller.abort());
        try {
          const result = await exportHistory(client, kind, {
            ...(since === undefined ? {} : { since }),
            ...(style === 'readable' ? { readable: columnLabel } : {}),
            signal: controller.signal,
            onProgress: (n) => progress.report({ message: n === 1 ? vscode.l10n.t('1 record so far') : vscode.l10n.t('{0} records so far', n) }),
          });
          // Cancelled after the last page but before writing: still nothing is written.
          if (token.isCancellationRequested) throw new ExportCancelled();
          progress.report({ message: vscode.l10n.t('Writing {0}', name) });
          await writeWhole(target, result.csv);
          return result.records;
        } finally {
          subscription.dispose();
        }
      },
    );
    context.log.info(`Exported ${records} records of ${kind} history (${style}) to ${target.toString(true)}`);
    const open = vscode.l10n.t('Open');
    const message =
      records === 0
        ? vscode.l10n.t('{0}: OKX has no records in this range, so {1} holds the header row only.', label, name)
        : records === 1
          ? vscode.l10n.t('{0}: 1 record exported to {1}.', label, name)
          : vscode.l10n.t('{0}: {1} records exported to {2}.', label, records, name);
    void Promise.resolve(vscode.window.showInformationMessage(message, open)).then((picked) => {
      if (picked === open) void vscode.commands.executeCommand('vscode.open', target);
    });
    return true;
  } catch (error) {
    if (error instanceof ExportCancelled) {
      context.log.info(`Export of ${kind} history cancelled; nothing written`);
      void vscode.window.showInformationMessage(vscode.l10n.t('{0}: export cancelled. Nothing was written.', label));
      return false;
    }
    context.log.warn(`Export of ${kind} history failed: ${errorText(error)}`);
    const retry = vscode.l10n.t('Retry');
    const picked = await vscode.window.showErrorMessage(vscode.l10n.t('{0}: the export failed, and nothing was written. {1}', label, fullErrorText(error)), retry);
    if (picked !== retry) return false;
    const again = requireClient(context);
    return again === undefined ? false : run(context, state, again, choice);
  }
}

/** Asks, reads, writes; from the palette (`kinds`: every history) or a view's title menu (its histories). */
export async function exportHistoryFlow(context: FlowContext, state: vscode.Memento, kinds: readonly ExportKind[], arg?: unknown): Promise<boolean> {
  if (requireClient(context) === undefined) return false;
  const choice = await ask(state, kinds, arg);
  if (choice === undefined) return false;
  // The connection may have changed while the questions were open: the export reads with the current one.
  const client = requireClient(context);
  return client === undefined ? false : run(context, state, client, choice);
}

/** The palette's command, and one per view for its title menu. */
export function registerExportCommands(context: FlowContext, state: vscode.Memento): vscode.Disposable[] {
  const commands: Record<string, readonly ExportKind[]> = {
    'okxEarn.exportHistory': EXPORT_KINDS,
    'okxEarn.staking.exportHistory': ['onchain', 'eth', 'sol'],
    'okxEarn.savings.exportHistory': ['savings'],
    'okxEarn.loans.exportHistory': ['loan', 'interest'],
    'okxEarn.moreEarn.exportHistory': ['okusdSubscribe', 'okusdRedeem', 'okusdRewards', 'dual'],
  };
  return Object.entries(commands).map(([id, kinds]) =>
    vscode.commands.registerCommand(id, async (arg?: unknown) => {
      try {
        return await exportHistoryFlow(context, state, kinds, arg);
      } catch (error) {
        // Whatever went wrong before anything was read (a dialog that failed to open): said, nothing written.
        context.log.warn(`${id}: ${errorText(error)}`);
        void vscode.window.showErrorMessage(vscode.l10n.t('Could not export: {0}', errorText(error)));
        return false;
      }
    }),
  );
}
