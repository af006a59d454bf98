// The npm package as a user gets it: `npm pack` (its `prepack` builds the production bundles)
// makes a tarball that, installed into an empty folder or globally, gives working `throughline`
// and `throughline-language-server` commands and needs nothing from the registry.
//
// The pack runs in a copy of the checkout (tracked and untracked-but-not-ignored files, with
// node_modules linked in), so the production build never overwrites the out/ the other test
// files are using. npm runs with a temporary cache and prefix and `--offline`: the tarball has
// no dependencies, so an install that needed the registry would fail here.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { LspClient } from '../helpers/lspClient.js';
import { cleanPlan, copyCheckout, oneErrorPlan, repoRoot } from './support.js';

const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { name: string; version: string; bin: Record<string, string> };
const NPM_TIMEOUT = 240_000;

let root: string;
let tarball: string;
let packedFiles: string[];
let npmEnv: NodeJS.ProcessEnv;

function npm(args: string[], cwd: string): string {
  const result = spawnSync('npm', args, { cwd, env: npmEnv, encoding: 'utf8', timeout: NPM_TIMEOUT });
  if (result.status !== 0)
    assert.fail(`npm ${args.join(' ')} failed (${result.error?.message ?? `exit ${result.status}`}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, env: npmEnv, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, error: result.error };
}

before(() => {
  root = mkdtempSync(join(tmpdir(), 'throughline-package-'));
  npmEnv = {
    ...process.env,
    npm_config_cache: join(root, 'npm-cache'),
    npm_config_prefix: join(root, 'npm-prefix'),
    npm_config_userconfig: join(root, 'npmrc'),
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  writeFileSync(join(root, 'npmrc'), '');
  const checkout = join(root, 'checkout');
  copyCheckout(checkout, { linkNodeModules: true });
  const packed = JSON.parse(npm(['pack', '--json', '--pack-destination', root], checkout)) as { filename: string; files: { path: string }[] }[];
  tarball = join(root, packed[0]!.filename);
  packedFiles = packed[0]!.files.map((file) => file.path).sort();
});

after(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('npm package', { timeout: 10 * 60_000 }, () => {
  it('packs the bundled CLI and server, their launchers and the docs they link to, and nothing else', () => {
    assert.equal(tarball, join(root, `${manifest.name}-${manifest.version}.tgz`));
    for (const needed of ['package.json', 'bin/throughline.js', 'bin/throughline-language-server.js', 'out/cli.js', 'out/server.js', 'docs/rules/schema.md']) {
      assert.ok(packedFiles.includes(needed), `${needed} is in the tarball`);
    }
    const allowed =
      /^(package\.json|README\.md|LICENSE|CHANGELOG\.md|bin\/throughline(-language-server)?\.js|out\/(cli|server)\.js|docs\/plan-language\.md|docs\/rules\/[^/]+\.md|schema\/(plan|plan-library|portfolio)\.schema\.json)$/;
    assert.deepEqual(
      packedFiles.filter((path) => !allowed.test(path)),
      [],
      'no sources, tests, maps, extension bundle or other files',
    );
    for (const launcher of Object.values(manifest.bin)) assert.ok(packedFiles.includes(launcher.replace(/^\.\//, '')), `bin ${launcher} is packed`);
  });

  it('installs offline into an empty folder: npx throughline check and render work there', () => {
    const project = join(root, 'project');
    mkdirSync(join(project, 'plans'), { recursive: true });
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'plans', version: '1.0.0', private: true }));
    writeFileSync(join(project, 'plans', 'q3.plan.yaml'), cleanPlan);
    npm(['install', '--offline', '--no-package-lock', tarball], project);

    const installed = JSON.parse(readFileSync(join(project, 'node_modules', manifest.name, 'package.json'), 'utf8')) as Record<string, unknown>;
    assert.equal(installed.dependencies, undefined, 'the package needs no dependencies at run time');
    assert.equal(installed.version, manifest.version);

    const clean = run('npx', ['--no-install', 'throughline', 'check', 'plans'], project);
    assert.equal(clean.code, 0, `${clean.stdout}${clean.stderr}`);
    assert.match(clean.stdout, /✔ no problems in 1 file/);

    writeFileSync(join(project, 'plans', 'broken.plan.yaml'), oneErrorPlan);
    const failing = run('npx', ['--no-install', 'throughline', 'check', '--format', 'json', 'plans'], project);
    assert.equal(failing.code, 1, failing.stderr);
    const findings = JSON.parse(failing.stdout) as { file: string; rule: string }[];
    assert.deepEqual(
      findings.map((finding) => `${finding.file} ${finding.rule}`),
      ['plans/broken.plan.yaml dependency-unknown'],
    );

    // The SARIF log carries the rule pages installed with the package.
    const sarif = run('npx', ['--no-install', 'throughline', 'check', '--format', 'sarif', 'plans/broken.plan.yaml'], project);
    const rule = (
      JSON.parse(sarif.stdout) as { runs: { tool: { driver: { rules: { id: string; helpUri: string; help: { markdown?: string } }[] } } }[] }
    ).runs[0]!.tool.driver.rules.find((candidate) => candidate.id === 'dependency-unknown')!;
    assert.match(rule.helpUri, /node_modules\/throughline\/docs\/rules\/dependency-unknown\.md$/);
    assert.match(rule.help.markdown ?? '', /^# dependency-unknown$/m, 'the rule page is read from the installed docs');

    const render = run('npx', ['--no-install', 'throughline', 'render', 'plans/q3.plan.yaml', '-o', 'timeline.svg'], project);
    assert.equal(render.code, 0, render.stderr);
    assert.match(readFileSync(join(project, 'timeline.svg'), 'utf8'), /^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  });

  it('throughline-language-server from the tarball answers over stdio with diagnostics', async () => {
    const project = join(root, 'project');
    const server = join(project, 'node_modules', '.bin', 'throughline-language-server');
    assert.ok(existsSync(server), 'npm linked the language server launcher');
    const client = await LspClient.start({ command: [server, '--stdio'] });
    try {
      assert.equal(client.initializeResult?.serverInfo?.name, 'throughline-language-server');
      const uri = 'file:///tmp/broken.plan.yaml';
      await client.open(uri, oneErrorPlan);
      const { diagnostics } = await client.diagnosticsFor(uri, 1);
      assert.deepEqual(
        diagnostics.map((diagnostic) => diagnostic.code),
        ['dependency-unknown'],
      );
    } finally {
      await client.stop();
    }
  });

  it('npm install -g of the tarball gives throughline --version = package.json version', () => {
    const prefix = join(root, 'global');
    npm(['install', '-g', '--offline', '--prefix', prefix, tarball], root);
    const version = run(join(prefix, 'bin', 'throughline'), ['--version'], root);
    assert.equal(version.code, 0, `${version.stderr}${version.error?.message ?? ''}`);
    assert.equal(version.stdout.trim(), manifest.version);
    const help = run(join(prefix, 'bin', 'throughline'), ['--help'], root);
    assert.match(help.stdout, /Usage: throughline <command>/);
  });
});
