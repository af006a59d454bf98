// Messages quote the plan: ids and values, usually as `code`. A plan may hold a 200 KB id or
// a thousand channels, so what is quoted is cut here, where it is quoted, and the prose
// around it never is.

/** Text quoted from the plan is cut to this many characters (and `…`). */
export const MAX_QUOTED = 80;
/** A list of quoted values shows this many, then "and N more". */
export const MAX_LISTED = 6;

/** Plan text cut to `max` characters, never between the two halves of a surrogate pair. */
export function excerpt(text: string, max = MAX_QUOTED): string {
  if (text.length <= max) return text;
  let end = max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/** A plan value as inline code: `value`. */
export function quote(text: string): string {
  return `\`${excerpt(text)}\``;
}

/** Values each shown by `show` (quoted by default) and joined with `, `: the first MAX_LISTED, then "and N more". */
export function quoteList(values: readonly string[], show: (value: string) => string = quote, max = MAX_LISTED): string {
  const shown = values
    .slice(0, max)
    .map((value) => show(value))
    .join(', ');
  return values.length > max ? `${shown} and ${values.length - max} more` : shown;
}
