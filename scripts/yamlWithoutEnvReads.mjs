// yaml's parser reads `process.env.LOG_TOKENS` once per token and its composer
// `process.env.LOG_STREAM` once per document (debug switches of the library). Each read of
// process.env goes through Node's environment lookup; on a 1,000-channel plan that is about
// a fifth of the parse. The bundles read neither switch: the parse gives the same documents.
import { readFile } from 'node:fs/promises';

const ENV_READS = /node_process\.env\.(LOG_TOKENS|LOG_STREAM)\b/g;
const FILES = /[\\/]node_modules[\\/]yaml[\\/]dist[\\/](parse[\\/]parser|compose[\\/]composer)\.js$/;

/** esbuild plugin: yaml's parser and composer without their per-token environment reads. */
export const yamlWithoutEnvReads = {
  name: 'yaml-without-env-reads',
  setup(build) {
    build.onLoad({ filter: FILES }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      const patched = source.replace(ENV_READS, 'false');
      // A yaml update that moves these reads must not silently bring the cost back.
      if (patched === source) throw new Error(`${path}: yaml no longer reads process.env.LOG_TOKENS / LOG_STREAM here; update scripts/yamlWithoutEnvReads.mjs`);
      return { contents: patched, loader: 'js' };
    });
  },
};
