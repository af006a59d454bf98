import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { linkedFilesOf } from '../../../server/src/core/actuals/linkedFiles.js';
import { analyzeText } from '../../../server/src/core/analyze.js';
import { prepareRename } from '../../../server/src/core/features/rename.js';
import { idIndexOf, occurrencesOf } from '../../../server/src/core/model/idIndex.js';
import { workspaceReferences, workspaceRename, type WorkspaceDocuments } from '../../../server/src/core/features/workspaceReferences.js';
import type { PlanDocument } from '../../../server/src/core/planDocument.js';
import { LineIndex } from '../../../server/src/core/text/lineIndex.js';
import type { Location, Position } from '../../../server/src/core/types.js';
import type { TextFile } from '../../../server/src/core/workspace/files.js';
import { applyEdits } from '../../helpers/applyEdits.js';
import { withCursors } from '../../helpers/cursor.js';

// References and rename of a library KPI or stage across the library, the libraries importing
// it and every plan importing it; a plan's own id of the same name is another symbol.

const ROOT = 'file:///work/plans';
const LIB = `${ROOT}/shared/kpis.plan-library.yaml`;
const MEASURES = `${ROOT}/shared/measures.plan-library.yaml`;
const Q3 = `${ROOT}/q3.plan.yaml`;
const Q4 = `${ROOT}/q4.plan.yaml`;
const SOLO = `${ROOT}/solo.plan.yaml`;
const BYSTANDER = `${ROOT}/bystander.plan.yaml`;

const LIBRARY = `journey:
  - { stage: |aware, need: Know we exist }
  - { stage: convert, need: Buy today }
kpis:
  |paid-conversions:
    owner: Paid media lead
    measure: { definition: New customers from paid search, source: CRM, unit: customers, cadence: weekly }
  signups:
    owner: Paid media lead
    traces_to: paid-conversions
`;

/** A library importing the first: its KPI traces to the first library's KPI. */
const MEASURES_LIBRARY = `imports: [./kpis.plan-library.yaml]
kpis:
  trials:
    owner: Paid media lead
    traces_to: paid-conversions
`;

const PLAN_Q3 = `plan: Q3
imports: [./shared/kpis.plan-library.yaml]
objective: { id: q3-goal, statement: Grow, target: 10, deadline: 2026-09-30 }
channels:
  search:
    type: paid
    stages: [aware]
    kpis: [|paid-conversions, signups]
kpis:
  |paid-conversions:
    traces_to: q3-goal
    measure: { baseline: 0, target: 100, ready_by: 2026-06-20 }
`;

/** CRLF, a byte order mark, flow style, an anchor and its alias, a quoted id. */
const PLAN_Q4 =
  '\uFEFFplan: Q4\r\nimports: [./shared/measures.plan-library.yaml]\r\nobjective: { id: q4-goal, statement: Grow, target: 10, deadline: 2026-12-31 }\r\n' +
  'channels: { search: { type: paid, stages: [\'aware\'], kpis: &shared ["paid-conversions", trials] }, social: { type: paid, kpis: *shared } }\r\n' +
  'kpis: { trials: { traces_to: q4-goal } }\r\n';

/** Imports nothing: its `paid-conversions` is its own. */
const PLAN_SOLO = `plan: Solo
objective: { id: solo-goal, statement: Grow, target: 10, deadline: 2026-09-30 }
journey:
  - { stage: aware, need: Know }
channels:
  search:
    type: paid
    stages: [aware]
    kpis: [|paid-conversions]
kpis:
  paid-conversions:
    traces_to: solo-goal
`;

/** Imports the library without using its KPI or stages: no place of the search, but a file its clash check reads. */
const PLAN_BYSTANDER = `plan: Bystander
imports: [./shared/kpis.plan-library.yaml]
kpis:
  retention:
    owner: CRM lead
`;

interface Workspace {
  docs: Map<string, PlanDocument>;
  cursors: Map<string, Position[]>;
  texts: Map<string, string>;
  scope: WorkspaceDocuments;
}

function workspaceOf(marked: Record<string, string>): Workspace {
  const texts = new Map<string, string>();
  const cursors = new Map<string, Position[]>();
  for (const [uri, text] of Object.entries(marked)) {
    const parsed = withCursors(text);
    texts.set(uri, parsed.text);
    cursors.set(uri, parsed.cursors);
  }
  const files = linkedFilesOf(new Map<string, TextFile>([...texts].map(([uri, text]) => [uri, { text }])));
  const docs = new Map<string, PlanDocument>();
  for (const [uri, text] of texts) docs.set(uri, { uri, version: 1, analysis: analyzeText(text, { planUri: uri, files }) });
  return { docs, cursors, texts, scope: { documents: () => docs.values() } };
}

const ALL = { [LIB]: LIBRARY, [MEASURES]: MEASURES_LIBRARY, [Q3]: PLAN_Q3, [Q4]: PLAN_Q4, [SOLO]: PLAN_SOLO, [BYSTANDER]: PLAN_BYSTANDER };

function cursor(ws: Workspace, uri: string, n = 0): Position {
  return ws.cursors.get(uri)![n]!;
}

/** `file line: text` per location, the URI shortened to its last segment. */
function listed(ws: Workspace, locations: Location[]): string[] {
  return locations.map((location) => {
    const text = ws.texts.get(location.uri)!;
    const lines = new LineIndex(text);
    const word = text.slice(lines.offsetAt(location.range.start), lines.offsetAt(location.range.end));
    return `${location.uri.slice(location.uri.lastIndexOf('/') + 1)}:${location.range.start.line + 1} ${word}`;
  });
}

function renamed(ws: Workspace, uri: string, at: Position, name: string): Map<string, string> {
  const result = workspaceRename(ws.docs.get(uri)!, at, name, ws.scope);
  if ('error' in result) throw new Error(result.error);
  const out = new Map<string, string>();
  for (const [file, edits] of Object.entries(result.edit.changes)) out.set(file, applyEdits(ws.texts.get(file)!, edits));
  return out;
}

function refusal(ws: Workspace, uri: string, at: Position, name: string): string {
  const result = workspaceRename(ws.docs.get(uri)!, at, name, ws.scope);
  return 'error' in result ? result.error : 'renamed';
}

/** The library first, then the other files by URI; in each file the definitions (a refinement's key) first. */
const EXPECTED_KPI_REFERENCES = [
  'kpis.plan-library.yaml:5 paid-conversions',
  'kpis.plan-library.yaml:10 paid-conversions',
  'q3.plan.yaml:10 paid-conversions',
  'q3.plan.yaml:8 paid-conversions',
  'q4.plan.yaml:4 paid-conversions',
  'measures.plan-library.yaml:5 paid-conversions',
];

describe('references of a library KPI or stage across files', () => {
  it('finds every use from the library definition: the library, a library importing it, plans importing it directly or not', () => {
    const ws = workspaceOf(ALL);
    assert.deepEqual(listed(ws, workspaceReferences(ws.docs.get(LIB)!, cursor(ws, LIB, 1), true, ws.scope)), EXPECTED_KPI_REFERENCES);
  });

  it('gives the same answer from a plan use and from a plan refinement, and leaves the declaration out when asked', () => {
    const ws = workspaceOf(ALL);
    assert.deepEqual(listed(ws, workspaceReferences(ws.docs.get(Q3)!, cursor(ws, Q3, 0), true, ws.scope)), EXPECTED_KPI_REFERENCES);
    assert.deepEqual(listed(ws, workspaceReferences(ws.docs.get(Q3)!, cursor(ws, Q3, 1), true, ws.scope)), EXPECTED_KPI_REFERENCES);
    // The refinement is a use of the library's KPI, not its declaration.
    assert.deepEqual(listed(ws, workspaceReferences(ws.docs.get(Q3)!, cursor(ws, Q3, 1), false, ws.scope)), EXPECTED_KPI_REFERENCES.slice(1));
  });

  it('finds a stage across files, quoted and in flow style', () => {
    const ws = workspaceOf(ALL);
    assert.deepEqual(listed(ws, workspaceReferences(ws.docs.get(LIB)!, cursor(ws, LIB, 0), true, ws.scope)), [
      'kpis.plan-library.yaml:2 aware',
      'q3.plan.yaml:7 aware',
      'q4.plan.yaml:4 aware',
    ]);
  });

  it('keeps a plan-local id of the same name in its own file, and skips it from the library', () => {
    const ws = workspaceOf(ALL);
    assert.deepEqual(listed(ws, workspaceReferences(ws.docs.get(SOLO)!, cursor(ws, SOLO, 0), true, ws.scope)), [
      'solo.plan.yaml:11 paid-conversions',
      'solo.plan.yaml:9 paid-conversions',
    ]);
  });

  it('reads the library from an importer when no document of the workspace is the library', () => {
    const ws = workspaceOf(ALL);
    const withoutLibrary: WorkspaceDocuments = { documents: () => [...ws.docs.values()].filter((doc) => doc.uri !== LIB) };
    assert.deepEqual(listed(ws, workspaceReferences(ws.docs.get(Q3)!, cursor(ws, Q3, 0), true, withoutLibrary)), EXPECTED_KPI_REFERENCES);
  });
});

describe('rename of a library KPI or stage across files', () => {
  it('renames the KPI in the library, the library importing it and every importing plan, in one edit; nothing else changes', () => {
    const ws = workspaceOf(ALL);
    const out = renamed(ws, LIB, cursor(ws, LIB, 1), 'paid-customers');
    assert.deepEqual([...out.keys()], [LIB, Q3, Q4, MEASURES]);
    for (const [uri, text] of out) assert.equal(text, ws.texts.get(uri)!.replaceAll('paid-conversions', 'paid-customers'), uri);
    // CRLF, the BOM, the quotes and the alias stay as written: the anchored list is edited once.
    assert.ok(out.get(Q4)!.startsWith('\uFEFFplan: Q4\r\n'));
    assert.ok(out.get(Q4)!.includes('kpis: &shared ["paid-customers", trials] }, social: { type: paid, kpis: *shared }'));
    // Renamed together, the files are as clean as before.
    const after = workspaceOf(Object.fromEntries([...ws.texts].map(([uri, text]) => [uri, (out.get(uri) ?? text).replaceAll('|', '||')])));
    const codes = (of: Workspace, uri: string) => of.docs.get(uri)!.analysis.diagnostics.map((d) => `${d.range.start.line} ${d.code}`);
    for (const uri of [LIB, MEASURES, Q3, Q4]) assert.deepEqual(codes(after, uri), codes(ws, uri), uri);
  });

  it('gives the same edit from a plan use, a plan refinement and a stage', () => {
    const ws = workspaceOf(ALL);
    const fromLibrary = renamed(ws, LIB, cursor(ws, LIB, 1), 'paid-customers');
    assert.deepEqual(renamed(ws, Q3, cursor(ws, Q3, 0), 'paid-customers'), fromLibrary);
    assert.deepEqual(renamed(ws, Q3, cursor(ws, Q3, 1), 'paid-customers'), fromLibrary);
    const stage = renamed(ws, Q3, { line: 6, character: 14 }, 'discover');
    assert.deepEqual([...stage.keys()], [LIB, Q3, Q4]);
    assert.ok(stage.get(Q4)!.includes("stages: ['discover']"));
    assert.ok(stage.get(LIB)!.includes('{ stage: discover, need: Know we exist }'));
  });

  it('leaves a plan that defines the same id without importing it untouched, and renames its own id in its file only', () => {
    const ws = workspaceOf(ALL);
    assert.ok(!renamed(ws, LIB, cursor(ws, LIB, 1), 'paid-customers').has(SOLO));
    assert.deepEqual([...renamed(ws, SOLO, cursor(ws, SOLO, 0), 'paid-customers').keys()], [SOLO]);
  });

  it('refuses a new id already taken in the library, a library importing it, or any importing plan, naming the file', () => {
    const ws = workspaceOf(ALL);
    const at = cursor(ws, LIB, 1);
    assert.equal(refusal(ws, LIB, at, 'signups'), '`signups` is already the id of a KPI in `kpis.plan-library.yaml`; pick another id.');
    assert.equal(refusal(ws, LIB, at, 'trials'), '`trials` is already the id of a KPI in `measures.plan-library.yaml`; pick another id.');
    assert.equal(refusal(ws, LIB, at, 'q4-goal'), '`q4-goal` is already the id of the objective of `q4.plan.yaml`; pick another id.');
    assert.equal(refusal(ws, Q3, cursor(ws, Q3, 0), 'q3-goal'), '`q3-goal` is already the id of the objective of `q3.plan.yaml`; pick another id.');
    assert.equal(
      refusal(ws, LIB, cursor(ws, LIB, 0), 'convert'),
      '`convert` is already the id of a journey stage in `kpis.plan-library.yaml`; pick another id.',
    );
    // A plan that imports the library without using the KPI is in the way too: its `retention` would become a refinement.
    assert.equal(refusal(ws, LIB, at, 'retention'), '`retention` is already the id of a KPI in `bystander.plan.yaml`; pick another id.');
    // A plan that does not import the library is not in the way.
    assert.equal(refusal(ws, LIB, at, 'solo-goal'), 'renamed');
    // The id checks of the one-file rename hold.
    assert.match(refusal(ws, LIB, at, 'two words'), /is not a valid id/);
    assert.match(refusal(ws, LIB, at, 'true'), /would be read by YAML as a boolean/);
  });

  it('prepares a rename from the library and from a plan', () => {
    const ws = workspaceOf(ALL);
    assert.deepEqual(prepareRename(ws.docs.get(LIB)!, cursor(ws, LIB, 1))?.placeholder, 'paid-conversions');
    assert.deepEqual(prepareRename(ws.docs.get(Q3)!, cursor(ws, Q3, 0))?.placeholder, 'paid-conversions');
  });
});

describe('the occurrences of one id', () => {
  it('are those of the full id index, found without building it', () => {
    const texts = [PLAN_Q4, PLAN_Q3, PLAN_SOLO, LIBRARY]
      .map((marked) => withCursors(marked).text)
      .concat(readFileSync('examples/clean/q3-acquisition.plan.yaml', 'utf8'));
    for (const text of texts) {
      const indexed = idIndexOf(analyzeText(text).model);
      for (const { kind, id } of indexed.occurrences) {
        const fresh = analyzeText(text).model;
        assert.deepEqual(occurrencesOf(fresh, kind, id), indexed.of(kind, id), `${kind} ${id}`);
      }
    }
  });
});
