/**
 * How the client's requests reach the network: node-fetch 2, through Node's `http`/`https` `request()` (which
 * VS Code's proxy support replaces in the extension host), with no agent of our own, asking to keep the
 * connection open.
 *
 * - Connections are reused. Node's global agents keep sockets alive (Node 19 and later) for 5 s, or a second
 *   less than the server's `Keep-Alive: timeout` hint. In VS Code, every request goes through the proxy
 *   support's per-request agent, which is not keep-alive: without `Connection: keep-alive` it would close every
 *   connection after one answer. With the header, the socket goes back to the global agent, which VS Code's
 *   agent hands direct connections to, and the next request within those seconds takes it again.
 * - No agent of our own: VS Code's default (`http.proxySupport: override`) drops an extension's agent for every
 *   non-loopback host anyway, and `on` would take a custom agent as "this extension manages its own proxy" and
 *   send it past the proxy. Without one, every `http.proxySupport` mode applies the proxy settings.
 * - node-fetch (and with it `http`, `https`, `zlib`, `stream`) is loaded with the first request, not when the
 *   extension loads.
 */

/**
 * The part of the fetch API the client uses; node-fetch by default (keepAliveFetch, below), a fake in tests. `redirect: 'manual'`: a
 * 3xx comes back as it is, never followed (a signed request must not reach another host).
 */
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string; signal: AbortSignal; redirect: 'manual' },
) => Promise<{ status: number; text(): Promise<string>; headers: { get(name: string): string | null } }>;

type NodeFetch = typeof import('node-fetch').default;

let loading: Promise<NodeFetch> | undefined;

/** The client's default FetchLike. */
export const keepAliveFetch: FetchLike = async (url, init) => {
  loading ??= import('node-fetch').then((module) => module.default);
  const fetch = await loading;
  return fetch(url, { ...init, headers: { ...init.headers, Connection: 'keep-alive' } });
};
