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
