// The list of test files, generated at bundle time by scripts/e2e/build-suite.mjs (an esbuild
// plugin) from every `*.e2e.ts` in this folder. Each `load()` requires one file; index.ts
// calls it between mocha's pre-require and post-require events, as mocha's own loader does,
// so no file globbing or dynamic require happens inside the extension host.
declare module 'throughline-e2e:test-files' {
  const files: ReadonlyArray<{ readonly file: string; readonly load: () => void }>;
  export default files;
}
