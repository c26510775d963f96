#!/usr/bin/env node
// The `meshlens` command line. Each subcommand lives in its own file and registers itself here.
import { Command } from 'commander';
import { registerCheckCommand } from './checkCommand';
import { registerDemoCommand } from './demoCommand';
import { registerDiffCommand } from './diffCommand';
import { registerGraphCommand } from './graphCommand';
import { registerProxyConfigCommand } from './proxyConfigCommand';
import { registerProxyStatusCommand } from './proxyStatusCommand';
import { registerRedactCommand } from './redactCommand';
import { registerRouteCheckCommand } from './routeCheckCommand';
import { registerServeCommand } from './serveCommand';
import { registerSnapshotCommand } from './snapshotCommand';
import { registerTraceCommand } from './traceCommand';

const program = new Command();
program
  .name('meshlens')
  .description('See why traffic goes where it goes in an Istio / Envoy service mesh.')
  .showHelpAfterError()
  .configureOutput({ outputError: (str, write) => write(str) });

registerProxyConfigCommand(program);
registerProxyStatusCommand(program);
registerDemoCommand(program);
registerServeCommand(program);
registerTraceCommand(program);
registerRouteCheckCommand(program);
registerCheckCommand(program);
registerGraphCommand(program);
registerDiffCommand(program);
registerRedactCommand(program);
registerSnapshotCommand(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  // Last-resort guard: commands report their own errors; nothing should print a stack trace.
  console.error(`meshlens: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
