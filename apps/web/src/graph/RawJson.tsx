import { useMemo, useState } from 'react';
import type { JsonValue } from '@meshlens/configdump';

// Above this size the JSON is only rendered once the user opens it: a 300-host route
// configuration is megabytes of text and would stall every selection.
const eagerLimit = 20_000;

/** The raw JSON of an object, pretty-printed as text, collapsible, with a copy button. */
export function RawJson({ value }: { value: JsonValue }): React.JSX.Element {
  const text = useMemo(() => JSON.stringify(value, null, 2) ?? 'undefined', [value]);
  const small = text.length <= eagerLimit;
  const [open, setOpen] = useState(small);
  const [copied, setCopied] = useState(false);
  const copy = (): void => {
    void navigator.clipboard?.writeText(text).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <details
      className="graph-raw"
      open={open}
      onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>
        Raw JSON <span className="graph-muted">({(text.length / 1024).toFixed(1)} KB)</span>
        <button type="button" className="graph-copy" onClick={copy}>
          {copied ? 'Copied' : 'Copy'}
        </button>
      </summary>
      <pre data-testid="graph-raw-json">{open || small ? text : ''}</pre>
    </details>
  );
}
