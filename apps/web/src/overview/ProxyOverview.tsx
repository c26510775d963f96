import { countResources, type ConfigDump, type SectionKind } from '@meshlens/configdump';
import { useMemo } from 'react';
import type { TableKind } from '../urlState/appUrlState';
import type { DumpWarning } from './collectWarnings';
import { dumpWarnings } from './dumpWarnings';

/** Most warnings rendered at once; a dump with thousands of dangling names stays responsive. */
const maxShownWarnings = 300;

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

function Fact(props: {
  label: string;
  value: string | undefined;
  testId?: string;
}): React.JSX.Element {
  return (
    <div className="fact">
      <dt>{props.label}</dt>
      <dd data-testid={props.testId} title={props.value}>
        {props.value || <span className="muted">—</span>}
      </dd>
    </div>
  );
}

function Count(props: {
  label: string;
  value: number;
  testId?: string;
  detail?: string;
  onClick?: () => void;
}): React.JSX.Element {
  return (
    <button type="button" className="count-tile" onClick={props.onClick} disabled={!props.onClick}>
      <span className="count-tile__value" data-testid={props.testId}>
        {props.value}
      </span>
      <span className="count-tile__label">{props.label}</span>
      {props.detail && <span className="count-tile__detail">{props.detail}</span>}
    </button>
  );
}

function WarningItem(props: { w: DumpWarning; onGo: (nodeId: string) => void }): React.JSX.Element {
  const { w } = props;
  return (
    <li
      className={`warning warning--${w.severity}`}
      data-testid="warning-item"
      data-severity={w.severity}
      data-category={w.category}
    >
      <span className={`sev sev--${w.severity}`}>{w.severity}</span>
      <span className="warning__msg">{w.message}</span>
      {w.nodeId !== undefined && (
        <button
          type="button"
          className="link-btn"
          data-node-id={w.nodeId}
          onClick={() => props.onGo(w.nodeId as string)}
        >
          Show in graph
        </button>
      )}
    </li>
  );
}

/** The proxy overview: identity, source, counts and the warnings list. */
export function ProxyOverview(props: {
  dump: ConfigDump;
  onOpenTable: (t: TableKind) => void;
  onGoToNode: (nodeId: string) => void;
}): React.JSX.Element {
  const { dump } = props;
  const counts = useMemo(() => countResources(dump), [dump]);
  const warnings = dumpWarnings(dump);
  const node = dump.node;
  // A partial dump (e.g. `istioctl proxy-config listener -o json`) has only some sections.
  const absent = (section: SectionKind): string | undefined =>
    dump.sections.includes(section) ? undefined : 'not in this dump';
  const bySeverity = {
    error: warnings.filter((w) => w.severity === 'error').length,
    warning: warnings.filter((w) => w.severity === 'warning').length,
    info: warnings.filter((w) => w.severity === 'info').length,
  };

  return (
    <div className="overview" data-testid="overview">
      <section className="card">
        <h2 className="card__title">Proxy</h2>
        <dl className="facts">
          <Fact label="Node ID" value={node?.id} testId="node-id" />
          <Fact label="Proxy type" value={node?.proxyType ?? 'unknown'} testId="proxy-type" />
          <Fact label="Pod" value={node?.podName} />
          <Fact label="Namespace" value={node?.namespace} />
          <Fact label="IP" value={node?.ip} />
          <Fact label="Istio version" value={node?.istioVersion} />
          <Fact label="Envoy version" value={node?.envoyVersion} />
          <Fact
            label="Mesh / cluster"
            value={[node?.meshId, node?.clusterId].filter(Boolean).join(' / ')}
          />
        </dl>
      </section>
      <section className="card">
        <h2 className="card__title">Dump</h2>
        <dl className="facts">
          <Fact label="File" value={dump.source.fileName} />
          <Fact
            label="Format"
            value={`${dump.source.format.toUpperCase()}${dump.source.gzip ? ' (gzip)' : ''}, ${formatBytes(dump.source.bytes)}`}
          />
          <Fact label="API version" value={dump.source.apiVersion} />
          <Fact label="Shape" value={dump.source.shape} />
          <Fact label="Sections" value={dump.sections.join(', ')} />
        </dl>
      </section>
      <section className="card card--wide">
        <h2 className="card__title">Resources</h2>
        <div className="counts">
          <Count
            label="Listeners"
            value={counts.listeners}
            testId="count-listeners"
            detail={absent('listeners')}
            onClick={() => props.onOpenTable('listeners')}
          />
          <Count
            label="Route configs"
            value={counts.routeConfigs}
            testId="count-routes"
            detail={
              absent('routes') ?? `${counts.routes} routes in ${counts.virtualHosts} virtual hosts`
            }
            onClick={() => props.onOpenTable('routes')}
          />
          <Count
            label="Routes"
            value={counts.routes}
            testId="count-route-entries"
            detail={absent('routes')}
            onClick={() => props.onOpenTable('routes')}
          />
          <Count
            label="Clusters"
            value={counts.clusters}
            testId="count-clusters"
            detail={absent('clusters')}
            onClick={() => props.onOpenTable('clusters')}
          />
          <Count
            label="Endpoints"
            value={counts.endpoints}
            testId="count-endpoints"
            detail={absent('endpoints')}
            onClick={() => props.onOpenTable('endpoints')}
          />
          <Count
            label="Secrets"
            value={counts.secrets}
            testId="count-secrets"
            detail={absent('secrets')}
            onClick={() => props.onOpenTable('secrets')}
          />
          <Count
            label="ECDS configs"
            value={counts.extensionConfigs}
            testId="count-ecds"
            detail={absent('ecds')}
          />
        </div>
      </section>
      <section className="card card--wide">
        <h2 className="card__title">
          Warnings{' '}
          <span className="muted">
            {warnings.length === 0
              ? 'none'
              : `${bySeverity.error} errors, ${bySeverity.warning} warnings, ${bySeverity.info} notes`}
          </span>
        </h2>
        <ul className="warnings" data-testid="warnings-list">
          {warnings.slice(0, maxShownWarnings).map((w, i) => (
            <WarningItem key={i} w={w} onGo={props.onGoToNode} />
          ))}
        </ul>
        {warnings.length === 0 && (
          <p className="muted">
            No dangling references, shadowed routes, duplicate domains, failed resources, unhealthy
            endpoints, BlackHole routes or certificate problems found.
          </p>
        )}
        {warnings.length > maxShownWarnings && (
          <p className="muted">…and {warnings.length - maxShownWarnings} more.</p>
        )}
      </section>
    </div>
  );
}
