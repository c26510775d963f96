import { useState } from 'react';

/** A textarea to paste a dump (JSON or YAML) into; opened by the `paste-open` button. */
export function PastePanel(props: {
  onSubmit: (text: string) => void;
  onClose: () => void;
}): React.JSX.Element {
  const [text, setText] = useState('');
  return (
    <div className="paste-panel" role="dialog" aria-label="Paste a config dump">
      <div className="paste-panel__head">
        <strong>Paste a config dump</strong>
        <span className="muted">
          JSON or YAML, e.g. the output of <code>istioctl proxy-config all -o json</code>
        </span>
        <button type="button" className="btn btn--icon" aria-label="Close" onClick={props.onClose}>
          ×
        </button>
      </div>
      <textarea
        data-testid="paste-text"
        value={text}
        spellCheck={false}
        autoFocus
        placeholder='{"configs": [ ... ]}'
        onChange={(e) => setText(e.target.value)}
      />
      <div className="paste-panel__actions">
        <button
          type="button"
          className="btn btn--primary"
          data-testid="paste-submit"
          disabled={text.trim() === ''}
          onClick={() => props.onSubmit(text)}
        >
          Open pasted dump
        </button>
        <button type="button" className="btn" onClick={props.onClose}>
          Cancel
        </button>
      </div>
    </div>
  );
}
