// npm run docs: regenerates docs/rules/ (one page per rule and the index) from the rule
// registry, the golden fixtures, the schema and scripts/docs/ruleRationale.ts.
import { ruleDocs } from './ruleDocs.js';
import { writeDocs } from './writeDocs.js';

writeDocs(ruleDocs());
