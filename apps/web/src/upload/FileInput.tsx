import { forwardRef } from 'react';

/** Extensions offered by the file picker (any file can still be dropped). */
export const acceptedExtensions = '.json,.yaml,.yml,.gz,.txt,application/json,application/gzip';

/** The page's single hidden file picker; buttons elsewhere open it through the ref. */
export const FileInput = forwardRef<HTMLInputElement, { onFiles: (files: File[]) => void }>(
  function FileInput({ onFiles }, ref) {
    return (
      <input
        ref={ref}
        type="file"
        multiple
        accept={acceptedExtensions}
        data-testid="file-input"
        className="visually-hidden"
        aria-label="Open config dump files"
        onChange={(e) => {
          const files = Array.from(e.currentTarget.files ?? []);
          // Reset so picking the same file again still fires a change.
          e.currentTarget.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
    );
  },
);
