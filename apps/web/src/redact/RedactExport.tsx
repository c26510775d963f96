import { useState } from 'react';
import type { OpenDump } from '../dumps/useDumps';
import type { ParseSource } from '../dumps/workerProtocol';
import { describeRedaction } from './describeRedaction';
import { redactInWorker } from './redactInWorker';
import './redact.css';

/** Props of the "Export redacted…" action. */
export interface RedactExportProps {
  dump: OpenDump;
  /**
   * What the dump was read from, asked at export time (undefined: it cannot be re-read, e.g. the
   * hook that remembers sources was not in the path of the load).
   */
  source: () => ParseSource | undefined;
}

function save(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  // The click has started the download; the object URL may go on the next task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * "Export redacted…": the raw dump with secrets, certificates, tokens and IPs (and, when ticked,
 * hostnames and namespaces) replaced by stable placeholders, saved as `<label>-redacted.json`
 * (JSON whatever the dump was read from: JSON, YAML, gzipped or not).
 * Everything happens in the browser, in a worker; nothing is sent to the server.
 */
export function RedactExport({ dump, source }: RedactExportProps): React.JSX.Element {
  const [open, setOpen] = useState(false);
  const [hostnames, setHostnames] = useState(false);
  const [namespaces, setNamespaces] = useState(false);
  const [busy, setBusy] = useState(false);
  const [line, setLine] = useState<{ text: string; error: boolean } | undefined>(undefined);

  const download = async (): Promise<void> => {
    const from = source();
    if (!from) {
      setLine({
        text: 'The original of this dump is no longer available: open it again to export it.',
        error: true,
      });
      return;
    }
    setBusy(true);
    setLine(undefined);
    const result = await redactInWorker(from, { hostnames, namespaces });
    setBusy(false);
    if (!result.ok) {
      setLine({ text: result.message, error: true });
      return;
    }
    save(result.text, `${dump.label.replace(/\.(?:json|ya?ml)(?:\.gz)?$/i, '')}-redacted.json`);
    const read =
      result.from === 'yaml' || result.gzip
        ? ` Read from ${result.gzip ? 'gzipped ' : ''}${result.from === 'yaml' ? 'YAML' : 'JSON'}, saved as JSON.`
        : '';
    setLine({ text: `${describeRedaction(result.report)}${read}`, error: false });
  };

  return (
    <div className="viewbar-popover">
      <button
        type="button"
        className={`btn btn--small${open ? ' btn--on' : ''}`}
        data-testid="redact-open"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        Export redacted…
      </button>
      {open && (
        <div
          className="viewbar-popover__panel redact__panel"
          role="dialog"
          aria-label="Export redacted dump"
        >
          <p className="muted">
            Secrets, certificates, tokens and IP addresses are always replaced by stable
            placeholders. Done in your browser; nothing is uploaded. The file is JSON, also for a
            YAML or gzipped dump.
          </p>
          <label>
            <input
              type="checkbox"
              data-testid="redact-hostnames"
              checked={hostnames}
              onChange={(e) => setHostnames(e.target.checked)}
            />{' '}
            Hostnames
          </label>
          <label>
            <input
              type="checkbox"
              data-testid="redact-namespaces"
              checked={namespaces}
              onChange={(e) => setNamespaces(e.target.checked)}
            />{' '}
            Namespaces
          </label>
          <button
            type="button"
            className="btn btn--primary btn--small"
            data-testid="redact-download"
            disabled={busy}
            onClick={() => void download()}
          >
            {busy ? 'Redacting…' : 'Download redacted JSON'}
          </button>
          {line && (
            <p
              className={`redact__line${line.error ? ' redact__line--error' : ''}`}
              data-testid="redact-report"
              role={line.error ? 'alert' : 'status'}
            >
              {line.text}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
