// npm run docs: regenerates docs/plan-language.md from the zod schema and the example plan.
import { languageDocs } from './languageDocs.js';
import { writeDocs } from './writeDocs.js';

writeDocs(languageDocs());
