import '../support/fakeVscode';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ChatToolRunner } from '../../../src/chat/tools';
import { TOOL_KINDS } from '../../../src/chat/toolNames';
import type { FlowContext } from '../../../src/commands/moneyAction';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');

describe('chat/toolNames: the tools registered at start-up, before their code loads', () => {
  it('are exactly the tools ./tools defines, each of the same kind', () => {
    const runner = new ChatToolRunner({} as FlowContext);
    assert.deepEqual(Object.fromEntries(runner.kinds()), TOOL_KINDS);
  });

  it('are those package.json contributes, the action tools shown only while okxEarn.chat.actionTools is on', () => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { languageModelTools: { name: string; when?: string }[] } };
    const contributed = Object.fromEntries(manifest.contributes.languageModelTools.map((tool) => [tool.name, tool.when === 'config.okxEarn.chat.actionTools' ? 'action' : 'read']));
    assert.deepEqual(contributed, TOOL_KINDS);
  });
});
