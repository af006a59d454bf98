// Plan text reaches SVG and HTML only through these functions.

// Characters XML 1.0 forbids (C0 controls other than tab/newline/return, lone surrogates,
// U+FFFE/U+FFFF): one of them would make the whole SVG unparsable, so they are dropped.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe in element content and in quoted attribute values of SVG and HTML. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}

/** Shortens text to `max` characters with an ellipsis (before escaping); whitespace runs become one space. */
export function truncate(text: string, max: number): string {
  const head = text.length > max * 4 ? text.slice(0, max * 4) : text;
  const chars = Array.from(head.replace(/\s+/g, ' ').trim());
  if (chars.length <= max && head.length === text.length) return chars.join('');
  return `${chars.slice(0, Math.max(1, max - 1)).join('')}…`;
}
