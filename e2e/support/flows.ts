// Multi-step user flows shared by several test files.
import type { MeshlensSession } from './session';

/** Uploads a file through the file input and waits for its tab; returns the tab label. */
export async function loadDumpFile(s: MeshlensSession, path: string): Promise<string> {
  const before = await s.shell.dumpTabs().count();
  await s.upload.uploadFile(path);
  return s.shell.waitForNewDump(before);
}

/** Uploads in-memory text as a file and waits for its tab; returns the tab label. */
export async function loadDumpContent(
  s: MeshlensSession,
  fileName: string,
  content: string,
): Promise<string> {
  const before = await s.shell.dumpTabs().count();
  await s.upload.uploadContent(fileName, content);
  return s.shell.waitForNewDump(before);
}

/** Opens the graph view of the selected dump and waits for it to settle. */
export async function openGraph(s: MeshlensSession): Promise<void> {
  await s.shell.go('graph');
  await s.graph.waitReady();
}
