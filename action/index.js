// The GitHub Action's entry (action.yml, runs.using: node20): the committed CLI bundle's
// `github-action` command, so the action runs without npm install. See docs/ci.md.
process.argv.splice(2, process.argv.length, 'github-action');
require('../dist/throughline.js');
