// Rescheduling over the protocol: the code actions "Reschedule dependants of `x`" (refactor)
// and "Reschedule the whole plan" (source), with a preview where the client supports change
// annotations and a plain edit where it does not, refused with the cycle named; and the
// `throughline/reschedule` request the timeline and "Shift Channel…" use.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { ClientCapabilities, CodeAction, TextEdit } from 'vscode-languageserver/node';
import { analyzeText } from '../../server/src/core/analyze.js';
import type { DocumentChangesEdit, RescheduleResult } from '../../server/src/core/index.js';
import { applyEdits } from '../helpers/applyEdits.js';
import { changedDates } from '../helpers/dateScalars.js';
import { buildServer, DEFAULT_CAPABILITIES, LspClient } from '../helpers/lspClient.js';

const problems = readFileSync('examples/problems/new-user.plan.yaml', 'utf8');
const clean = readFileSync('examples/clean/q3-acquisition.plan.yaml', 'utf8');

/** What VS Code declares: versioned edits with change annotations, disabled actions shown with their reason, edits resolved when chosen. */
const VSCODE_LIKE: ClientCapabilities = {
  ...DEFAULT_CAPABILITIES,
  workspace: { ...DEFAULT_CAPABILITIES.workspace, workspaceEdit: { documentChanges: true, changeAnnotationSupport: { groupsOnLabel: true } } },
  textDocument: { ...DEFAULT_CAPABILITIES.textDocument, codeAction: { disabledSupport: true, dataSupport: true, resolveSupport: { properties: ['edit'] } } },
};

const violations = (text: string) => analyzeText(text).diagnostics.filter((diagnostic) => diagnostic.code === 'dependency-violated');

function lineOf(text: string, needle: string): number {
  const line = text.split('\n').findIndex((candidate) => candidate.includes(needle));
  assert.ok(line >= 0, needle);
  return line;
}

let counter = 0;

describe('rescheduling over the protocol', () => {
  let vscodeLike: LspClient;
  let plain: LspClient;
  before(async () => {
    await buildServer();
    [vscodeLike, plain] = await Promise.all([LspClient.start({ capabilities: VSCODE_LIKE }), LspClient.start()]);
  });
  after(() => Promise.all([vscodeLike.stop(), plain.stop()]));

  async function open(client: LspClient, text: string): Promise<string> {
    const uri = `file:///virtual/reschedule-${++counter}.plan.yaml`;
    await client.open(uri, text, 1);
    await client.diagnosticsFor(uri, 1);
    return uri;
  }

  const actionsAt = (client: LspClient, uri: string, line: number, context: Record<string, unknown> = {}) =>
    client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line, character: 4 }, end: { line, character: 4 } },
      context: { diagnostics: [], ...context },
    });

  /**
   * The annotated edit's text edits, after checking it is versioned and labelled per channel:
   * listed without its edit (made when chosen), resolved through `codeAction/resolve`.
   */
  async function annotatedEdits(listed: CodeAction, uri: string): Promise<{ edits: TextEdit[]; labels: string[] }> {
    assert.equal(listed.edit, undefined, 'the edit is made when the action is chosen');
    assert.ok(listed.data);
    const action = await vscodeLike.request<CodeAction>('codeAction/resolve', listed);
    assert.equal(action.title, listed.title);
    assert.equal(action.data, undefined);
    const edit = action.edit as unknown as DocumentChangesEdit;
    assert.equal(edit.documentChanges.length, 1);
    assert.deepEqual(edit.documentChanges[0]!.textDocument, { uri, version: 1 });
    const annotations = edit.changeAnnotations ?? {};
    for (const annotation of Object.values(annotations)) assert.equal(annotation.needsConfirmation, true, 'VS Code previews the edit');
    return { edits: edit.documentChanges[0]!.edits, labels: Object.values(annotations).map((annotation) => annotation.label) };
  }

  it('on a channel: "Reschedule dependants of `x`" as a refactor, previewed channel by channel, breaking no dependency', async () => {
    const text = problems;
    const uri = await open(vscodeLike, text);
    const actions = await actionsAt(vscodeLike, uri, lineOf(text, '  seo:') + 2);
    const action = actions.find((candidate) => candidate.title === 'Reschedule dependants of `seo`');
    assert.ok(action, actions.map((candidate) => candidate.title).join('\n'));
    assert.equal(action.kind, 'refactor.rewrite');
    const { edits, labels } = await annotatedEdits(action, uri);
    const after = applyEdits(text, edits);
    // paid-search may start 8 weeks after seo (26 Jun), email-nurture a week after paid-search.
    assert.deepEqual(labels, ['`paid-search` -5 days', '`email-nurture` +2 days']);
    assert.ok(changedDates(text, after).length > 0);
    const dependants = new Set(labels.map((label) => label.split('`')[1]));
    assert.deepEqual(
      violations(after).filter((diagnostic) => [...dependants].some((id) => diagnostic.message.startsWith(`\`${id}\``))),
      [],
    );
  });

  it('on the plan: "Reschedule the whole plan" as a source action, leaving no dependency violated', async () => {
    const uri = await open(vscodeLike, problems);
    assert.ok(violations(problems).length > 0, 'the plan with problems has a violated dependency');
    const sources = await actionsAt(vscodeLike, uri, 0, { only: ['source'] });
    assert.deepEqual(
      sources.map((action) => [action.title, action.kind]),
      [['Reschedule the whole plan', 'source.reschedule']],
    );
    const { edits, labels } = await annotatedEdits(sources[0]!, uri);
    assert.ok(labels.length > 0);
    assert.deepEqual(violations(applyEdits(problems, edits)), []);
    assert.deepEqual(await actionsAt(vscodeLike, uri, 0, { only: ['quickfix'] }), [], 'not a quick fix');
    const automatic = await actionsAt(vscodeLike, uri, 0, { triggerKind: 2 });
    assert.ok(!automatic.some((action) => action.kind === 'source.reschedule'), 'the light bulb shows no source action, so none is computed');
  });

  it('refuses on a cycle and names it (shown disabled where the client supports it, left out where not)', async () => {
    const cyclic = clean.replace('    depends_on:\n      - content-hub', '    depends_on:\n      - email-nurture\n      - content-hub');
    assert.notEqual(cyclic, clean);
    const line = lineOf(cyclic, '  content-hub:') + 1;
    const uri = await open(vscodeLike, cyclic);
    const actions = await actionsAt(vscodeLike, uri, line);
    const whole = actions.find((action) => action.title === 'Reschedule the whole plan');
    const dependants = actions.find((action) => action.title === 'Reschedule dependants of `content-hub`');
    for (const action of [whole, dependants]) {
      assert.ok(action?.disabled, JSON.stringify(actions));
      assert.equal(action.edit, undefined);
      assert.match(action.disabled.reason, /`paid-search` → `email-nurture` → `paid-search`|`email-nurture` → `paid-search` → `email-nurture`/);
    }
    const plainUri = await open(plain, cyclic);
    assert.deepEqual(
      (await actionsAt(plain, plainUri, line)).filter((action) => action.title.startsWith('Reschedule')),
      [],
    );
  });

  it('a client without documentChanges gets the same edit as plain changes', async () => {
    const uri = await open(plain, problems);
    const [action] = await actionsAt(plain, uri, 0, { only: ['source.reschedule'] });
    assert.ok(action?.edit?.changes?.[uri]);
    assert.deepEqual(violations(applyEdits(problems, action.edit.changes[uri]!)), []);
  });

  describe('throughline/reschedule', () => {
    const reschedule = (client: LspClient, params: Record<string, unknown>) => client.request<RescheduleResult | null>('throughline/reschedule', params);

    it('moves a channel and, with the cascade, its dependants: one versioned edit of date scalars only', async () => {
      const uri = await open(plain, clean);
      const result = await reschedule(plain, { uri, version: 1, channel: 'content-hub', start: '2026-05-25', end: '2026-07-05', cascade: true });
      assert.ok(result && 'edit' in result, JSON.stringify(result));
      assert.deepEqual(
        result.moved.map((move) => move.label),
        ['`content-hub` start +10 days, end +15 days', '`paid-search` +5 days', '`email-nurture` +5 days'],
      );
      assert.deepEqual(result.edit.documentChanges[0]!.textDocument, { uri, version: 1 });
      const after = applyEdits(clean, result.edit.documentChanges[0]!.edits);
      assert.equal(changedDates(clean, after).length, 6);
      assert.deepEqual(violations(after), []);
    });

    it('shifts by days, weeks or business days, and says no to what it cannot do', async () => {
      const uri = await open(plain, clean);
      const shifted = await reschedule(plain, { uri, version: 1, channel: 'seo', shift: '-2w' });
      assert.ok(shifted && 'moved' in shifted);
      assert.deepEqual(shifted.moved[0], {
        channel: 'seo',
        from: { start: '2026-05-01', end: '2026-09-30' },
        to: { start: '2026-04-17', end: '2026-09-16' },
        label: '`seo` -14 days',
      });
      const refusals = await Promise.all([
        reschedule(plain, { uri, version: 2, channel: 'seo', shift: '+1d' }),
        reschedule(plain, { uri, version: 1, channel: 'nope', shift: '+1d' }),
        reschedule(plain, { uri, version: 1, channel: 'seo', shift: '1 fortnight' }),
        reschedule(plain, { uri, version: 1, channel: 'seo', start: '2026-13-01' }),
        reschedule(plain, { uri, version: 1, channel: 'seo' }),
        reschedule(plain, { uri, version: 1, channel: 'seo', start: '2026-05-02', shift: '+1d' }),
      ]);
      assert.deepEqual(
        refusals.map((result) => (result && 'refused' in result ? [result.refused.split(':')[0]!.split('.')[0], result.stale ?? false] : result)),
        [
          ['The plan has changed since (version 1, the move was made on 2)', true],
          ['There is no channel `nope` in the plan', false],
          ['A shift is a whole number of days, weeks or business days, e', false],
          ['Dates are written YYYY-MM-DD and must exist on the calendar', false],
          ['The request gives no new date and no shift', false],
          ['Give new dates or a shift, not both', false],
        ],
      );
      assert.equal(await reschedule(plain, { uri: 'file:///virtual/not-open.plan.yaml', version: 1, channel: 'seo', shift: '+1d' }), null);
    });
  });
});
