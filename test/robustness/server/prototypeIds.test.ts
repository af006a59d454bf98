import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic, DocumentSymbol, Hover, Location, WorkspaceEdit } from 'vscode-languageserver/node';
import { analyzeText } from '../../../server/src/core/analyze.js';
import { LineIndex } from '../../../server/src/core/text/lineIndex.js';
import { exercise } from '../support/exercise.js';
import { builtinChanges, snapshotBuiltins } from '../support/prototypes.js';
import { SEED, seededRandom } from '../support/seed.js';
import { ServerUnderTest } from '../support/server.js';

// The clean example with its objective, channels, KPIs and stages renamed to `__proto__`,
// `constructor`, `prototype`, `toString` and `hasOwnProperty` must behave exactly like the
// original in the real server: same diagnostics, and hover, definition, references and rename
// at every use of every renamed id answer as they do for the original id. A canary plan's
// diagnostics before and after show the server's Object.prototype was not polluted.

const ORIGINAL = readFileSync('examples/clean/q3-acquisition.plan.yaml', 'utf8');

/** Original id → prototype name; each variant gives every kind of id (objective, channel, KPI, stage) such names. */
const VARIANTS: Record<string, Record<string, string>> = {
  'objective __proto__, channels constructor and toString, KPIs hasOwnProperty and prototype, stages constructor and __proto__': {
    'q3-acquisition': '__proto__',
    'content-hub': 'constructor',
    'paid-search': 'toString',
    'assisted-signups': 'hasOwnProperty',
    'organic-sessions': 'prototype',
    consider: 'constructor',
    aware: '__proto__',
  },
  'objective constructor, channels __proto__ and prototype, KPIs toString and __proto__, stages hasOwnProperty and toString': {
    'q3-acquisition': 'constructor',
    'email-nurture': '__proto__',
    'content-hub': 'prototype',
    'paid-conversions': 'toString',
    'email-conversions': '__proto__',
    convert: 'hasOwnProperty',
    aware: 'toString',
  },
};

/** A plan whose diagnostics depend on properties a polluted Object.prototype would supply (type, mode, kpis …). */
const CANARY = 'plan: canary\nchannels:\n  a: { owner: o }\n  b: { depends_on: [a, c] }\nkpis:\n  k: {}\n';

interface Occurrence {
  original: string;
  renamed: string;
  /** Offsets of the id's first character in each text. */
  inOriginal: number;
  inRenamed: number;
}

/** Renames whole-word ids, recording where each occurrence stands before and after. */
function rename(text: string, names: Record<string, string>): { text: string; occurrences: Occurrence[] } {
  const pattern = new RegExp(
    `(?<![\\w-])(${Object.keys(names)
      .map((id) => id.replace(/[-]/g, '\\-'))
      .join('|')})(?![\\w-])`,
    'g',
  );
  const occurrences: Occurrence[] = [];
  let shift = 0;
  const renamed = text.replace(pattern, (id: string, _group: string, offset: number) => {
    const name = names[id]!;
    occurrences.push({ original: id, renamed: name, inOriginal: offset, inRenamed: offset + shift });
    shift += name.length - id.length;
    return name;
  });
  return { text: renamed, occurrences };
}

const lineOf = (range: { start: { line: number } }) => range.start.line;
const diagnosticLines = (diagnostics: Diagnostic[]) => diagnostics.map((d) => `${String(d.code)}@${lineOf(d.range)}`).sort();
const locationLines = (locations: Location | Location[] | null) =>
  locations === null
    ? null
    : [locations]
        .flat()
        .map((location) => lineOf(location.range))
        .sort((a, b) => a - b);
const editLines = (edit: WorkspaceEdit | null) =>
  edit === null
    ? null
    : Object.values(edit.changes ?? {})
        .flat()
        .map((change) => lineOf(change.range))
        .sort((a, b) => a - b);
const symbolNames = (symbols: DocumentSymbol[]): string[] => symbols.flatMap((symbol) => [symbol.name, ...symbolNames(symbol.children ?? [])]);

describe('prototype names as ids through the server', () => {
  let server: ServerUnderTest;
  let canaryBefore: string[];

  before(async () => {
    server = await ServerUnderTest.start();
    const canary = await server.open(CANARY, 'canary-before');
    canaryBefore = diagnosticLines(canary.lastDiagnostics() as Diagnostic[]);
    await canary.close();
  });
  after(() => server.stop());

  for (const [variant, names] of Object.entries(VARIANTS)) {
    it(variant, async () => {
      const { text, occurrences } = rename(ORIGINAL, names);
      assert.ok(occurrences.length >= 15, `only ${occurrences.length} occurrences renamed`);
      const renamedLines = new LineIndex(text);
      const original = await server.open(ORIGINAL, 'original');
      const renamed = await server.open(text, 'renamed');
      // The same diagnostics, plus the schema's "an id starts with a letter or digit" wherever `__proto__` is written.
      const renamedTextLines = text.split('\n');
      const invalidId = (d: Diagnostic) =>
        d.code === 'schema' &&
        /starting with a letter or digit/.test(typeof d.message === 'string' ? d.message : d.message.value) &&
        renamedTextLines[d.range.start.line]!.includes('__proto__');
      const renamedDiagnostics = renamed.lastDiagnostics() as Diagnostic[];
      assert.deepEqual(diagnosticLines(renamedDiagnostics.filter((d) => !invalidId(d))), diagnosticLines(original.lastDiagnostics() as Diagnostic[]));
      assert.equal(
        renamedDiagnostics.filter(invalidId).length,
        new Set(occurrences.filter((o) => o.renamed === '__proto__').map((o) => renamedLines.positionAt(o.inRenamed).line)).size,
        'one schema diagnostic per line with `__proto__`',
      );

      const symbols = async (uri: string) =>
        symbolNames(await server.client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } }));
      const renamedSymbols = (await symbols(original.uri)).map((name) => names[name] ?? name);
      assert.deepEqual(await symbols(renamed.uri), renamedSymbols);

      const originalLines = new LineIndex(ORIGINAL);
      const ask = <R>(method: string, uri: string, position: unknown, extra: object = {}) =>
        server.client.request<R>(method, { textDocument: { uri }, position, ...extra });
      /** The prototype names each feature gave a non-empty answer for: proof the comparisons are not of empty answers. */
      const answered = { hover: new Set<string>(), definition: new Set<string>(), references: new Set<string>(), rename: new Set<string>() };
      for (const occurrence of occurrences) {
        // One character into the id: inside it in both texts.
        const at = originalLines.positionAt(occurrence.inOriginal + 1);
        const renamedAt = renamedLines.positionAt(occurrence.inRenamed + 1);
        const where = `${occurrence.renamed} (was ${occurrence.original}) at ${renamedAt.line}:${renamedAt.character}`;

        const hovers = [await ask<Hover | null>('textDocument/hover', original.uri, at), await ask<Hover | null>('textDocument/hover', renamed.uri, renamedAt)];
        assert.equal(hovers[1] === null, hovers[0] === null, `hover on ${where}`);
        if (hovers[0] && JSON.stringify(hovers[0].contents).includes(occurrence.original))
          assert.ok(JSON.stringify(hovers[1]!.contents).includes(occurrence.renamed), `hover on ${where} names it`);

        const definitions = [
          await ask<Location[] | null>('textDocument/definition', original.uri, at),
          await ask<Location[] | null>('textDocument/definition', renamed.uri, renamedAt),
        ];
        assert.deepEqual(locationLines(definitions[1]!), locationLines(definitions[0]!), `definition of ${where}`);

        const context = { context: { includeDeclaration: true } };
        const references = [
          await ask<Location[] | null>('textDocument/references', original.uri, at, context),
          await ask<Location[] | null>('textDocument/references', renamed.uri, renamedAt, context),
        ];
        assert.deepEqual(locationLines(references[1]!), locationLines(references[0]!), `references of ${where}`);

        const newName = { newName: 'renamed-id' };
        const renames = await Promise.all([
          ask<WorkspaceEdit>('textDocument/rename', original.uri, at, newName).catch(() => null),
          ask<WorkspaceEdit>('textDocument/rename', renamed.uri, renamedAt, newName).catch(() => null),
        ]);
        assert.deepEqual(editLines(renames[1]!), editLines(renames[0]!), `rename of ${where}`);

        if (hovers[1]) answered.hover.add(occurrence.renamed);
        if (locationLines(definitions[1]!)?.length) answered.definition.add(occurrence.renamed);
        if ((locationLines(references[1]!)?.length ?? 0) > 1) answered.references.add(occurrence.renamed);
        if (editLines(renames[1]!)?.length) answered.rename.add(occurrence.renamed);
      }
      const every = [...new Set(Object.values(names))].sort();
      for (const [feature, ids] of Object.entries(answered)) assert.deepEqual([...ids].sort(), every, `${feature} answered for`);
      await original.close();
      await renamed.close();
      assert.deepEqual(server.health(), []);
    });
  }

  it('leaves Object.prototype of the server untouched: a canary plan is diagnosed as at the start and as in a clean process', async () => {
    const canary = await server.open(CANARY, 'canary-after');
    const after = diagnosticLines(canary.lastDiagnostics() as Diagnostic[]);
    await canary.close();
    assert.deepEqual(after, canaryBefore);
    assert.deepEqual(after, diagnosticLines(analyzeText(CANARY).diagnostics as Diagnostic[]));
  });

  it('leaves the built-ins of this process untouched when the core analyses the renamed plans', () => {
    const before = snapshotBuiltins();
    for (const names of Object.values(VARIANTS)) {
      const { problems } = exercise(rename(ORIGINAL, names).text, { random: seededRandom(SEED), positions: 20, applyFixes: true });
      assert.deepEqual(problems, []);
    }
    assert.deepEqual(builtinChanges(before, snapshotBuiltins()), []);
  });
});
