// cytoscape-svg ships no types; the extension is registered with `cytoscape.use`.
declare module 'cytoscape-svg' {
  import type { Ext } from 'cytoscape';

  const extension: Ext;
  export default extension;
}
