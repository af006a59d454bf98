// Bundles the CLI, the language server, the extension and the webview script with esbuild,
// and the committed CLI bundle dist/throughline.js (for the GitHub Action and pre-commit),
// then regenerates schema/plan.schema.json from the zod schema (the single source of truth).
// The web extension is two browser bundles in out/web/: the extension (CommonJS, which the web
// worker extension host loads with `vscode` as its one require) and the language server (a
// plain script, which runs in a worker of its own). Neither may need Node: esbuild fails on a
// Node built-in there, and nothing provides `process` or `Buffer`.
import { build } from 'esbuild';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { DIST_FILE, distBuildOptions } from './distBundle.mjs';
import { yamlWithoutEnvReads } from './yamlWithoutEnvReads.mjs';

const production = process.argv.includes('--production');
const common = { bundle: true, sourcemap: !production, minify: production, logLevel: 'warning', target: 'node20' };
// The core reads CSVs with csv-parse's browser build (no Node built-ins, so a web build can run it);
// in Node the library's own build is the same parser on Node's Buffer, and about twice as fast.
const nativeCsv = { 'csv-parse/browser/esm/sync': 'csv-parse/sync' };
const node = { ...common, platform: 'node', format: 'cjs', plugins: [yamlWithoutEnvReads], alias: nativeCsv };

const jobs = [
  build({ ...node, entryPoints: { cli: 'server/src/cli/main.ts', server: 'server/src/server.ts' }, outdir: 'out' }),
  build({ ...node, sourcemap: false, entryPoints: { 'schema-gen': 'server/src/core/schema/jsonSchema.ts' }, outdir: 'out' }),
  build(distBuildOptions).then(() => chmodSync(DIST_FILE, 0o755)),
];
if (existsSync('client/src/extension.ts')) {
  jobs.push(build({ ...node, entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'out', external: ['vscode'] }));
}
if (existsSync('client/src/web/extension.ts')) {
  const browser = { ...common, platform: 'browser', target: 'es2022', outdir: 'out/web' };
  jobs.push(
    build({ ...browser, format: 'cjs', entryPoints: { extension: 'client/src/web/extension.ts' }, external: ['vscode'] }),
    build({ ...browser, format: 'iife', entryPoints: { server: 'server/src/browserServer.ts' } }),
  );
}
if (existsSync('client/src/webview/main.ts')) {
  jobs.push(
    build({ ...common, platform: 'browser', format: 'iife', target: 'es2022', entryPoints: { preview: 'client/src/webview/main.ts' }, outdir: 'media' }),
  );
}
await Promise.all(jobs);

const { planJsonSchema, libraryJsonSchema, portfolioJsonSchema } = createRequire(import.meta.url)('../out/schema-gen.js');
mkdirSync('schema', { recursive: true });
writeFileSync('schema/plan.schema.json', JSON.stringify(planJsonSchema(), null, 2) + '\n');
writeFileSync('schema/plan-library.schema.json', JSON.stringify(libraryJsonSchema(), null, 2) + '\n');
writeFileSync('schema/portfolio.schema.json', JSON.stringify(portfolioJsonSchema(), null, 2) + '\n');
