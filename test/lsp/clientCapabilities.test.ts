import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { CompletionList, Hover, MarkupContent } from 'vscode-languageserver/node';
import { withCursor } from '../helpers/cursor.js';
import { buildServer, DEFAULT_CAPABILITIES, LspClient, PLAIN_TEXT_CAPABILITIES } from '../helpers/lspClient.js';

// The server answers in what the client says it shows. Emacs's eglot without markdown-mode
// announces plain text only: it gets hover and completion documentation without `**`,
// backticks or backslash escapes, and no rule links on diagnostics. VS Code gets markdown and
// rule links.

const problems = readFileSync('examples/problems/new-user.plan.yaml', 'utf8');
const clean = readFileSync('examples/clean/q3-acquisition.plan.yaml', 'utf8');
const MARKDOWN_SYNTAX = /\*\*|`|\\[^\s]/;

interface Answers {
  channelHover: MarkupContent;
  keyHover: MarkupContent;
  completionDocs: MarkupContent[];
  codeDescriptions: (string | undefined)[];
}

async function answers(client: LspClient, name: string): Promise<Answers> {
  const hoverAt = async (find: string, marked: string) => {
    const { text, cursor } = withCursor(clean.replace(/\|/g, '||').replace(find, marked));
    const uri = `file:///plans/${name}-${Math.random().toString(36).slice(2)}.plan.yaml`;
    await client.open(uri, text, 1);
    await client.diagnosticsFor(uri, 1);
    return {
      uri,
      text,
      cursor,
      hover: (await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: cursor })).contents as MarkupContent,
    };
  };
  const channel = await hoverAt('  paid-search:\n', '  paid-|search:\n');
  const key = await hoverAt('    medium: email', '    med|ium: email');
  const { text, cursor } = withCursor(clean.replace('    kpis: [organic-sessions]\n', '    kpis: [organic-sessions]\n    dep|\n'));
  const uri = `file:///plans/${name}-completion.plan.yaml`;
  await client.open(uri, text, 1);
  await client.diagnosticsFor(uri, 1);
  const completion = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: cursor });
  const problemsUri = `file:///plans/${name}-problems.plan.yaml`;
  await client.open(problemsUri, problems, 1);
  const published = await client.diagnosticsFor(problemsUri, 1);
  return {
    channelHover: channel.hover,
    keyHover: key.hover,
    completionDocs: completion.items.flatMap((item) => (item.documentation && typeof item.documentation === 'object' ? [item.documentation] : [])),
    codeDescriptions: published.diagnostics.map((diagnostic) => diagnostic.codeDescription?.href),
  };
}

describe('a plain-text client (eglot without markdown-mode)', () => {
  let client: LspClient;
  let got: Answers;
  before(async () => {
    await buildServer();
    client = await LspClient.start({ capabilities: PLAIN_TEXT_CAPABILITIES });
    got = await answers(client, 'plain');
  });
  after(() => client.stop());

  it('gets hover as plain text that reads well', () => {
    assert.equal(got.channelHover.kind, 'plaintext');
    assert.doesNotMatch(got.channelHover.value, MARKDOWN_SYNTAX, got.channelHover.value);
    assert.match(got.channelHover.value, /^Channel paid-search · owner Paid media lead\n/);
    assert.match(got.channelHover.value, /\nUpstream \(must come first\)\n- content-hub — finish-to-start, no lag — 2026-05-15 → 2026-06-20/);
    assert.match(got.channelHover.value, /\nBudget £180,000 — 66\.7% of the total £270,000\n/);
    assert.match(got.channelHover.value, /\nDownstream \(1 dependant\)\n- email-nurture — start-to-start, lag 1w/);
    assert.equal(got.keyHover.kind, 'plaintext');
    assert.doesNotMatch(got.keyHover.value, MARKDOWN_SYNTAX, got.keyHover.value);
    assert.match(
      got.keyHover.value,
      /^medium — channel\n\nWhat the channel is made of\. email, sms, crm, retargeting and personalisation require a compliance section\.\n\nValues: search · social/,
    );
  });

  it('gets completion documentation as plain text', () => {
    assert.ok(got.completionDocs.length > 0);
    for (const documentation of got.completionDocs) {
      assert.equal(documentation.kind, 'plaintext');
      assert.doesNotMatch(documentation.value, MARKDOWN_SYNTAX, documentation.value);
    }
    assert.ok(got.completionDocs.some((documentation) => /^depends_on — channel\n\nChannels that must come first/.test(documentation.value)));
  });

  it('gets diagnostics without rule links, which it did not ask for', () => {
    assert.ok(got.codeDescriptions.length > 0);
    assert.deepEqual(new Set(got.codeDescriptions), new Set([undefined]));
  });
});

describe('a client that shows markdown (VS Code)', () => {
  let client: LspClient;
  let got: Answers;
  before(async () => {
    await buildServer();
    client = await LspClient.start({ capabilities: DEFAULT_CAPABILITIES });
    got = await answers(client, 'markdown');
  });
  after(() => client.stop());

  it('gets markdown hover and completion documentation, and a rule link on every diagnostic', () => {
    assert.equal(got.channelHover.kind, 'markdown');
    assert.match(got.channelHover.value, /^\*\*Channel\*\* `paid-search`/);
    assert.ok(got.completionDocs.every((documentation) => documentation.kind === 'markdown'));
    assert.ok(got.codeDescriptions.every((href) => href !== undefined && /\/docs\/rules\/[a-z-]+\.md$/.test(href)));
  });
});
