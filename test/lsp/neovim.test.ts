import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { buildServer } from '../helpers/lspClient.js';

// The same server in another editor: a headless Neovim (Debian's, installed by
// scripts/setup.sh) runs scripts/neovim-smoke.lua, which starts the server with --stdio as
// a Neovim user configures it and asks for diagnostics, hover and completion.

const repoRoot = join(__dirname, '..', '..');
const hasNeovim = spawnSync('nvim', ['--version'], { encoding: 'utf8' }).status === 0;

describe('Neovim as the LSP client', { skip: hasNeovim ? false : 'nvim is not installed (scripts/setup.sh installs it)' }, () => {
  before(buildServer);

  it('gets diagnostics with rule codes, a hover with dependencies and channel completions', () => {
    const run = spawnSync('nvim', ['--headless', '--clean', '-c', 'luafile scripts/neovim-smoke.lua'], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
    const output = `${run.stdout}${run.stderr}`;
    assert.equal(run.status, 0, output);
    assert.match(output, /^\s+\d+:\d+ dependency-unknown Channel `paid-search` depends on `content-hbu`.*Did you mean `content-hub`\?/m);
    assert.match(output, /^\s+\d+:\d+ measurement-missing KPI `assisted-signups` has no `measure`/m);
    assert.match(output, /\*\*Downstream\*\* \(1 dependant\)\s+- `email-nurture`/);
    assert.match(output, /completion in depends_on: .*\bcontent-hub\b/);
  });
});
