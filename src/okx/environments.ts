/** Where requests go: OKX's production hosts (global and regional), demo trading, or any base URL. */

export type OkxHost = 'production' | 'us' | 'eea';

export const OKX_HOSTS: Readonly<Record<OkxHost, string>> = {
  production: 'https://www.okx.com',
  us: 'https://us.okx.com',
  eea: 'https://eea.okx.com',
};

export interface Environment {
  /** Base URL with no trailing slash, e.g. `https://www.okx.com`. */
  readonly baseUrl: string;
  /** Demo trading: every request carries `x-simulated-trading: 1`. */
  readonly simulated: boolean;
}

export function okxEnvironment(host: OkxHost, options: { demo?: boolean } = {}): Environment {
  return { baseUrl: OKX_HOSTS[host], simulated: options.demo === true };
}

/** Any base URL (the simulator, a test server, a proxy). Throws on anything but an http(s) origin. */
export function customEnvironment(baseUrl: string, options: { demo?: boolean } = {}): Environment {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new Error(`Not a URL: ${baseUrl}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`Only http and https base URLs are supported, not ${url.protocol}`);
  }
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '') {
    throw new Error(`A base URL has no path, query or fragment: ${baseUrl}`);
  }
  return { baseUrl: url.origin, simulated: options.demo === true };
}

/** OKX's public WebSocket hosts (shared/notes/okx-api-facts.md), live and demo trading, per REST host. */
export const OKX_PUBLIC_SOCKET_HOSTS: Readonly<Record<OkxHost, { readonly live: string; readonly demo: string }>> = {
  production: { live: 'wss://ws.okx.com:8443', demo: 'wss://wspap.okx.com:8443' },
  us: { live: 'wss://wsus.okx.com:8443', demo: 'wss://wsuspap.okx.com:8443' },
  eea: { live: 'wss://wseea.okx.com:8443', demo: 'wss://wseeapap.okx.com:8443' },
};

export const PUBLIC_SOCKET_PATH = '/ws/v5/public';

/**
 * The public WebSocket URL for an environment: OKX's own for its hosts (demo trading has its own hosts), else
 * derived from the base URL (the simulator, a test server): http → ws, https → wss, path /ws/v5/public.
 */
export function publicSocketUrl(environment: Environment): string {
  const base = new URL(environment.baseUrl);
  const okxHost = base.origin === 'https://openapi.okx.com' ? 'production' : (Object.keys(OKX_HOSTS) as OkxHost[]).find((h) => OKX_HOSTS[h] === base.origin);
  if (okxHost !== undefined) {
    const hosts = OKX_PUBLIC_SOCKET_HOSTS[okxHost];
    return `${environment.simulated ? hosts.demo : hosts.live}${PUBLIC_SOCKET_PATH}`;
  }
  return `${base.protocol === 'https:' ? 'wss:' : 'ws:'}//${base.host}${PUBLIC_SOCKET_PATH}`;
}
