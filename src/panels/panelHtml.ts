/**
 * A panel's HTML: CSP `default-src 'none'` (and `base-uri`, `form-action` 'none') with a nonce'd script, the
 * shared and the panel's own style sheet from dist/webview and media, and the boot data (the panel's key and
 * target, its fixed texts, the display language) as inert JSON.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { panelLabels } from './labels';

export type PanelScript = 'product' | 'ltv' | 'portfolio' | 'compare';

export function panelHtml(webview: vscode.Webview, extensionUri: vscode.Uri, script: PanelScript, initial: { key: string; target: unknown; range: number }): string {
  const nonce = randomBytes(16).toString('base64');
  const asset = (...path: string[]): vscode.Uri => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...path));
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `img-src ${webview.cspSource} data:`,
    `script-src 'nonce-${nonce}'`,
    // Not covered by default-src: no <base> may re-point relative URLs, no form may post anywhere.
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const boot = JSON.stringify({ ...initial, labels: panelLabels(), locale: vscode.env.language }).replace(/</g, '\\u003c');
  return `<!DOCTYPE html>
<html lang="${vscode.env.language}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${asset('media', 'panel.css').toString()}">
<link rel="stylesheet" href="${asset('dist', 'webview', `${script}.css`).toString()}">
</head>
<body>
<main id="app" aria-live="polite"><p class="loading">${vscode.l10n.t('Loading…')}</p></main>
<script nonce="${nonce}" id="boot" type="application/json">${boot}</script>
<script nonce="${nonce}" src="${asset('dist', 'webview', `${script}.js`).toString()}"></script>
</body>
</html>`;
}
