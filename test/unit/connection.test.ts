import './support/fakeVscode';
import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { Connection, type ConnectionState } from '../../src/connection';
import type { CredentialStore } from '../../src/credentials';
import type { Credentials } from '../../src/okx/client';

/** A credential store holding one key for the profile "main", which a test can change. */
function store(): { store: CredentialStore; key: { current: Credentials | undefined } } {
  const key: { current: Credentials | undefined } = { current: { apiKey: 'k-1', secretKey: 's-1', passphrase: 'p-1' } };
  const fake = { activeProfile: () => 'main', get: () => Promise.resolve(key.current) };
  return { store: fake as unknown as CredentialStore, key };
}

const log = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined } as unknown as vscode.LogOutputChannel;

describe('connection: one client per change of settings or key', () => {
  it('an update that finds nothing changed keeps the client (and so what it loaded); a changed key makes a new one', async () => {
    const { store: credentials, key } = store();
    const connection = new Connection(credentials, { fsPath: '/tmp/okx-earn-unit-sandbox.json' } as vscode.Uri, log);
    const fired: ConnectionState[] = [];
    connection.onDidChange((state) => fired.push(state));

    await connection.update();
    const first = connection.current.client;
    assert.ok(first?.hasCredentials);
    assert.equal(fired.length, 1);
    assert.equal(connection.current.label, 'main · Production');

    // The same key announced again (our command stored it, then SecretStorage said so): nothing changes.
    await connection.update();
    assert.equal(connection.current.client, first, 'the same client');
    assert.equal(fired.length, 1, 'no change announced');

    key.current = { apiKey: 'k-1', secretKey: 's-2', passphrase: 'p-1' };
    await connection.update();
    assert.notEqual(connection.current.client, first, 'a new secret: a new client');
    assert.equal(fired.length, 2);

    key.current = undefined;
    await connection.update();
    assert.equal(connection.current.client?.hasCredentials, false, 'the key removed: public endpoints only');
    assert.equal(connection.current.label, 'Production');
    assert.equal(fired.length, 3);
    connection.dispose();
  });
});
