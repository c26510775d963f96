import type { OpenDump } from './useDumps';

/** One tab per open dump; closing a tab never closes the others. */
export function DumpTabs(props: {
  dumps: OpenDump[];
  selectedId: number | undefined;
  onSelect: (d: OpenDump) => void;
  onClose: (d: OpenDump) => void;
}): React.JSX.Element {
  return (
    <div className="dump-tabs" role="tablist" aria-label="Open dumps">
      {props.dumps.map((d) => {
        const selected = d.id === props.selectedId;
        return (
          <div className={`dump-tab${selected ? ' dump-tab--selected' : ''}`} key={d.id}>
            <button
              type="button"
              role="tab"
              className="dump-tab__label"
              data-testid="dump-tab"
              data-name={d.label}
              aria-selected={selected}
              title={d.dump.node?.id ?? d.label}
              onClick={() => props.onSelect(d)}
            >
              <span className={`proxy-dot proxy-dot--${d.dump.node?.proxyType ?? 'unknown'}`} />
              {d.label}
            </button>
            <button
              type="button"
              className="dump-tab__close"
              data-testid="dump-tab-close"
              aria-label={`Close ${d.label}`}
              onClick={() => props.onClose(d)}
            >
              ×
            </button>
          </div>
        );
      })}
    </div>
  );
}
