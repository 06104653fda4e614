/**
 * API keys live only in VS Code's SecretStorage (the OS keychain), one entry per named profile. The list of
 * profile names and which one is active are not secret and live in globalState. Nothing goes to settings.
 */
import * as vscode from 'vscode';
import type { Credentials } from './okx/client';

const PROFILES = 'okxEarn.profiles';
const ACTIVE = 'okxEarn.activeProfile';
const secretKey = (profile: string): string => `okxEarn.credentials.${profile}`;

export const DEFAULT_PROFILE = 'main';

export class CredentialStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly state: vscode.Memento,
  ) {
    // Another window may add or remove a key.
    this.subscription = secrets.onDidChange((e) => {
      if (e.key.startsWith('okxEarn.credentials.')) this.changed.fire();
    });
  }

  profiles(): string[] {
    return this.state.get<string[]>(PROFILES, []);
  }

  activeProfile(): string | undefined {
    const active = this.state.get<string>(ACTIVE);
    const profiles = this.profiles();
    return active !== undefined && profiles.includes(active) ? active : profiles[0];
  }

  async get(profile = this.activeProfile()): Promise<Credentials | undefined> {
    if (profile === undefined) return undefined;
    const text = await this.secrets.get(secretKey(profile));
    if (text === undefined) return undefined;
    try {
      const parsed = JSON.parse(text) as Partial<Credentials>;
      if (typeof parsed.apiKey === 'string' && typeof parsed.secretKey === 'string' && typeof parsed.passphrase === 'string') {
        return { apiKey: parsed.apiKey, secretKey: parsed.secretKey, passphrase: parsed.passphrase };
      }
    } catch {
      // A damaged entry is treated as absent.
    }
    return undefined;
  }

  async save(profile: string, credentials: Credentials): Promise<void> {
    await this.secrets.store(secretKey(profile), JSON.stringify(credentials));
    const profiles = this.profiles();
    if (!profiles.includes(profile)) await this.state.update(PROFILES, [...profiles, profile]);
    await this.state.update(ACTIVE, profile);
    this.changed.fire();
  }

  async remove(profile: string): Promise<void> {
    await this.secrets.delete(secretKey(profile));
    const profiles = this.profiles().filter((p) => p !== profile);
    await this.state.update(PROFILES, profiles);
    if (this.state.get<string>(ACTIVE) === profile) await this.state.update(ACTIVE, profiles[0]);
    this.changed.fire();
  }

  async activate(profile: string): Promise<void> {
    await this.state.update(ACTIVE, profile);
    this.changed.fire();
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
