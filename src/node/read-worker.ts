/**
 * Worker-thread side of the parallel reader (read-pool.ts): reads the files
 * it is sent with the same readOne as the main thread and posts each outcome
 * back as JSON text (read-one.ts), which the main thread parses in less than
 * half the time structured cloning takes.
 */

import { parentPort } from 'worker_threads';
import { outcomeToJson, readOne } from './read-one';

export interface ReadJob {
  index: number;
  file: string;
  lang: 'zh' | 'en';
}

export interface ReadReply {
  index: number;
  /** The outcome as outcomeToJson wrote it. */
  json: string;
}

if (parentPort) {
  const port = parentPort;
  port.on('message', (job: ReadJob) => {
    void readOne(job.file, job.lang).then((outcome) => port.postMessage({ index: job.index, json: outcomeToJson(outcome) } satisfies ReadReply));
  });
}
