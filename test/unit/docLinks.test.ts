import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, it } from 'node:test';

// Every relative link in the repository's Markdown (the README, ARCHITECTURE.md, docs/ and the
// READMEs under scripts/) leads to a file that exists and, for a `#heading` in a Markdown
// file, to a heading (or an `<a id>`) that exists there, with GitHub's heading anchors.

const ROOTS = ['.', 'docs', 'scripts'];

function markdownFiles(): string[] {
  const files = readdirSync('.').filter((name) => name.endsWith('.md'));
  for (const root of ROOTS.slice(1)) {
    for (const name of readdirSync(root, { recursive: true }) as string[]) if (name.endsWith('.md')) files.push(join(root, name));
  }
  return files.sort();
}

/** The text outside fenced code blocks, with inline code spans blanked (their brackets are not links). */
function prose(markdown: string): string[] {
  let fenced = false;
  return markdown.split('\n').map((line) => {
    if (/^\s*(```|~~~)/.test(line)) {
      fenced = !fenced;
      return '';
    }
    return fenced ? '' : line.replace(/(`+)[^`][\s\S]*?\1/g, '');
  });
}

interface Link {
  line: number;
  target: string;
}

export function linksOf(markdown: string): Link[] {
  const links: Link[] = [];
  prose(markdown).forEach((text, index) => {
    for (const match of text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) links.push({ line: index + 1, target: match[1]! });
    for (const match of text.matchAll(/^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/g)) links.push({ line: index + 1, target: match[1]! });
    for (const match of text.matchAll(/<(?:a|img)\s[^>]*?(?:href|src)="([^"]+)"/g)) links.push({ line: index + 1, target: match[1]! });
  });
  return links;
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
export function slug(heading: string): string {
  return heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

export function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    if (fenced) continue;
    for (const match of line.matchAll(/<a\s[^>]*?(?:id|name)="([^"]+)"/g)) anchors.add(match[1]!);
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const base = slug(heading[1]!);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}

/** What is wrong with a link, or undefined when it leads somewhere. */
function brokenLink(file: string, target: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) return undefined;
  const [rawPath = '', anchor] = target.split('#', 2);
  const path = rawPath === '' ? file : normalize(join(dirname(file), decodeURIComponent(rawPath)));
  if (!existsSync(path)) return `${path} does not exist`;
  if (anchor === undefined || anchor === '' || !path.endsWith('.md') || statSync(path).isDirectory()) return undefined;
  return anchorsOf(readFileSync(path, 'utf8')).has(decodeURIComponent(anchor)) ? undefined : `${path} has no heading #${anchor}`;
}

describe('links in the Markdown files', () => {
  it('finds links, images, reference links and anchors the way GitHub reads them', () => {
    const sample = [
      'See [the rules](docs/rules/README.md) and ![a picture](images/workbench.png "title").',
      'Not a link: `[x](nowhere.md)`, nor in a block:',
      '```md',
      '[y](nowhere.md)',
      '```',
      '[ref]: ARCHITECTURE.md#checklists',
    ].join('\n');
    assert.deepEqual(
      linksOf(sample).map((link) => link.target),
      ['docs/rules/README.md', 'images/workbench.png', 'ARCHITECTURE.md#checklists'],
    );
    assert.equal(slug('`throughline check`'), 'throughline-check');
    assert.equal(slug('Emacs (eglot)'), 'emacs-eglot');
    assert.equal(slug('`channels.<id>.depends_on[]`'), 'channelsiddepends_on');
    assert.equal(slug('Targets (1,000 channels unless said)'), 'targets-1000-channels-unless-said');
    assert.deepEqual([...anchorsOf('# A\n## Usage\n```\n# not a heading\n```\n## Usage\n')], ['a', 'usage', 'usage-1']);
  });

  const files = markdownFiles();
  it('include the front page, the architecture and the docs', () => {
    for (const file of ['README.md', 'ARCHITECTURE.md', join('docs', 'README.md'), join('docs', 'rules', 'README.md')]) assert.ok(files.includes(file), file);
  });

  for (const file of files) {
    it(`${file}: every relative link leads to a file and heading that exist`, () => {
      const broken = linksOf(readFileSync(file, 'utf8'))
        .map((link) => ({ ...link, problem: brokenLink(file, link.target) }))
        .filter((link) => link.problem !== undefined)
        .map((link) => `${file}:${link.line}: (${link.target}) ${link.problem}`);
      assert.deepEqual(broken, []);
    });
  }
});
