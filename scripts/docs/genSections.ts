// npm run docs: rewrites the generated sections of hand-written pages (see generatedSections.ts):
// what the README's first plan reports, the CLI's help texts in docs/cli.md, and the
// benchmark figures in docs/performance.md (from bench/results/latest.json).
import { generatedSections, pageWithSections } from './generatedSections.js';
import { currentText, writeDocs } from './writeDocs.js';

const files = [...new Set(generatedSections.map((section) => section.file))];
writeDocs(
  files.map((file) => {
    const page = currentText(file);
    if (page === undefined) throw new Error(`${file} is missing: it holds generated sections`);
    return { path: file, content: pageWithSections(file, page) };
  }),
);
