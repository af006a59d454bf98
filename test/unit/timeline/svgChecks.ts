// Structural checks on rendered SVG/HTML text without a DOM: tags balance, and no attribute
// that could execute or load anything.

const VOID_HTML = new Set(['meta', 'link', 'br', 'img', 'input', 'hr']);

export interface Tag {
  name: string;
  attributes: Map<string, string>;
}

const TAG = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g;
const ATTRIBUTE = /([\w:-]+)="([^"]*)"/g;

/** Every start tag; throws when tags do not nest or text holds a raw `<`. */
export function parseTags(markup: string): Tag[] {
  const tags: Tag[] = [];
  const open: string[] = [];
  let last = 0;
  const body = markup.replace(/^<!DOCTYPE html>/, '');
  for (const match of body.matchAll(TAG)) {
    const between = body.slice(last, match.index);
    if (between.includes('<') || between.includes('>')) throw new Error(`raw < or > in text near: ${between.slice(0, 80)}`);
    last = match.index! + match[0].length;
    const [, closing, name, attributeText, selfClosing] = match as unknown as [string, string, string, string, string];
    if (closing) {
      const expected = open.pop();
      if (expected !== name) throw new Error(`</${name}> closes <${expected}>`);
      continue;
    }
    const attributes = new Map([...attributeText.matchAll(ATTRIBUTE)].map((attribute) => [attribute[1]!, attribute[2]!]));
    tags.push({ name, attributes });
    if (!selfClosing && !VOID_HTML.has(name.toLowerCase())) open.push(name);
  }
  const rest = body.slice(last);
  if (rest.includes('<') || rest.includes('>')) throw new Error(`unparsed markup: ${rest.slice(0, 80)}`);
  if (open.length > 0) throw new Error(`unclosed: ${open.join(', ')}`);
  return tags;
}

const SAFE_ATTRIBUTES = new Set([
  'xmlns',
  'class',
  'width',
  'height',
  'viewBox',
  'role',
  'aria-label',
  // Focus order only: a portfolio lane is reached with Tab.
  'tabindex',
  'x',
  'y',
  'x1',
  'y1',
  'x2',
  'y2',
  'rx',
  'r',
  'cx',
  'cy',
  'd',
  'dy',
  'id',
  'refX',
  'refY',
  'markerWidth',
  'markerHeight',
  'markerUnits',
  'orient',
  'clip-path',
  'marker-end',
  'text-anchor',
  'data-channel',
  'data-from',
  'data-to',
  'data-lane',
  'data-plan',
  'data-unit',
  'data-burn',
  'data-kpi-pace',
  'data-months',
  'data-month',
  'data-series',
  'charset',
  'http-equiv',
  'content',
  'name',
  'lang',
]);

/** Attributes outside the renderer's own vocabulary (event handlers, href, style …). */
export function unexpectedAttributes(tags: Tag[]): string[] {
  return tags.flatMap((tag) => [...tag.attributes.keys()].filter((name) => !SAFE_ATTRIBUTES.has(name)).map((name) => `<${tag.name} ${name}>`));
}

/** `url(...)` references that point anywhere but a local `#id`. */
export function nonLocalUrls(tags: Tag[]): string[] {
  return tags.flatMap((tag) => [...tag.attributes.values()].filter((value) => /url\((?!#tl-[\w-]+\))/.test(value)));
}
