// The Node bundles take yaml's ES module build (`browser/`, the one the web bundles already run)
// instead of its CommonJS build (`dist/`), for two costs of the latter:
// - its parser reads `process.env.LOG_TOKENS` once per token and its composer
//   `process.env.LOG_STREAM` once per document (debug switches of the library); each read of
//   process.env goes through Node's environment lookup: on a 1,000-channel plan about a fifth
//   of the parse. The ES module build reads neither.
// - esbuild reaches a CommonJS module's exports through a getter per export, paid at every
//   `isMap`/`isScalar`/`isPair` call (about 3 % of a 500-plan workspace's analysis); an ES
//   module's exports are bound directly.
// Both builds are compiled from the same sources and give the same documents.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const root = dirname(createRequire(import.meta.url).resolve('yaml/package.json'));
const ENTRIES = { yaml: join(root, 'browser', 'index.js'), 'yaml/util': join(root, 'browser', 'dist', 'util.js') };
const ENV_READ = /\bprocess\.env\b/;

/** esbuild plugin: `yaml` and `yaml/util` resolved to yaml's ES module build, which reads no environment variable. */
export const yamlWithoutEnvReads = {
  name: 'yaml-without-env-reads',
  setup(build) {
    build.onResolve({ filter: /^yaml(\/util)?$/ }, ({ path }) => ({ path: ENTRIES[path] }));
    // A yaml update that adds environment reads to this build must not silently bring the cost back.
    build.onLoad({ filter: /[\\/]node_modules[\\/]yaml[\\/]browser[\\/].*\.js$/ }, async ({ path }) => {
      const contents = await readFile(path, 'utf8');
      if (ENV_READ.test(contents)) throw new Error(`${path}: yaml's ES module build now reads process.env; update scripts/yamlWithoutEnvReads.mjs`);
      return { contents, loader: 'js' };
    });
  },
};
