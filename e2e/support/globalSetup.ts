// Vitest global setup of the browser suite: checks for Chromium, then starts the real server
// (or uses MESHLENS_BASE_URL) and hands its URL to the test files through `inject('baseUrl')`.
import type { TestProject } from 'vitest/node';
import { assertChromiumInstalled } from './chromium';
import { startMeshlensServer } from './meshlensServer';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the Meshlens server under test, without a trailing slash. */
    baseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  assertChromiumInstalled();
  const external = process.env.MESHLENS_BASE_URL;
  if (external !== undefined && external !== '') {
    project.provide('baseUrl', external.replace(/\/$/, ''));
    return async () => {};
  }
  const started = Date.now();
  const server = await startMeshlensServer();
  console.log(`e2e: meshlens serve ready at ${server.url} after ${Date.now() - started} ms`);
  project.provide('baseUrl', server.url);
  return () => server.stop();
}
