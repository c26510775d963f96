import type { ConfigDump } from '@meshlens/configdump';
import type { GraphViewState } from './graphViewState';

/** Props of the whole graph view. */
export interface ProxyGraphPanelProps {
  dump: ConfigDump;
  /** Used in export file names: `<dumpLabel>-graph.png`. */
  dumpLabel: string;
  state: GraphViewState;
  /** Every state change goes through here, so the shell can keep it in the URL. */
  onStateChange: (next: GraphViewState) => void;
  theme: 'light' | 'dark';
}

/** The proxy graph view: toolbar, Cytoscape canvas and the side panel of the selected node. */
export function ProxyGraphPanel(props: ProxyGraphPanelProps): React.JSX.Element {
  return (
    <div className="proxy-graph" data-testid="proxy-graph">
      <div data-testid="graph-toolbar" />
      <div data-testid="graph-canvas" aria-label={`Graph of ${props.dumpLabel}`} />
    </div>
  );
}
