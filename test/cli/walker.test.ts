import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { findPlanPaths } from '../../server/src/node/findPlans.js';

// The one walker the CLI's directories and the server's workspace scan share: one order, one
// symbolic-link policy, the same skipped folders.

describe('the plan walker (server/src/node/findPlans.ts)', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'throughline-walker-'));
    mkdirSync(join(root, 'b', 'deep'), { recursive: true });
    mkdirSync(join(root, 'node_modules', 'x'), { recursive: true });
    mkdirSync(join(root, '.git'));
    mkdirSync(join(root, 'elsewhere'));
    for (const file of [
      'a.plan.yaml',
      'b/deep/c.plan.yml',
      'b/d.PLAN.YAML',
      'c.plan.yaml',
      'node_modules/x/n.plan.yaml',
      '.git/g.plan.yaml',
      'notes.yaml',
      'elsewhere/e.plan.yaml',
    ])
      writeFileSync(join(root, file), 'plan: x\n');
    symlinkSync(join(root, 'elsewhere', 'e.plan.yaml'), join(root, 'linked.plan.yaml'));
    symlinkSync(join(root, 'elsewhere'), join(root, 'linked-folder'));
    symlinkSync(root, join(root, 'b', 'loop'));
    symlinkSync(join(root, 'missing.plan.yaml'), join(root, 'dangling.plan.yaml'));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('walks depth first, names sorted, follows links to files and never links to folders', async () => {
    const { files, unreadable, truncated } = await findPlanPaths(root);
    assert.deepEqual(
      files.map((file) => relative(root, file)),
      ['a.plan.yaml', 'b/d.PLAN.YAML', 'b/deep/c.plan.yml', 'c.plan.yaml', 'elsewhere/e.plan.yaml', 'linked.plan.yaml'],
    );
    assert.deepEqual(unreadable, []);
    assert.equal(truncated, false);
  });

  it('stops at its limits and says so', async () => {
    const limited = await findPlanPaths(root, { maxFiles: 2 });
    assert.equal(limited.files.length, 2);
    assert.equal(limited.truncated, true);
    assert.equal((await findPlanPaths(root, {}, () => true)).truncated, true, 'cancelled');
  });
});
