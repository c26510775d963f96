import type { ConfigDump } from '@meshlens/configdump';
import { useMemo } from 'react';
import type { TableKind, TableSort } from '../urlState/appUrlState';
import { tableKinds } from '../urlState/appUrlState';
import { DataTable } from './DataTable';
import { clusterRows } from './clusterRows';
import { endpointRows } from './endpointRows';
import { listenerRows } from './listenerRows';
import { routeRows } from './routeRows';
import { secretRows } from './secretRows';
import {
  clusterColumns,
  endpointColumns,
  listenerColumns,
  routeColumns,
  secretColumns,
} from './tableColumns';

const tabLabel: Record<TableKind, string> = {
  listeners: 'Listeners',
  routes: 'Routes',
  clusters: 'Clusters',
  endpoints: 'Endpoints',
  secrets: 'Secrets',
};

/** The istioctl-style tables of one dump; each row opens its node in the graph. */
export function TablesView(props: {
  dump: ConfigDump;
  table: TableKind;
  filter: string;
  sort: TableSort | undefined;
  onTableChange: (t: TableKind) => void;
  onFilterChange: (f: string) => void;
  onSortChange: (s: TableSort | undefined) => void;
  onGoToNode: (nodeId: string) => void;
}): React.JSX.Element {
  const { dump, table } = props;
  // Rows are built once per dump and table, not on every keystroke of the filter.
  const rows = useMemo(() => {
    switch (table) {
      case 'listeners':
        return { kind: table, rows: listenerRows(dump) } as const;
      case 'routes':
        return { kind: table, rows: routeRows(dump) } as const;
      case 'clusters':
        return { kind: table, rows: clusterRows(dump) } as const;
      case 'endpoints':
        return { kind: table, rows: endpointRows(dump) } as const;
      case 'secrets':
        return { kind: table, rows: secretRows(dump) } as const;
    }
  }, [dump, table]);

  const common = {
    filter: props.filter,
    sort: props.sort,
    onSortChange: props.onSortChange,
    onRowActivate: (r: { nodeId: string }) => props.onGoToNode(r.nodeId),
    label: tabLabel[table],
  };

  return (
    <div className="tables-view">
      <div className="tables-view__bar">
        <div className="seg" role="tablist" aria-label="Tables">
          {tableKinds.map((k) => (
            <button
              type="button"
              role="tab"
              key={k}
              aria-selected={k === table}
              className={`seg__btn${k === table ? ' seg__btn--on' : ''}`}
              data-testid={`table-tab-${k}`}
              onClick={() => props.onTableChange(k)}
            >
              {tabLabel[k]}
            </button>
          ))}
        </div>
        <input
          type="search"
          className="input table-filter"
          data-testid="table-filter"
          placeholder={`Filter ${tabLabel[table].toLowerCase()}…`}
          aria-label="Filter rows"
          value={props.filter}
          onChange={(e) => props.onFilterChange(e.target.value)}
        />
      </div>
      {rows.kind === 'listeners' && (
        <DataTable key={table} rows={rows.rows} columns={listenerColumns} {...common} />
      )}
      {rows.kind === 'routes' && (
        <DataTable key={table} rows={rows.rows} columns={routeColumns} {...common} />
      )}
      {rows.kind === 'clusters' && (
        <DataTable key={table} rows={rows.rows} columns={clusterColumns} {...common} />
      )}
      {rows.kind === 'endpoints' && (
        <DataTable key={table} rows={rows.rows} columns={endpointColumns} {...common} />
      )}
      {rows.kind === 'secrets' && (
        <DataTable key={table} rows={rows.rows} columns={secretColumns} {...common} />
      )}
    </div>
  );
}
