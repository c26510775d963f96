// Vitest global setup of the browser suite: checks for Chromium, then starts the real server
// (or uses MESHLENS_BASE_URL) and hands its URL to the test files through `inject('baseUrl')`.
import type { TestProject } from 'vitest/node';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { assertChromiumInstalled } from './chromium';
import { exportDemoDumps } from './demoDumps';
import { startMeshlensServer } from './meshlensServer';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the Meshlens server under test, without a trailing slash. */
    baseUrl: string;
    /** Files written once per run by `meshlens demo export` (one generated dump per proxy). */
    demoDumps: string[];
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  assertChromiumInstalled();
  // The CLI export runs while the server starts: both are mostly waiting on tsx start-up.
  const demo = exportDemoDumps();
  const external = process.env.MESHLENS_BASE_URL;
  let stopServer = async (): Promise<void> => {};
  if (external !== undefined && external !== '') {
    project.provide('baseUrl', external.replace(/\/$/, ''));
  } else {
    const started = Date.now();
    const server = await startMeshlensServer().catch(async (err: unknown) => {
      await demo.catch(() => undefined);
      throw err;
    });
    console.log(`e2e: meshlens serve ready at ${server.url} after ${Date.now() - started} ms`);
    project.provide('baseUrl', server.url);
    stopServer = () => server.stop();
  }
  let demoFiles: string[];
  try {
    demoFiles = await demo;
  } catch (err) {
    await stopServer();
    throw err;
  }
  project.provide('demoDumps', demoFiles);
  return async () => {
    await stopServer();
    const dir = demoFiles[0] === undefined ? undefined : dirname(demoFiles[0]);
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  };
}
