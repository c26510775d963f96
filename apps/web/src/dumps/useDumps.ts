import type { ConfigDump } from '@meshlens/configdump';
import { useCallback, useRef, useState } from 'react';
import { describeDumpError } from './describeDumpError';
import { baseDumpLabel, uniqueLabel } from './dumpLabel';
import { DumpAssembler } from './dumpTransfer';
import {
  overallProgress,
  type ParsePhase,
  type ParseRequest,
  type ParseSource,
  type WorkerReply,
} from './workerProtocol';

/** A dump open in a tab. */
export interface OpenDump {
  id: number;
  /** Unique tab label (pod name or file name). */
  label: string;
  dump: ConfigDump;
}

/** A load in progress. */
export interface LoadJob {
  jobId: number;
  name: string;
  phase: ParsePhase;
  /** 0..1 over reading and parsing. */
  progress: number;
}

/** A load that failed, shown as a banner naming the file. */
export interface LoadFailure {
  id: number;
  name: string;
  message: string;
}

/** Open dumps, running loads and failed loads; parsing happens in one Web Worker per load. */
export interface DumpsApi {
  dumps: OpenDump[];
  jobs: LoadJob[];
  failures: LoadFailure[];
  /** Parses a source in a worker; resolves to the opened dump, or undefined on failure/cancel. */
  load(source: ParseSource): Promise<OpenDump | undefined>;
  cancel(jobId: number): void;
  close(id: number): void;
  dismissFailure(id: number): void;
}

let nextId = 1;

export function useDumps(): DumpsApi {
  const [dumps, setDumps] = useState<OpenDump[]>([]);
  const [jobs, setJobs] = useState<LoadJob[]>([]);
  const [failures, setFailures] = useState<LoadFailure[]>([]);
  const dumpsRef = useRef<OpenDump[]>([]);
  const workers = useRef(new Map<number, { worker: Worker; finish: () => void }>());

  const finishJob = useCallback((jobId: number) => {
    const entry = workers.current.get(jobId);
    workers.current.delete(jobId);
    entry?.worker.terminate();
    setJobs((js) => js.filter((j) => j.jobId !== jobId));
  }, []);

  const fail = useCallback((name: string, message: string) => {
    setFailures((fs) => [...fs, { id: nextId++, name, message }]);
  }, []);

  const load = useCallback(
    (source: ParseSource): Promise<OpenDump | undefined> => {
      const jobId = nextId++;
      setJobs((js) => [...js, { jobId, name: source.name, phase: 'read', progress: 0 }]);
      return new Promise((resolve) => {
        const worker = new Worker(new URL('./parseWorker.ts', import.meta.url), {
          type: 'module',
          name: `meshlens-parse-${jobId}`,
        });
        workers.current.set(jobId, { worker, finish: () => resolve(undefined) });
        const assembler = new DumpAssembler();
        const setProgress = (phase: ParsePhase, fraction: number): void => {
          const progress = overallProgress(phase, fraction);
          setJobs((js) => js.map((j) => (j.jobId === jobId ? { ...j, phase, progress } : j)));
        };
        worker.onmessage = (event: MessageEvent<WorkerReply>) => {
          const msg = event.data;
          if (msg.type === 'progress') {
            setProgress(msg.phase, msg.fraction);
            return;
          }
          if (msg.type === 'failed') {
            finishJob(jobId);
            fail(source.name, describeDumpError(msg.error));
            resolve(undefined);
            return;
          }
          // Each part arrives in its own task, so the page keeps painting in between.
          assembler.add(msg.part);
          if (msg.seq < msg.total - 1) {
            setProgress('receive', (msg.seq + 1) / msg.total);
            return;
          }
          finishJob(jobId);
          const dump = assembler.result();
          if (dump === undefined) {
            fail(source.name, 'The parser sent an incomplete model; please try again.');
            resolve(undefined);
            return;
          }
          const label = uniqueLabel(
            source.label || baseDumpLabel(dump, source.name),
            dumpsRef.current.map((d) => d.label),
          );
          const opened: OpenDump = { id: jobId, label, dump };
          // Tabs keep the order the loads started in, not the order they finished in.
          dumpsRef.current = [...dumpsRef.current, opened].sort((a, b) => a.id - b.id);
          setDumps(dumpsRef.current);
          // A success supersedes the banners of loads that failed before this one started (the
          // user has moved on) and of earlier tries of the same file; a failure from the same
          // drop (a later id) stays, it is still news.
          setFailures((fs) => fs.filter((f) => f.id > jobId && f.name !== source.name));
          resolve(opened);
        };
        worker.onerror = (event) => {
          finishJob(jobId);
          fail(source.name, `The parser stopped unexpectedly: ${event.message || 'worker error'}.`);
          resolve(undefined);
        };
        const req: ParseRequest = { type: 'parse', jobId, source };
        worker.postMessage(req);
      });
    },
    [fail, finishJob],
  );

  const cancel = useCallback(
    (jobId: number) => {
      const entry = workers.current.get(jobId);
      finishJob(jobId);
      entry?.finish();
    },
    [finishJob],
  );

  const close = useCallback((id: number) => {
    dumpsRef.current = dumpsRef.current.filter((d) => d.id !== id);
    setDumps(dumpsRef.current);
  }, []);

  const dismissFailure = useCallback((id: number) => {
    setFailures((fs) => fs.filter((f) => f.id !== id));
  }, []);

  return { dumps, jobs, failures, load, cancel, close, dismissFailure };
}
