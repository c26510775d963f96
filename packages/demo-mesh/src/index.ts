export type * from './model';
export { generateDemoMesh, DEFAULT_DEMO_NOW } from './generateDemoMesh';
export { generateSidecarDump } from './generateSidecarDump';
export { ISTIO_VERSION, ISTIO_PROXY_SHA, ENVOY_VERSION } from './xds/bootstrap';
export { writePrettyJson } from './writePrettyJson';
