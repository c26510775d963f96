// The wire contract between the Meshlens server and the web app. Types only: the web app imports
// them with `import type`, so nothing here may need a runtime.
export type * from './api';
export type * from './mesh';
