import { useState } from 'react';
import { absoluteLink } from './snapshotClient';

/**
 * "Copy link" for a permalink. Where the clipboard is refused (no permission, an insecure
 * origin), the link is shown selected in a field so it can be copied by hand.
 */
export function CopyLink(props: { permalink: string; testId: string }): React.JSX.Element {
  const [state, setState] = useState<'idle' | 'copied' | 'manual'>('idle');
  const link = absoluteLink(props.permalink);
  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(link);
      setState('copied');
    } catch {
      setState('manual');
    }
  };
  return (
    <span className="copy-link">
      <button
        type="button"
        className="btn btn--small"
        data-testid={props.testId}
        data-permalink={link}
        title={link}
        onClick={(e) => {
          e.stopPropagation();
          void copy();
        }}
      >
        {state === 'copied' ? 'Copied' : 'Copy link'}
      </button>
      {state === 'manual' && (
        <input
          className="input copy-link__field"
          readOnly
          aria-label="Snapshot link"
          value={link}
          ref={(el) => el?.select()}
          onClick={(e) => e.stopPropagation()}
        />
      )}
    </span>
  );
}
