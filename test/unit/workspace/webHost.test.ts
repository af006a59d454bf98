import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createWebHost } from '../../../server/src/browser/webHost.js';
import { bytesToBase64, MAX_FILE_SIZE } from '../../../server/src/core/index.js';

// The browser server's host asks the client for every file; whatever the client answers —
// bytes, a refusal, nonsense, an error — becomes a TextFile, a boolean or a search result.

type Answer = (params: Record<string, unknown>) => unknown;

function hostAnswering(answers: Record<string, Answer>) {
  const sent: Array<{ method: string; params: unknown }> = [];
  const connection = {
    sendRequest: async (type: { method: string }, params: Record<string, unknown>) => {
      sent.push({ method: type.method, params });
      const answer = answers[type.method];
      if (!answer) throw new Error(`Unhandled method ${type.method}`);
      return answer(params);
    },
  };
  return { host: createWebHost(connection as never), sent };
}

const base64 = (text: string) => bytesToBase64(new TextEncoder().encode(text));

describe('web host: files through the client', () => {
  it('decodes the bytes the client sends, with the size limit and the UTF-8 checks', async () => {
    const { host, sent } = hostAnswering({
      'throughline/readFile': ({ uri }) =>
        uri === 'x:/plan'
          ? { kind: 'file', base64: base64('\ufeffplan: Q3\r\n') }
          : uri === 'x:/bin'
            ? { kind: 'file', base64: bytesToBase64(new Uint8Array([1, 0, 2])) }
            : { kind: 'too-large', size: MAX_FILE_SIZE + 1 },
    });
    assert.deepEqual(await host.readTextFile('x:/plan'), { text: '\ufeffplan: Q3\r\n' });
    assert.deepEqual(sent[0]!.params, { uri: 'x:/plan', maxBytes: MAX_FILE_SIZE }, 'the client is told the limit');
    const binary = await host.readTextFile('x:/bin');
    assert.ok('problem' in binary && binary.kind === 'binary', JSON.stringify(binary));
    const large = await host.readTextFile('x:/large');
    assert.ok('problem' in large && large.kind === 'too-large' && /5\.0 MB/.test(large.problem), JSON.stringify(large));
  });

  it('reads a refusal, nonsense or a failed request as a file it cannot read', async () => {
    const answers = [
      [{ kind: 'missing', problem: 'cannot read: no such file or directory' }, 'missing'],
      [{ kind: 'not-a-file', problem: 'is a directory' }, 'not-a-file'],
      [{ kind: 'file', base64: 'not base64!' }, 'unreadable'],
      [{ kind: 'file' }, 'unreadable'],
      [{ kind: 'too-large', size: 'big' }, 'unreadable'],
      [null, 'unreadable'],
      ['text', 'unreadable'],
    ] as const;
    for (const [answer, kind] of answers) {
      const { host } = hostAnswering({ 'throughline/readFile': () => answer });
      const file = await host.readTextFile('x:/a.plan.yaml');
      assert.ok('problem' in file && file.kind === kind, `${JSON.stringify(answer)} → ${JSON.stringify(file)}`);
    }
    const failing = hostAnswering({}).host;
    const file = await failing.readTextFile('x:/a.plan.yaml');
    assert.deepEqual(file, { problem: 'cannot read: Unhandled method throughline/readFile', kind: 'unreadable' });
    assert.equal(await failing.isFile('x:/.throughline.yaml'), false);
  });

  it('asks for plan files with the Node walker’s rules, and keeps only plan files, sorted, once each', async () => {
    const { host, sent } = hostAnswering({
      'throughline/findFiles': () => ({ uris: ['x:/w/b.plan.yml', 'x:/w/a.PLAN.yaml', 'x:/w/notes.yaml', 'x:/w/b.plan.yml', 42], truncated: true }),
    });
    const search = await host.findPlans('x:/w', { maxFiles: 10 });
    assert.deepEqual(search, { uris: ['x:/w/a.PLAN.yaml', 'x:/w/b.plan.yml'], unreadable: [], truncated: true });
    assert.deepEqual(sent[0]!.params, {
      folderUri: 'x:/w',
      include: '**/*{.plan.yaml,.plan.yml,.plan-library.yaml,.plan-library.yml,.portfolio.yaml,.portfolio.yml}',
      exclude: '**/{node_modules,.git}/**',
      maxResults: 10,
    });

    const unsearchable = hostAnswering({ 'throughline/findFiles': () => ({ uris: [], truncated: false, problem: 'no search provider' }) }).host;
    assert.deepEqual(await unsearchable.findPlans('x:/w'), { uris: [], unreadable: [{ uri: 'x:/w', problem: 'no search provider' }], truncated: false });
    const failing = await hostAnswering({}).host.findPlans('x:/w');
    assert.match(failing.unreadable[0]!.problem, /cannot search for plans: Unhandled method/);
  });
});
