// Plan text goes into hover markdown escaped (CommonMark backslash escapes), so a title like
// `*Q3* <b>push</b>` shows as written instead of as formatting or HTML.

// Characters that format anywhere in a line; `#`, `-`, `+` and `1.` only where a line starts.
const INLINE = /[\\`*_{}[\]()<>|~&!]/g;
const LINE_START = /^(\s*)([#+\-=]|\d+(?=[.)]))/;

export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r?\n|\r/g, ' ')
    .replace(INLINE, '\\$&')
    .replace(LINE_START, (_, space: string, mark: string) => `${space}${/\d/.test(mark) ? `${mark}\\` : `\\${mark}`}`);
}

/** An id or value as inline code; text with a backtick falls back to escaped plain text. */
export function code(text: string): string {
  return text.includes('`') || /[\r\n]/.test(text) ? escapeMarkdown(text) : `\`${text}\``;
}

/**
 * Any text as one inline code span (GitHub-flavoured Markdown): a fence longer than any
 * backtick run inside, line breaks as spaces, long text cut. Nothing inside formats or links.
 */
export function codeSpan(value: string, max = 120): string {
  const shown = (value.length > max ? `${value.slice(0, max)}…` : value).replace(/[\r\n]+/g, ' ');
  const longest = Math.max(0, ...[...shown.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = shown.startsWith('`') || shown.endsWith('`') || shown.startsWith(' ') ? ' ' : '';
  return `${fence}${pad}${shown}${pad}${fence}`;
}

export function formatNumber(value: number): string {
  return value.toLocaleString('en-GB', { maximumFractionDigits: 2 });
}

const ESCAPABLE = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/;

/**
 * The markdown this core writes, as plain text for clients that show hover and completion
 * documentation as written (Emacs eglot without markdown, some terminals): no `**`, no
 * backticks, no backslash escapes; links as `text (url)`; line breaks and `- ` lists kept.
 */
export function markdownToPlainText(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) => inlinePlain(line.replace(/^(\s*)#{1,6}\s+/, '$1').replace(/ {2,}$/, '')))
    .join('\n');
}

function inlinePlain(line: string): string {
  let out = '';
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === '\\' && i + 1 < line.length && ESCAPABLE.test(line[i + 1]!)) {
      out += line[++i];
    } else if (ch === '`') {
      let run = 1;
      while (line[i + run] === '`') run++;
      const fence = '`'.repeat(run);
      const close = line.indexOf(fence, i + run);
      if (close < 0) {
        out += fence;
        i += run - 1;
      } else {
        out += line.slice(i + run, close);
        i = close + run - 1;
      }
    } else if (ch === '*') {
      // Emphasis markers; a literal asterisk is always escaped in what the core writes.
    } else if (ch === '[') {
      const link = /^\[([^\]]*)\]\(([^)\s]*)\)/.exec(line.slice(i));
      if (link) {
        out += `${inlinePlain(link[1]!)} (${link[2]})`;
        i += link[0].length - 1;
      } else out += ch;
    } else {
      out += ch;
    }
  }
  return out;
}
