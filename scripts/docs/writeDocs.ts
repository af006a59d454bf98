import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { GeneratedDoc } from './markdown.js';

/** Writes the files whose text changed and says which. */
export function writeDocs(docs: readonly GeneratedDoc[]): void {
  let changed = 0;
  for (const doc of docs) {
    if (currentText(doc.path) === doc.content) continue;
    mkdirSync(dirname(doc.path), { recursive: true });
    writeFileSync(doc.path, doc.content);
    console.log(`wrote ${doc.path}`);
    changed++;
  }
  console.log(`${docs.length} files, ${changed} changed`);
}

export function currentText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
