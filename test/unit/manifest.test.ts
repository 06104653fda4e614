import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { PROJECT_ROOT } from '../host/codeServer';

interface Manifest {
  icon?: string;
  categories?: string[];
  keywords?: string[];
  capabilities?: { untrustedWorkspaces?: { supported: boolean | string }; virtualWorkspaces?: boolean };
  contributes: { configuration: { properties: Record<string, { scope?: string }> } | { properties: Record<string, { scope?: string }> }[] };
}

const manifest = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as Manifest;

/** The PNG signature and the IHDR width and height (big-endian, at bytes 16 and 20). */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  assert.equal(bytes.subarray(0, 8).toString('hex'), '89504e470d0a1a0a', `${file} is a PNG`);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('manifest: ready for the Marketplace and Open VSX', () => {
  it('has a 128×128 PNG icon (the Marketplace refuses SVG icons) that the .vsix ships', () => {
    assert.ok(manifest.icon?.endsWith('.png'), `icon: ${String(manifest.icon)}`);
    assert.deepEqual(pngSize(path.join(PROJECT_ROOT, manifest.icon ?? '')), { width: 128, height: 128 });
    const ignore = readFileSync(path.join(PROJECT_ROOT, '.vscodeignore'), 'utf8');
    assert.match(ignore, /^!media\/\*\*$/m, 'media/ is packaged');
  });

  it('has a CHANGELOG that the .vsix ships, with an entry for the current version', () => {
    const version = (JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    const changelog = path.join(PROJECT_ROOT, 'CHANGELOG.md');
    assert.ok(existsSync(changelog));
    assert.match(readFileSync(changelog, 'utf8'), new RegExp(`^## ${version.replace(/\./g, '\\.')}\\b`, 'm'));
    assert.match(readFileSync(path.join(PROJECT_ROOT, '.vscodeignore'), 'utf8'), /^!CHANGELOG\.md$/m);
  });

  it('declares that it runs in untrusted and virtual workspaces, and no workspace can change where keys go', () => {
    assert.deepEqual(manifest.capabilities, { untrustedWorkspaces: { supported: true }, virtualWorkspaces: true });
    // Supported in untrusted workspaces is only safe because a workspace's settings cannot redirect signed
    // requests (environment, custom host) or turn on tools: every setting is the user's own.
    const sections = Array.isArray(manifest.contributes.configuration) ? manifest.contributes.configuration : [manifest.contributes.configuration];
    const notApplication = sections.flatMap((s) => Object.entries(s.properties)).filter(([, p]) => p.scope !== 'application').map(([k]) => k);
    assert.deepEqual(notApplication, []);
  });

  it('opens the sidebar with Overview and Loans expanded and the other four views collapsed (issue 25, item 8)', () => {
    // Six expanded views leave about five rows each: a newcomer gets the summary and the loans' risk, the
    // product views one click away. VS Code remembers what the user opens or closes after that.
    const views = (JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { contributes: { views: Record<string, { id: string; visibility?: string }[]> } }).contributes.views.okxEarn ?? [];
    assert.deepEqual(views.map((v) => [v.id, v.visibility ?? 'visible']), [
      ['okxEarn.overview', 'visible'], ['okxEarn.staking', 'collapsed'], ['okxEarn.savings', 'collapsed'],
      ['okxEarn.moreEarn', 'collapsed'], ['okxEarn.loans', 'visible'], ['okxEarn.products', 'collapsed'],
    ]);
  });

  it('uses Marketplace categories that fit, and keywords people search for (at most 30)', () => {
    const allowed = ['AI', 'Azure', 'Chat', 'Data Science', 'Debuggers', 'Education', 'Extension Packs', 'Formatters', 'Keymaps', 'Language Packs', 'Linters', 'Machine Learning', 'Notebooks', 'Programming Languages', 'SCM Providers', 'Snippets', 'Testing', 'Themes', 'Visualization', 'Other'];
    assert.ok(manifest.categories?.every((c) => allowed.includes(c)), String(manifest.categories));
    assert.ok(manifest.categories?.includes('Visualization'));
    assert.ok((manifest.keywords?.length ?? 0) > 5 && (manifest.keywords?.length ?? 0) <= 30);
  });
});

describe('README: its pictures', () => {
  const readme = readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
  const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1] ?? '');

  it('shows screenshots the e2e run took, each one there', () => {
    assert.ok(images.length >= 10, `${images.length} images`);
    for (const image of images) {
      assert.match(image, /^docs\/screenshots\/[\w-]+\.png$/);
      assert.ok(existsSync(path.join(PROJECT_ROOT, image)), `${image} (npm run test:e2e, then npm run readme:screenshots)`);
    }
  });

  it('shows each in light and dark where the e2e run takes both', () => {
    const names = images.map((i) => path.basename(i, '.png'));
    assert.ok(names.some((n) => n.endsWith('-light')) && names.some((n) => n.endsWith('-dark')), names.join(', '));
  });
});
