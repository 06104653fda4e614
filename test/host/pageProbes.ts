/**
 * Page probes: how an integration test, running inside the extension host, asks about what the workbench
 * shows where the VS Code API cannot tell (a walkthrough's step checkmarks), or clicks what only a user can
 * (a link in a walkthrough step). The test logs one line, `PROBE_PREFIX {id, name, args}`; the stand-in that
 * drives the page runs the probe with Playwright and writes `{result}` or `{error}` to `<dir>/<id>.json`,
 * where `dir` reaches the extension host as OKX_EARN_TEST_PROBES.
 */
import { renameSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';

export const PROBE_PREFIX = 'okx-earn-probe ';
export const PROBE_DIR_ENV = 'OKX_EARN_TEST_PROBES';

export interface ProbeRequest {
  readonly id: string;
  readonly name: 'walkthroughSteps' | 'clickStepButton' | 'panelText';
  readonly args: Readonly<Record<string, string | number>>;
}

export interface WalkthroughStepState {
  readonly id: string;
  readonly title: string;
  readonly done: boolean;
}

const step = (id: string): string => `button.getting-started-step[data-step-id="${id}"]`;

async function probe(page: Page, request: ProbeRequest): Promise<unknown> {
  switch (request.name) {
    case 'walkthroughSteps': {
      // The steps of the walkthrough open in the active editor, and whether VS Code shows each as done.
      const buttons = page.locator('.gettingStartedContainer button.getting-started-step');
      const states: WalkthroughStepState[] = [];
      for (let i = 0; i < (await buttons.count()); i++) {
        const button = buttons.nth(i);
        states.push({
          id: (await button.getAttribute('data-step-id')) ?? '',
          title: ((await button.locator('.step-title').first().textContent()) ?? '').trim(),
          done: (await button.getAttribute('aria-checked')) === 'true',
        });
      }
      return states;
    }
    case 'clickStepButton': {
      // Selects the step, then clicks the index-th button of its description, as a user does.
      const id = String(request.args.step);
      await page.locator(step(id)).click();
      const button = page.locator(`[x-step-description-for="${id}"] .button-container .monaco-button`).nth(Number(request.args.index));
      await button.click();
      return true;
    }
    case 'panelText': {
      // The text of the webview panel whose content includes `contains` ('' while there is none).
      for (const frame of page.frames()) {
        try {
          const app = frame.locator('#app');
          if ((await app.count()) > 0) {
            const text = await app.innerText();
            if (text.includes(String(request.args.contains))) return text;
          }
        } catch {
          // a frame that went away
        }
      }
      return '';
    }
  }
}

/** Runs a probe line's request and writes its answer where the test waits for it. */
export async function answerProbe(page: Page, line: string, dir: string): Promise<void> {
  const request = JSON.parse(line.slice(PROBE_PREFIX.length)) as ProbeRequest;
  let answer: { result: unknown } | { error: string };
  try {
    answer = { result: await probe(page, request) };
  } catch (error) {
    answer = { error: error instanceof Error ? error.message : String(error) };
  }
  writeFileSync(path.join(dir, `${request.id}.json.tmp`), JSON.stringify(answer));
  // Renamed into place, so the test never reads half a file.
  renameSync(path.join(dir, `${request.id}.json.tmp`), path.join(dir, `${request.id}.json`));
}
