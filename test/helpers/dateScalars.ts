// "Only date scalars changed": splits two texts at every ISO date (with the quote around it,
// if any) and requires everything between the dates to be identical, character for character
// — comments, quoting, flow or block style, key order, CRLF and a BOM included. Returns the
// dates that changed, in order, as `old → new`.

const DATE = /(["']?)(\d{4}-\d{2}-\d{2})\1/g;

interface Pieces {
  between: string[];
  dates: string[];
}

function pieces(text: string): Pieces {
  const between: string[] = [];
  const dates: string[] = [];
  let cursor = 0;
  for (const match of text.matchAll(DATE)) {
    between.push(text.slice(cursor, match.index));
    dates.push(match[0]);
    cursor = match.index! + match[0].length;
  }
  between.push(text.slice(cursor));
  return { between, dates };
}

export function changedDates(before: string, after: string): string[] {
  const a = pieces(before);
  const b = pieces(after);
  if (a.dates.length !== b.dates.length) throw new Error(`the number of dates changed: ${a.dates.length} → ${b.dates.length}`);
  a.between.forEach((text, index) => {
    if (text !== b.between[index]) {
      throw new Error(`text outside the date scalars changed after date #${index}: ${JSON.stringify(text)} → ${JSON.stringify(b.between[index])}`);
    }
  });
  const changed: string[] = [];
  a.dates.forEach((date, index) => {
    const next = b.dates[index]!;
    if (date === next) return;
    if (date[0] !== next[0]) throw new Error(`the quoting of ${date} changed: ${next}`);
    changed.push(`${date} → ${next}`);
  });
  return changed;
}
