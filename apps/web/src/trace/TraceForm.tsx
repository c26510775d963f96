import type { RequestLineError } from '@meshlens/tracer';
import { useState } from 'react';
import { emptyTraceRequest, type TraceRequest } from './traceRequest';

/** Props of the trace form. */
export interface TraceFormProps {
  /** The request last traced (from the URL); the form starts from it. */
  initial: TraceRequest;
  /** The error of the last trace, shown under the field it is about. */
  error: RequestLineError | undefined;
  onSubmit: (request: TraceRequest) => void;
  onClear: () => void;
}

function FieldError(props: {
  error: RequestLineError | undefined;
  fields: RequestLineError['field'][];
}): React.JSX.Element | null {
  const { error } = props;
  if (!error || !props.fields.includes(error.field)) return null;
  return (
    <p
      className="trace-form__error"
      role="alert"
      data-testid="trace-error"
      data-field={error.field}
    >
      {error.message}
    </p>
  );
}

/** "Trace a request": a curl-like line, headers, and the connection details the URL cannot say. */
export function TraceForm(props: TraceFormProps): React.JSX.Element {
  const [r, setR] = useState<TraceRequest>(props.initial);
  const set =
    (key: keyof TraceRequest) =>
    (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>): void =>
      setR((prev) => ({ ...prev, [key]: e.target.value }));
  // An empty line never reaches the URL: say what to type instead.
  const [blank, setBlank] = useState(false);
  const error: RequestLineError | undefined = blank
    ? { field: 'line', message: 'Type a request, e.g. "GET http://reviews:9080/reviews/1".' }
    : props.error;

  return (
    <form
      className="trace-form"
      data-testid="trace-form"
      onSubmit={(e) => {
        e.preventDefault();
        setBlank(r.line.trim() === '');
        if (r.line.trim() !== '') props.onSubmit(r);
      }}
    >
      <label className="trace-form__label" htmlFor="trace-input">
        Request
      </label>
      <input
        id="trace-input"
        className="input trace-form__line mono"
        data-testid="trace-input"
        value={r.line}
        onChange={set('line')}
        placeholder="GET http://reviews:9080/reviews/1"
        spellCheck={false}
        autoComplete="off"
        aria-invalid={error?.field === 'line'}
      />
      <FieldError error={error} fields={['line']} />
      <label className="trace-form__label" htmlFor="trace-headers">
        Headers <span className="muted">one “Name: value” per line</span>
      </label>
      <textarea
        id="trace-headers"
        className="input trace-form__headers mono"
        data-testid="trace-headers"
        value={r.headers}
        onChange={set('headers')}
        placeholder="end-user: jason"
        rows={3}
        spellCheck={false}
        aria-invalid={error?.field === 'headers'}
      />
      <FieldError error={error} fields={['headers']} />
      <div className="trace-form__row">
        <label>
          Port
          <input
            className="input trace-form__small"
            data-testid="trace-port"
            value={r.port}
            onChange={set('port')}
            placeholder="from URL"
            inputMode="numeric"
          />
        </label>
        <label title="The stream's random value: picks the branch of weighted clusters and runtime fractions">
          Random value
          <input
            className="input trace-form__small"
            data-testid="trace-random"
            value={r.random}
            onChange={set('random')}
            placeholder="unknown"
            inputMode="numeric"
          />
        </label>
      </div>
      <FieldError error={error} fields={['port', 'random']} />
      <div className="trace-form__row">
        <label>
          Destination IP
          <input
            className="input trace-form__small"
            data-testid="trace-ip"
            value={r.ip}
            onChange={set('ip')}
            placeholder="service VIP"
            spellCheck={false}
          />
        </label>
        <label>
          SNI
          <input
            className="input trace-form__small"
            data-testid="trace-sni"
            value={r.sni}
            onChange={set('sni')}
            placeholder="plaintext"
            spellCheck={false}
          />
        </label>
        <label>
          Direction
          <select
            className="input trace-form__small"
            data-testid="trace-direction"
            value={r.direction}
            onChange={set('direction')}
          >
            <option value="">from proxy type</option>
            <option value="outbound">outbound</option>
            <option value="inbound">inbound</option>
            <option value="direct">direct</option>
          </select>
        </label>
      </div>
      <FieldError error={error} fields={['ip', 'direction']} />
      <div className="trace-form__actions">
        <button type="submit" className="btn btn--primary" data-testid="trace-submit">
          Trace
        </button>
        <button
          type="button"
          className="btn"
          data-testid="trace-clear"
          onClick={() => {
            setR(emptyTraceRequest);
            setBlank(false);
            props.onClear();
          }}
        >
          Clear
        </button>
      </div>
    </form>
  );
}
