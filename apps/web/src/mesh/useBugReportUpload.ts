import type { BugReportUploadResponse } from '@meshlens/contract';
import { useCallback, useState } from 'react';
import { postBlob } from '../demo/apiClient';

/** Uploading an `istioctl bug-report` archive to the server, which opens it as a mesh. */
export function useBugReportUpload(onUploaded: (res: BugReportUploadResponse) => void): {
  busy: boolean;
  error: string | undefined;
  upload: (file: File) => Promise<void>;
  dismiss: () => void;
} {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const upload = useCallback(
    async (file: File) => {
      setBusy(true);
      setError(undefined);
      try {
        const res = await postBlob<BugReportUploadResponse>(
          `/api/bug-report?name=${encodeURIComponent(file.name)}`,
          file,
        );
        onUploaded(res);
      } catch (err) {
        // The server's message says what to do (e.g. the 413 names --max-upload).
        setError(`${file.name}: ${err instanceof Error ? err.message : String(err)}`);
      } finally {
        setBusy(false);
      }
    },
    [onUploaded],
  );
  return { busy, error, upload, dismiss: () => setError(undefined) };
}
