// Validates a log against the official SARIF 2.1.0 JSON Schema (draft-04), as shipped in
// @microsoft/jest-sarif, with ajv. The three string formats the schema uses are checked here.
import Ajv from 'ajv-draft-04';
import { readFileSync } from 'node:fs';

const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

function isUri(value: string): boolean {
  try {
    return new URL(value).protocol.length > 1;
  } catch {
    return false;
  }
}

function isUriReference(value: string): boolean {
  try {
    new URL(value, 'file:///base/');
    return !/\s/.test(value);
  } catch {
    return false;
  }
}

// unicodeRegExp off: the schema's `language` pattern has a stray `]` that only non-unicode regexps accept.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
ajv.addFormat('uri', isUri);
ajv.addFormat('uri-reference', isUriReference);
ajv.addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)));
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);

/** The schema's complaints, one line each; empty when the log is valid. */
export function sarifSchemaErrors(log: unknown): string[] {
  if (validate(log)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`);
}
