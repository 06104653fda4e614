/**
 * A test-only language pack, so that code-server runs its workbench in another display language. code-server
 * switches language (`--locale`) only when a pack for it is listed in the profile's languagepacks.json; no
 * real pack can be downloaded here, so this one carries no translations of VS Code itself (its own menus
 * stay English) and exists only to make `vscode.env.language` the locale, which is what selects the
 * extension's package.nls.<locale>.json and l10n/bundle.l10n.<locale>.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

const PUBLISHER = 'okx-earn-tests';

export function installTestLanguagePack(userDataDir: string, locale: string): void {
  const name = `test-language-pack-${locale}`;
  const folder = path.join(userDataDir, name);
  const translations = path.join(folder, 'translations', 'main.i18n.json');
  mkdirSync(path.dirname(translations), { recursive: true });
  writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
  writeFileSync(
    path.join(folder, 'package.json'),
    JSON.stringify({
      name,
      publisher: PUBLISHER,
      version: '1.0.0',
      engines: { vscode: '*' },
      contributes: { localizations: [{ languageId: locale, languageName: locale, translations: [{ id: 'vscode', path: './translations/main.i18n.json' }] }] },
    }),
  );
  writeFileSync(
    path.join(userDataDir, 'languagepacks.json'),
    JSON.stringify({
      [locale]: {
        hash: `${name}-1`,
        extensions: [{ extensionIdentifier: { id: `${PUBLISHER}.${name}` }, version: '1.0.0' }],
        translations: { vscode: translations },
        label: locale,
      },
    }),
  );
}
