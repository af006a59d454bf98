// npm run docs: regenerates docs/rules/ (one page per rule and the index) and the generated
// tables of README.md from the rule registry, the golden fixtures, the schema and
// scripts/docs/ruleRationale.ts.
import { readmeWithSections } from './readmeSections.js';
import { ruleDocs } from './ruleDocs.js';
import { currentText, writeDocs } from './writeDocs.js';

const readme = currentText('README.md');
writeDocs([...ruleDocs(), ...(readme === undefined ? [] : [{ path: 'README.md', content: readmeWithSections(readme) }])]);
