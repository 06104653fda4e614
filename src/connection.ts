/**
 * Which OKX the extension talks to, and with which key: the environment setting plus the active profile's
 * credentials become one OkxClient. The Sandbox environment runs the simulator inside the extension host
 * with its demo portfolio and its own credentials, so it needs no account.
 */
import * as vscode from 'vscode';
import type { CredentialStore } from './credentials';
import { clockTime } from './messages';
import { OkxClient, type Credentials, type RequestEvent, type RetryEvent } from './okx/client';
import { customEnvironment, okxEnvironment, type Environment } from './okx/environments';
import { RateLimiter } from './okx/rateLimiter';
import { requestLogLine } from './portfolio/requestLog';
import { environmentLabel, readSettings, type EnvironmentSetting } from './settings';
import type { Simulator } from './simulator/server';

/** The simulator is bundled apart (dist/sandbox.js, see esbuild.mjs) and loaded only for the Sandbox. */
const loadSandbox = () => import('./simulator/server');

export interface ConnectionState {
  readonly environment: EnvironmentSetting;
  /** A client for the environment; without credentials it reaches only public endpoints. */
  readonly client: OkxClient | undefined;
  readonly profile: string | undefined;
  /** What the views' title shows, e.g. "main · Production". */
  readonly label: string;
  /** Why there is no client, when there is none. */
  readonly problem: string | undefined;
}

export class Connection implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ConnectionState>();
  readonly onDidChange = this.changed.event;
  private readonly retrying = new vscode.EventEmitter<RetryEvent>();
  /** A read waits before it is sent again (rate limited, or OKX busy): for whoever shows a wait to the user. */
  readonly onDidRetry = this.retrying.event;
  /** One limiter for the whole extension: OKX counts per key and per IP, not per client object. */
  private readonly limiter = new RateLimiter();
  /** 1: OKX's real limits. Only the integration tests change it (src/okx/testRateLimits), for a simulator. */
  private rateLimitScale = 1;
  private simulator: Simulator | undefined;
  private starting: Promise<Simulator> | undefined;
  private state: ConnectionState = { environment: 'production', client: undefined, profile: undefined, label: '', problem: undefined };
  /** What the current state was built from: an update that finds the same changes nothing (sameBuild). */
  private built: Build | undefined;
  private updating: Promise<void> = Promise.resolve();

  constructor(
    private readonly credentials: CredentialStore,
    private readonly sandboxStateFile: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  get current(): ConnectionState {
    return this.state;
  }

  /** The sandbox's simulator, while the Sandbox environment is in use. */
  get sandbox(): Simulator | undefined {
    return this.simulator;
  }

  /** Re-reads settings and credentials; one update at a time, in order. */
  update(): Promise<void> {
    this.updating = this.updating.then(() => this.rebuild()).catch((error: unknown) => {
      this.log.error(`Connection update failed: ${error instanceof Error ? error.message : String(error)}`);
    });
    return this.updating;
  }

  private async rebuild(): Promise<void> {
    const settings = readSettings();
    const profile = settings.environment === 'sandbox' ? undefined : this.credentials.activeProfile();
    let environment: Environment | undefined;
    let credentials: Credentials | undefined;
    let problem: string | undefined;

    if (settings.environment === 'sandbox') {
      const simulator = await this.startSandbox();
      environment = customEnvironment(simulator.url);
      credentials = (await loadSandbox()).SANDBOX_CREDENTIALS;
    } else {
      await this.stopSandbox();
      credentials = await this.credentials.get(profile);
      if (settings.environment === 'custom') {
        try {
          environment = customEnvironment(settings.customBaseUrl);
        } catch {
          problem = vscode.l10n.t('The custom base URL "{0}" is not an http(s) address. Set okxEarn.customBaseUrl, or choose another environment.', settings.customBaseUrl);
        }
      } else if (settings.environment === 'demo') {
        environment = okxEnvironment('production', { demo: true });
      } else {
        environment = okxEnvironment(settings.environment);
      }
    }

    // Nothing changed (a second update for one change, e.g. a key stored by our command and then announced by
    // SecretStorage): the client, what it has loaded and its loads in flight stay. A new client would drop them,
    // and a flow reading its data at that moment would find nothing to act on.
    const build: Build = { environment: settings.environment, endpoint: environment, profile, credentials, problem, timeoutMs: settings.requestTimeoutMs, rateLimitScale: this.rateLimitScale };
    if (this.built !== undefined && sameBuild(this.built, build)) return;
    this.built = build;
    const client =
      environment === undefined
        ? undefined
        : new OkxClient({
            environment,
            ...(credentials === undefined ? {} : { credentials }),
            timeoutMs: settings.requestTimeoutMs,
            limiter: this.limiter,
            rateLimitScale: this.rateLimitScale,
            onRequest: (event) => this.logRequest(event),
            onRetry: (event) => this.logRetry(event),
          });
    const where = environmentLabel(settings.environment);
    this.state = {
      environment: settings.environment,
      client,
      profile,
      label: profile === undefined || credentials === undefined ? where : `${profile} · ${where}`,
      problem,
    };
    this.log.info(`Connected to ${settings.environment === 'sandbox' ? 'the sandbox' : (environment?.baseUrl ?? 'nothing')}${credentials === undefined ? ' without an API key' : ''}${profile === undefined ? '' : ` (profile ${profile})`}`);
    // Listeners first, so that nothing sees the new label before the portfolio has the new client.
    this.changed.fire(this.state);
    await vscode.commands.executeCommand('setContext', 'okxEarn.connection', credentials === undefined ? 'none' : 'connected');
    await vscode.commands.executeCommand('setContext', 'okxEarn.environment', settings.environment);
  }

  /** Resolves when every update asked for so far has been applied. */
  settled(): Promise<void> {
    return this.updating;
  }

  /** A client for trying credentials before they are saved, against the current environment. */
  clientFor(credentials: Credentials): OkxClient | undefined {
    const environment = this.state.client?.environment;
    if (environment === undefined) return undefined;
    return new OkxClient({
      environment,
      credentials,
      timeoutMs: readSettings().requestTimeoutMs,
      limiter: this.limiter,
      rateLimitScale: this.rateLimitScale,
      onRequest: (event) => this.logRequest(event),
      onRetry: (event) => this.logRetry(event),
    });
  }

  /**
   * Test-only: OKX's rate-limit windows multiplied by `scale` from now on, honoured by the client against a
   * simulator on this machine only (src/okx/testRateLimits); 1 restores OKX's limits. Rebuilds the client, and
   * restarts a running Sandbox with the same windows.
   */
  async useTestRateLimitScale(scale: number): Promise<void> {
    if (!(scale > 0 && scale <= 1)) throw new Error(`The rate-limit scale must be above 0 and at most 1, not ${scale}`);
    if (scale === this.rateLimitScale) return;
    this.rateLimitScale = scale;
    await this.updating;
    await this.stopSandbox();
    await this.update();
  }

  private logRequest(event: RequestEvent): void {
    if (event.error === undefined) this.log.debug(requestLogLine(event));
    else this.log.warn(requestLogLine(event));
  }

  private logRetry(event: RetryEvent): void {
    const why = event.error.category === 'rate-limit' ? 'rate limited' : event.error.category;
    this.log.warn(`${event.method} ${event.path}: ${why}, retrying at ${clockTime(event.at)} (in ${Math.round(event.delayMs)} ms)`);
    this.retrying.fire(event);
  }

  private async startSandbox(): Promise<Simulator> {
    if (this.simulator !== undefined) return this.simulator;
    this.starting ??= (async () => {
      const { Simulator } = await loadSandbox();
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(this.sandboxStateFile, '..'));
      // rateLimitScale: 1, OKX's limits, unless an integration test shortened the windows of the client as well.
      const options = { port: 0, priceMotion: true, stateFile: this.sandboxStateFile.fsPath, rateLimitScale: this.rateLimitScale, log: (line: string) => this.log.error(line) };
      let simulator: Simulator;
      try {
        simulator = await Simulator.start(options);
      } catch (error) {
        // A damaged sandbox state: keep it aside and start again from the demo portfolio.
        const aside = vscode.Uri.file(`${this.sandboxStateFile.fsPath}.damaged`);
        this.log.warn(`The sandbox state could not be read (${error instanceof Error ? error.message : String(error)}); it was moved to ${aside.fsPath} and the demo portfolio restored.`);
        await vscode.workspace.fs.rename(this.sandboxStateFile, aside, { overwrite: true });
        simulator = await Simulator.start(options);
      }
      this.log.info(`Sandbox simulator listening on ${simulator.url}`);
      this.simulator = simulator;
      return simulator;
    })().finally(() => (this.starting = undefined));
    return this.starting;
  }

  private async stopSandbox(): Promise<void> {
    const simulator = this.simulator;
    this.simulator = undefined;
    if (simulator !== undefined) {
      await simulator.close();
      this.log.info('Sandbox simulator stopped');
    }
  }

  dispose(): void {
    void this.stopSandbox();
    this.changed.dispose();
    this.retrying.dispose();
  }
}

/** What a connection state is built from (held in memory only, as the client holds the credentials). */
interface Build {
  readonly environment: EnvironmentSetting;
  readonly endpoint: Environment | undefined;
  readonly profile: string | undefined;
  readonly credentials: Credentials | undefined;
  readonly problem: string | undefined;
  readonly timeoutMs: number;
  readonly rateLimitScale: number;
}

function sameBuild(a: Build, b: Build): boolean {
  const sameEndpoint = a.endpoint?.baseUrl === b.endpoint?.baseUrl && a.endpoint?.simulated === b.endpoint?.simulated;
  const sameKey =
    a.credentials?.apiKey === b.credentials?.apiKey && a.credentials?.secretKey === b.credentials?.secretKey && a.credentials?.passphrase === b.credentials?.passphrase;
  return a.environment === b.environment && sameEndpoint && a.profile === b.profile && sameKey && a.problem === b.problem && a.timeoutMs === b.timeoutMs && a.rateLimitScale === b.rateLimitScale;
}
