import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';

// One way to compare output with a golden file, for every suite. `UPDATE_GOLDENS=1` writes the
// current output instead (read every changed golden before committing); a missing golden fails
// and names the command that creates it.

/** True when the run was asked to rewrite the goldens. */
export const UPDATE_GOLDENS = process.env.UPDATE_GOLDENS === '1';

/** The command that re-runs the current test file with goldens updated. */
function updateCommand(): string {
  const testFile = process.argv.find((arg) => /\.test\.ts$/.test(arg));
  return `UPDATE_GOLDENS=1 node --import tsx --test ${testFile ? relative(process.cwd(), testFile) : '<test file>'}`;
}

/** Asserts that `actual` equals the golden file at `path` (text, compared exactly). */
export function expectGolden(path: string, actual: string): void {
  const shown = relative(process.cwd(), path);
  if (UPDATE_GOLDENS) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path)) assert.fail(`golden ${shown} is missing: create it with \`${updateCommand()}\` and review it`);
  assert.equal(
    actual,
    readFileSync(path, 'utf8'),
    `${shown} differs from the output (if the change is intended: \`${updateCommand()}\`, then review the diff)`,
  );
}
