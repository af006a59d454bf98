import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Location, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { applyEdits } from '../helpers/applyEdits.js';
import { buildServer, LspClient } from '../helpers/lspClient.js';

// References and rename of a library KPI across files over the real protocol: the library and
// one plan are open, the other plan is only on disk (found by the workspace scan), and a plan
// with its own KPI of the same id that imports nothing stays out of both.

const LIBRARY = `kpis:
  paid-conversions:
    owner: Paid media lead
    measure: { definition: New customers from paid search, source: CRM, unit: customers, cadence: weekly }
`;
const plan = (title: string, objective: string) => `plan: ${title}
imports: [./shared/kpis.plan-library.yaml]
objective: { id: ${objective}, statement: Grow, target: 10, deadline: 2026-09-30 }
channels:
  search:
    type: paid
    kpis: [paid-conversions]
kpis:
  paid-conversions:
    traces_to: ${objective}
`;
const Q3 = plan('Q3', 'q3-goal');
const Q4 = plan('Q4', 'q4-goal');
const SOLO = `plan: Solo
objective: { id: solo-goal, statement: Grow, target: 10, deadline: 2026-09-30 }
channels:
  social: { type: paid, kpis: [paid-conversions] }
kpis:
  paid-conversions: { traces_to: solo-goal }
`;

describe('references and rename of a library KPI across the workspace', () => {
  let root: string;
  let client: LspClient;
  const uri = (name: string) => pathToFileURL(join(root, name)).href;
  const kpiAt = (text: string, line: string) => {
    const lines = text.split('\n');
    const index = lines.indexOf(line);
    return { line: index, character: lines[index]!.indexOf('paid-conversions') + 2 };
  };

  before(async () => {
    await buildServer();
    root = mkdtempSync(join(tmpdir(), 'throughline-library-references-'));
    mkdirSync(join(root, 'shared'));
    writeFileSync(join(root, 'shared', 'kpis.plan-library.yaml'), LIBRARY);
    writeFileSync(join(root, 'q3.plan.yaml'), Q3);
    writeFileSync(join(root, 'q4.plan.yaml'), Q4);
    writeFileSync(join(root, 'solo.plan.yaml'), SOLO);
    client = await LspClient.start({ workspaceFolders: [pathToFileURL(root).href] });
    await client.open(uri('q3.plan.yaml'), Q3);
    await client.open(uri('shared/kpis.plan-library.yaml'), LIBRARY);
    // The closed plans are analysed by the workspace scan (their diagnostics are published).
    await client.waitForDiagnostics(uri('q4.plan.yaml'));
    await client.waitForDiagnostics(uri('solo.plan.yaml'));
    await client.diagnosticsFor(uri('q3.plan.yaml'), 1);
  });
  after(async () => {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  });

  const expected = () => [
    [uri('shared/kpis.plan-library.yaml'), 1],
    [uri('q3.plan.yaml'), 8],
    [uri('q3.plan.yaml'), 6],
    [uri('q4.plan.yaml'), 8],
    [uri('q4.plan.yaml'), 6],
  ];

  /** The references as [uri, line] pairs. */
  const referencesOf = async (name: string, position: { line: number; character: number }, includeDeclaration: boolean) => {
    const locations = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri: uri(name) },
      position,
      context: { includeDeclaration },
    });
    return locations.map((location) => [location.uri, location.range.start.line]);
  };

  it('lists the uses in the library, the open plan and the plan only on disk, from a plan and from the library', async () => {
    assert.deepEqual(await referencesOf('q3.plan.yaml', kpiAt(Q3, '    kpis: [paid-conversions]'), true), expected());
    assert.deepEqual(await referencesOf('shared/kpis.plan-library.yaml', kpiAt(LIBRARY, '  paid-conversions:'), false), expected().slice(1));
  });

  it('renames the KPI in one workspace edit over the library and both plans, and leaves the plan that does not import it alone', async () => {
    const prepared = await client.request<{ placeholder: string } | null>('textDocument/prepareRename', {
      textDocument: { uri: uri('q3.plan.yaml') },
      position: kpiAt(Q3, '  paid-conversions:'),
    });
    assert.equal(prepared?.placeholder, 'paid-conversions');
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', {
      textDocument: { uri: uri('shared/kpis.plan-library.yaml') },
      position: kpiAt(LIBRARY, '  paid-conversions:'),
      newName: 'paid-customers',
    });
    const files = { 'shared/kpis.plan-library.yaml': LIBRARY, 'q3.plan.yaml': Q3, 'q4.plan.yaml': readFileSync(join(root, 'q4.plan.yaml'), 'utf8') };
    assert.deepEqual(Object.keys(edit.changes!).sort(), Object.keys(files).map(uri).sort());
    for (const [name, text] of Object.entries(files))
      assert.equal(applyEdits(text, edit.changes![uri(name)]!), text.replaceAll('paid-conversions', 'paid-customers'), name);
  });

  it('refuses a new id that a plan importing the library already uses, naming the plan', async () => {
    await assert.rejects(
      client.request('textDocument/rename', {
        textDocument: { uri: uri('q3.plan.yaml') },
        position: kpiAt(Q3, '    kpis: [paid-conversions]'),
        newName: 'q4-goal',
      }),
      (error: Error) => error.message === '`q4-goal` is already the id of the objective of `q4.plan.yaml`; pick another id.',
    );
    // The plan that does not import the library is no clash.
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', {
      textDocument: { uri: uri('q3.plan.yaml') },
      position: kpiAt(Q3, '    kpis: [paid-conversions]'),
      newName: 'solo-goal',
    });
    assert.ok(!(uri('solo.plan.yaml') in edit.changes!));
  });
});
