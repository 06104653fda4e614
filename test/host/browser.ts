/** Debian's Chromium driven by playwright-core. Nothing here downloads a browser. */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

export function chromiumPath(): string {
  const candidates = [process.env.OKX_EARN_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
    (candidate): candidate is string => candidate !== undefined && candidate !== '',
  );
  const found = candidates.find((candidate) => existsSync(candidate));
  if (found === undefined) {
    throw new Error('No Chromium found: install Debian\'s `chromium` package or set OKX_EARN_CHROMIUM to a Chromium binary.');
  }
  return found;
}

export interface HeadlessBrowser {
  readonly browser: Browser;
  readonly context: BrowserContext;
  close(): Promise<void>;
}

export async function launchBrowser(viewport = { width: 1400, height: 900 }): Promise<HeadlessBrowser> {
  // playwright gives every launch a fresh, throwaway profile of its own.
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const context = await browser.newContext({ viewport });
  return {
    browser,
    context,
    close: () => browser.close(),
  };
}
