import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** Root of the monorepo. */
export const repoRoot = resolve(here, '..', '..', '..', '..');
/** The web app's package folder. */
export const webAppDir = join(repoRoot, 'apps', 'web');
/** Where `vite build` writes the web app. */
export const webDistDir = join(webAppDir, 'dist');
