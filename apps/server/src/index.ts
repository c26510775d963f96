// Public surface of the server package (used by tests and the e2e helper).
export { createServer, type ServerOptions } from './server/createServer';
export {
  startServer,
  type RunningServer,
  type StartError,
  type StartOptions,
  type StartResult,
} from './server/startServer';
export { checkBindPolicy, isLoopbackHost } from './server/bindPolicy';
