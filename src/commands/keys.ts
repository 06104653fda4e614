/**
 * Keys: set (checked against OKX with a read call before anything is saved), remove, switch profile, and the
 * sandbox for trying everything without one. Keys go only to SecretStorage.
 */
import * as vscode from 'vscode';
import type { Connection } from '../connection';
import { DEFAULT_PROFILE, type CredentialStore } from '../credentials';
import { errorText } from '../messages';
import type { Credentials } from '../okx/client';
import { OkxError } from '../okx/errors';
import { environmentLabel, readSettings } from '../settings';

/** Why OKX refused a key, in words that say what to fix. */
export function keyProblem(error: unknown): string {
  const where = environmentLabel(readSettings().environment);
  if (!(error instanceof OkxError)) return vscode.l10n.t('Could not check the key: {0}', errorText(error));
  switch (error.baseCode) {
    case '50111':
    case '50103':
      return vscode.l10n.t('OKX does not recognise this API key. Check that you copied the whole key.');
    case '50113':
    case '50106':
      return vscode.l10n.t('The secret key does not belong to this API key. Copy the secret key shown when the key was created.');
    case '50105':
    case '50104':
      return vscode.l10n.t('The passphrase is not the one set for this API key.');
    case '50119':
      return vscode.l10n.t('This API key does not exist on the {0} host. A key works only on the host of the region it was created in: choose Production (global), US or EEA in the okxEarn.environment setting.', where);
    case '50101':
      return readSettings().environment === 'demo'
        ? vscode.l10n.t('This is a live-trading key, but the environment is Demo trading. Use a demo-trading key, or choose a production environment.')
        : vscode.l10n.t('This is a demo-trading key, but the environment is {0}. Use a live key, or choose Demo trading.', where);
    case '50110':
      return vscode.l10n.t("OKX refused this computer's IP address: add it to the key's IP allow-list on OKX, or use a key without one.");
    case '50102':
      return vscode.l10n.t("OKX refused the request's time even after correcting for this computer's clock. Set the clock to update automatically.");
    default:
      return vscode.l10n.t('Could not check the key: {0}', errorText(error));
  }
}

/** Errors that mean the key itself was accepted (the check call just could not complete). */
function keyAccepted(error: unknown): boolean {
  return error instanceof OkxError && (error.baseCode === '50038' || error.category === 'invalid-input' || error.category === 'product-state');
}

export function registerKeyCommands(store: CredentialStore, connection: Connection): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('okxEarn.setApiKey', () => setApiKey(store, connection)),
    vscode.commands.registerCommand('okxEarn.removeApiKey', () => removeApiKey(store)),
    vscode.commands.registerCommand('okxEarn.switchProfile', () => switchProfile(store)),
    vscode.commands.registerCommand('okxEarn.trySandbox', async () => {
      await vscode.workspace.getConfiguration('okxEarn').update('environment', 'sandbox', vscode.ConfigurationTarget.Global);
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Sandbox: a simulated OKX account running inside VS Code. Nothing you do here touches real money. Switch back with the okxEarn.environment setting.'),
      );
    }),
  ];
}

async function setApiKey(store: CredentialStore, connection: Connection): Promise<boolean> {
  if (readSettings().environment === 'sandbox') {
    const choice = await vscode.window.showInformationMessage(
      vscode.l10n.t('The sandbox needs no API key. Set a key for which environment?'),
      vscode.l10n.t('Production'),
      vscode.l10n.t('Cancel'),
    );
    if (choice !== vscode.l10n.t('Production')) return false;
    await vscode.workspace.getConfiguration('okxEarn').update('environment', 'production', vscode.ConfigurationTarget.Global);
    await connection.update();
  }
  const profile = await vscode.window.showInputBox({
    title: vscode.l10n.t('Set OKX API Key (1/4): profile'),
    prompt: vscode.l10n.t('A name for this key, e.g. "main" or "sub-account". Each profile keeps its own key.'),
    value: store.activeProfile() ?? DEFAULT_PROFILE,
    ignoreFocusOut: true,
    validateInput: (value) => (/^[\w .-]{1,32}$/.test(value.trim()) ? undefined : vscode.l10n.t('Use 1 to 32 letters, digits, spaces, dots, dashes or underscores.')),
  });
  if (profile === undefined) return false;
  const noSpaces = (label: string) => (value: string) =>
    value.trim() === '' ? vscode.l10n.t('Enter the {0}.', label) : /\s/.test(value.trim()) ? vscode.l10n.t('The {0} has no spaces in it.', label) : undefined;
  const apiKey = await vscode.window.showInputBox({
    title: vscode.l10n.t('Set OKX API Key (2/4): API key'),
    prompt: vscode.l10n.t('From OKX → API management. A Read key is enough to watch; buying and redeeming need Trade.'),
    ignoreFocusOut: true,
    validateInput: noSpaces(vscode.l10n.t('API key')),
  });
  if (apiKey === undefined) return false;
  const secretKey = await vscode.window.showInputBox({
    title: vscode.l10n.t('Set OKX API Key (3/4): secret key'),
    password: true,
    ignoreFocusOut: true,
    validateInput: noSpaces(vscode.l10n.t('secret key')),
  });
  if (secretKey === undefined) return false;
  const passphrase = await vscode.window.showInputBox({
    title: vscode.l10n.t('Set OKX API Key (4/4): passphrase'),
    prompt: vscode.l10n.t('The passphrase you chose when you created the key.'),
    password: true,
    ignoreFocusOut: true,
    validateInput: (value) => (value === '' ? vscode.l10n.t('Enter the passphrase.') : undefined),
  });
  if (passphrase === undefined) return false;

  const credentials: Credentials = { apiKey: apiKey.trim(), secretKey: secretKey.trim(), passphrase };
  const client = connection.clientFor(credentials);
  if (client === undefined) {
    void vscode.window.showErrorMessage(connection.current.problem ?? vscode.l10n.t('No environment to check the key against.'));
    return false;
  }
  const where = environmentLabel(readSettings().environment);
  const problem = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking the API key with OKX ({0})…', where) },
    async () => {
      try {
        await client.eth.productInfo();
        return undefined;
      } catch (error) {
        return keyAccepted(error) ? undefined : keyProblem(error);
      }
    },
  );
  if (problem !== undefined) {
    const retry = vscode.l10n.t('Try Again');
    const settings = vscode.l10n.t('Change Environment');
    const choice = await vscode.window.showErrorMessage(vscode.l10n.t('The key was not saved. {0}', problem), retry, settings);
    if (choice === retry) return setApiKey(store, connection);
    if (choice === settings) await vscode.commands.executeCommand('workbench.action.openSettings', 'okxEarn.environment');
    return false;
  }
  await store.save(profile.trim(), credentials);
  void vscode.window.showInformationMessage(vscode.l10n.t('API key saved for profile "{0}" ({1}), in VS Code\'s secret storage.', profile.trim(), where));
  return true;
}

async function pickProfile(store: CredentialStore, title: string): Promise<string | undefined> {
  const profiles = store.profiles();
  if (profiles.length <= 1) return profiles[0];
  const active = store.activeProfile();
  const picked = await vscode.window.showQuickPick(
    profiles.map((p) => ({ label: p, description: p === active ? vscode.l10n.t('active') : undefined })),
    { title },
  );
  return picked?.label;
}

async function removeApiKey(store: CredentialStore): Promise<void> {
  if (store.profiles().length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No API key is stored.'));
    return;
  }
  const profile = await pickProfile(store, vscode.l10n.t('Remove the API key of which profile?'));
  if (profile === undefined) return;
  const remove = vscode.l10n.t('Remove');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('Remove the API key of profile "{0}" from this computer?', profile),
    { modal: true, detail: vscode.l10n.t('The key stays valid on OKX; delete it there to revoke it.') },
    remove,
  );
  if (choice !== remove) return;
  await store.remove(profile);
  void vscode.window.showInformationMessage(vscode.l10n.t('The API key of profile "{0}" was removed.', profile));
}

async function switchProfile(store: CredentialStore): Promise<void> {
  const add = vscode.l10n.t('$(add) Add a profile…');
  const active = store.activeProfile();
  const picked = await vscode.window.showQuickPick(
    [...store.profiles().map((p) => ({ label: p, description: p === active ? vscode.l10n.t('active') : undefined })), { label: add }],
    { title: vscode.l10n.t('Switch OKX Earn profile') },
  );
  if (picked === undefined) return;
  if (picked.label === add) {
    await vscode.commands.executeCommand('okxEarn.setApiKey');
    return;
  }
  await store.activate(picked.label);
}
