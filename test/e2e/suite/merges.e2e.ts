// Shared defaults in a real VS Code: the clean plan rewritten with an `x-` key and `<<`
// merges stays clean; a merged date that breaks a dependency is reported on the `<<` line of
// the channel it concerns; hover on the `<<` line and on the merged text says what goes where.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CLEAN_PLAN, diagnosticCode, hoverAt, openInEditor, replaceText, revert, waitForDiagnostics } from './helpers';
import { at, rangeOf } from './planText';

suite('merge keys', () => {
  test('shared dates merged with `<<`: clean when they fit, reported on the `<<` line when they do not, explained by hover', async () => {
    const { document } = await openInEditor(CLEAN_PLAN);
    const original = document.getText();
    try {
      // paid-search takes its dates from `x-summer` instead of writing them.
      const searchDates = rangeOf(document, /^ {2}paid-search:\n(?: {4}.*\n)*?( {4}start: 2026-07-01\n {4}end: 2026-09-30)\n/m);
      await replaceText(document, searchDates, '    <<: *summer');
      const planLine = rangeOf(document, /^(plan): /m);
      await replaceText(document, new vscode.Range(planLine.start, planLine.start), 'x-summer: &summer { start: 2026-07-01, end: 2026-09-30 }\n');
      await waitForDiagnostics(document.uri, (found) => found.length === 0, { what: 'no diagnostics: paid-search has its dates through the merge' });

      const onMerge = await hoverAt(document, rangeOf(document, /^ {4}(<<): \*summer/m).start);
      assert.ok(onMerge.includes(`from \`x-summer\` (line ${planLine.start.line + 1}): \`start\`, \`end\``), onMerge);
      const onShared = await hoverAt(document, rangeOf(document, /^x-summer: &summer \{ (start): /m).start);
      assert.match(onShared, /Merged \(`<<`\) into `channels\.paid-search`/);

      // email-nurture merges them too, but must start a week after paid-search.
      const nurtureDates = rangeOf(document, /^ {2}email-nurture:\n(?: {4}.*\n)*?( {4}start: 2026-07-08\n {4}end: 2026-09-30)\n/m);
      await replaceText(document, nurtureDates, '    <<: *summer');
      const found = await waitForDiagnostics(document.uri, (current) => current.some((d) => diagnosticCode(d) === 'dependency-violated'), {
        what: 'dependency-violated on the merged start',
      });
      const violated = found.find((d) => diagnosticCode(d) === 'dependency-violated')!;
      const expected = rangeOf(document, /^ {2}email-nurture:\n(?: {4}.*\n)*? {4}<<: (\*summer)/m);
      assert.ok(violated.range.isEqual(expected), `on email-nurture's \`*summer\` at ${at(expected)}, not at ${at(violated.range)}`);
      assert.match(violated.message, /`email-nurture` must start on or after `paid-search` starts \+ 1w/);
    } finally {
      await revert(document, original);
    }
  });
});
