import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { fixtureCases, goldenOf, readGolden, type GoldenDiagnostic } from '../../scripts/docs/ruleFixtures.js';
import { rules } from '../../server/src/core/rules/index.js';
import type { Diagnostic } from '../../server/src/core/types.js';
import { buildServer, LspClient } from '../helpers/lspClient.js';

// The same result in the editor as in the golden (which the unit suite checks against the core
// and the CLI's reading of the fixture folder): every rule's fixtures opened over the protocol
// at their real paths, so a plan's actuals CSV is read from disk by the server.

// LSP's severities are the core's (1 error … 4 hint), so the golden form reads them alike.
const asGolden = (params: PublishDiagnosticsParams, rule: string): GoldenDiagnostic[] => goldenOf(params.diagnostics as unknown as Diagnostic[], rule);

describe('every rule fixture over the protocol', () => {
  let client: LspClient;
  before(async () => {
    await buildServer();
    client = await LspClient.start();
  });
  after(async () => {
    await client.stop();
  });

  for (const rule of rules) {
    for (const fixture of fixtureCases(rule.name)) {
      it(`${rule.name}: ${fixture.name} is published as the golden says`, async () => {
        const uri = pathToFileURL(resolve(fixture.planPath)).href;
        const expected = fixture.expectedPath ? readGolden(fixture.expectedPath) : [];
        const since = client.received.length;
        await client.open(uri, readFileSync(fixture.planPath, 'utf8'), 1);
        try {
          // A plan naming a CSV is published first without it, then again once the server has read it.
          const published = await client
            .waitForDiagnostics(
              uri,
              (params) => params.version === 1 && JSON.stringify(asGolden(params, rule.name)) === JSON.stringify(expected),
              since,
              10_000,
            )
            .catch(() => client.diagnosticsFor(uri, 1, since));
          assert.deepEqual(asGolden(published, rule.name), expected);
        } finally {
          await client.close(uri);
        }
      });
    }
  }
});
