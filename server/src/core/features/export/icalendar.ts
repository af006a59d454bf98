// iCalendar (RFC 5545) text: escaping of TEXT values, line folding at 75 octets, CRLF, and
// stable UIDs. What goes in the calendar is in planCalendar.ts.

// Control characters other than tab and line breaks are not allowed in a TEXT value.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const MAX_TEXT = 2000;

/** A TEXT property value: `\`, `;`, `,` and newlines escaped, control characters dropped, bounded in length. */
export function escapeText(text: string): string {
  const bounded = text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
  return bounded
    .replace(CONTROL, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\\;,]/g, (ch) => `\\${ch}`)
    .replace(/\n/g, '\\n');
}

const LIMIT = 75;
const encoder = new TextEncoder();

/** Splits a content line into lines of at most 75 octets (UTF-8), never inside a character; continuations start with a space. */
export function foldLine(line: string): string[] {
  if (encoder.encode(line).length <= LIMIT) return [line];
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > LIMIT) {
      lines.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  lines.push(current);
  return lines;
}

/** The calendar as RFC 5545 text: folded lines joined and ended by CRLF. */
export function contentLines(lines: string[]): string {
  return `${lines.flatMap(foldLine).join('\r\n')}\r\n`;
}

/** `20260501` for a day (days since 1970-01-01). */
export function icsDate(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
}

/** `20261123T122600Z`: a UTC DATE-TIME, as DTSTAMP needs. */
export function icsTimestamp(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}

/** 64-bit FNV-1a of the UTF-8 bytes, as 16 hex digits: short, stable, and the same on every platform. */
export function fnv1a64(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of encoder.encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}

/**
 * A UID that stays the same across exports of the same plan, so a calendar that imports the
 * file again updates its events instead of adding copies: the kind of event, a readable part
 * of the id, and a hash of plan key, kind and id (ids differing only in characters the
 * readable part drops still get different UIDs).
 */
export function stableUid(planKey: string, kind: string, id: string): string {
  const readable = id.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 40) || 'item';
  return `${kind}-${readable}-${fnv1a64(`${planKey}\u0000${kind}\u0000${id}`)}@throughline`;
}
