export type { Diagnostic, DiagnosticCode, DiagnoseOptions } from './diagnostic';
export { formatRef } from './diagnostic';
export { diagnose } from './diagnose';
export { formatDiagnostics } from './formatDiagnostics';
export { routeCovers } from './routeCovers';
