import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** What to type into the trace form; fields left out are cleared. */
export interface TraceInput {
  line: string;
  headers?: string[];
  port?: string;
  random?: string;
  ip?: string;
  sni?: string;
  direction?: '' | 'outbound' | 'inbound' | 'direct';
}

type TraceWindow = { __meshlensGraph?: { tracedNodeIds(): string[] } };

/** The "Trace a request" view: form, result, and the traced path on the graph. */
export class TracePanel {
  constructor(readonly page: Page) {}

  /** Switches to the trace view and waits for its form. */
  async open(): Promise<void> {
    await this.page.getByTestId('nav-trace').click();
    await this.page.getByTestId('trace-form').waitFor({ state: 'visible' });
  }

  input(): Locator {
    return this.page.getByTestId('trace-input');
  }

  outcome(): Locator {
    return this.page.getByTestId('trace-outcome');
  }

  /** Inline errors of the form (`data-field` names the field). */
  errors(): Locator {
    return this.page.getByTestId('trace-error');
  }

  steps(): Locator {
    return this.page.getByTestId('trace-step');
  }

  whyNotLines(): Locator {
    return this.page.getByTestId('trace-why-not');
  }

  /** Fills the whole form and submits it. */
  async trace(t: TraceInput): Promise<void> {
    await this.input().fill(t.line);
    await this.page.getByTestId('trace-headers').fill((t.headers ?? []).join('\n'));
    await this.page.getByTestId('trace-port').fill(t.port ?? '');
    await this.page.getByTestId('trace-random').fill(t.random ?? '');
    await this.page.getByTestId('trace-ip').fill(t.ip ?? '');
    await this.page.getByTestId('trace-sni').fill(t.sni ?? '');
    await this.page.getByTestId('trace-direction').selectOption(t.direction ?? '');
    await this.page.getByTestId('trace-submit').click();
  }

  /** Waits until the outcome line contains `text` and returns the whole outcome text. */
  async waitForOutcome(text: string | RegExp): Promise<string> {
    await expect
      .poll(
        () =>
          this.outcome()
            .innerText()
            .catch(() => ''),
        {
          timeout: 30_000,
          message: `trace-outcome should show ${String(text)}`,
        },
      )
      .toMatch(text);
    return this.outcome().innerText();
  }

  /** `data-outcome` of the result: cluster, split, redirect, direct_response, refused... */
  outcomeKind(): Promise<string | null> {
    return this.outcome().getAttribute('data-outcome');
  }

  /** The node ids the graph lights up (`window.__meshlensGraph.tracedNodeIds()`). */
  tracedNodeIds(): Promise<string[]> {
    return this.page.evaluate(() => {
      const g = (window as TraceWindow).__meshlensGraph;
      if (!g) throw new Error('window.__meshlensGraph is not set: no graph is shown');
      return g.tracedNodeIds();
    });
  }
}
