export * from './files.js';
export * from './host.js';
export * from './uris.js';
export { ConfigLookup, type ConfigProblem } from './configLookup.js';
export { AnalysisOptionsSource } from './analysisOptions.js';
export { LinkedFileStore } from './linkedFileStore.js';
