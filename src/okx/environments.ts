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
