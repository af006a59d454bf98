import type { Analysis } from './analyze.js';

/** What every editor feature works on: one analyzed version of one plan file. */
export interface PlanDocument {
  uri: string;
  version: number;
  analysis: Analysis;
}
