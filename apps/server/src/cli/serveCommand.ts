import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { canOpenBrowser, openBrowser } from '../server/openBrowser';
import { DEFAULT_MAX_UPLOAD_BYTES } from '../server/createServer';
import { formatByteSize, parseByteSize } from '../server/parseByteSize';
import { startServer } from '../server/startServer';
import {
  addSnapshotStoreFlags,
  openSnapshotStore,
  type SnapshotStoreFlags,
} from '../snapshots/openSnapshotStore';
import { buildWebApp, webBuildReason } from '../server/webBuild';
import {
  addTopologyOptions,
  startServeTopology,
  type TopologyFlags,
} from '../topology/serveTopology';
import {
  addMeshSourceOptions,
  createMeshSource,
  formatSourceError,
  meshSourceConfigFromFlags,
  type MeshSourceFlags,
} from '../sources';

interface ServeFlags extends MeshSourceFlags, TopologyFlags, SnapshotStoreFlags {
  port: number;
  host: string;
  authToken?: string;
  insecure?: boolean;
  open: boolean;
  openDemo?: boolean;
  maxUpload: number;
}

function parseMaxUpload(value: string): number {
  const size = parseByteSize(value);
  if (!size.ok) throw new InvalidArgumentError(size.message);
  return size.bytes;
}

function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    throw new InvalidArgumentError('expected a port number between 0 and 65535.');
  }
  return n;
}

async function serve(flags: ServeFlags): Promise<void> {
  const snapshots = openSnapshotStore(flags);
  if (!snapshots.ok) {
    console.error(`meshlens: ${snapshots.error.message}`);
    process.exitCode = 2;
    return;
  }
  // No source flags (or MESHLENS_* variables): the demo mesh simulator, live on loopback.
  const source = await createMeshSource(meshSourceConfigFromFlags(flags));
  if (!source.ok) {
    console.error(`meshlens: ${formatSourceError(source.error)}`);
    process.exitCode = 1;
    return;
  }
  const meshSource = source.value;
  // The topology page's traffic: --prometheus, or a local prometheus scraping the demo mesh.
  const topology = await startServeTopology(flags, meshSource);
  // Listen first: a busy port or a refused host is reported at once, before any build. Until a
  // (re)build finishes, the previous build (or a "not built yet" page) is served.
  const started = await startServer({
    host: flags.host,
    port: flags.port,
    authToken: flags.authToken,
    insecure: flags.insecure === true,
    meshSource,
    maxUploadBytes: flags.maxUpload,
    topology: topology.options,
    snapshots: snapshots.value,
  });
  if (!started.ok) {
    console.error(`meshlens: ${started.error.message}`);
    await topology.stop();
    await meshSource.close();
    process.exit(1);
  }
  console.log(`Mesh source: ${meshSource.describe().summary}`);
  console.log(topology.message);
  console.log(`Snapshots: ${snapshots.value.description} (nothing is stored until you save one)`);
  const reason = webBuildReason();
  if (reason !== undefined) {
    console.log(`Building the web app (${reason})...`);
    const built = await buildWebApp();
    if (!built.ok) {
      console.error(`meshlens: could not build the web app.\n${built.message}`);
      await started.server.close();
      await topology.stop();
      await meshSource.close();
      process.exit(1);
    }
  }
  // `--open-demo` points the printed link at the demo mesh's graph (`/?demo`), for `npm start`.
  const url = flags.openDemo === true ? `${started.server.url}?demo` : started.server.url;
  // The token travels in the fragment: the browser never sends it to a server or a log.
  const openUrl =
    flags.authToken !== undefined ? `${url}#token=${encodeURIComponent(flags.authToken)}` : url;
  console.log(`Meshlens is running at ${url}`);
  if (flags.authToken !== undefined) console.log(`Open ${openUrl} to sign in with the token.`);
  console.log('Press Ctrl+C to stop.');
  if (flags.open && canOpenBrowser()) openBrowser(openUrl);

  const stop = (): void => {
    void started.server
      .close()
      .then(() => topology.stop())
      .then(() => meshSource.close())
      .then(() => snapshots.value.close())
      .then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/**
 * `meshlens serve`: builds the web app when needed and serves it with the live mesh API over the
 * configured source (the demo mesh simulator when none is).
 */
export function registerServeCommand(program: Command): void {
  const command = program
    .command('serve')
    .description(
      'Start the Meshlens web app on this machine, showing the mesh from --istiod/--envoy/--bug-report/--kubeconfig (the built-in demo mesh when none is given).',
    )
    .option('--port <N>', 'TCP port to listen on', parsePort, 7777)
    .option(
      '--host <H>',
      'interface to bind; non-loopback needs --auth-token or --insecure',
      '127.0.0.1',
    )
    .option('--auth-token <T>', 'require "Authorization: Bearer <T>" on every API call')
    .option('--insecure', 'allow a non-loopback --host without a token')
    .option('--no-open', 'do not open a browser')
    .option('--open-demo', 'print (and open) the link that opens the demo mesh graph')
    .option(
      '--max-upload <size>',
      `largest bug-report archive the browser may upload, e.g. 200mb, 1gb (default ${formatByteSize(DEFAULT_MAX_UPLOAD_BYTES)})`,
      parseMaxUpload,
      DEFAULT_MAX_UPLOAD_BYTES,
    );
  addSnapshotStoreFlags(addTopologyOptions(addMeshSourceOptions(command))).action(
    (flags: ServeFlags) => serve(flags),
  );
}
