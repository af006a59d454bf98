import { parseArgs, type ParseArgsConfig } from 'node:util';
import { didYouMean } from '../core/index.js';
import { UsageError } from './command.js';

type OptionSpecs = NonNullable<ParseArgsConfig['options']>;

export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** `util.parseArgs` in strict mode, its errors turned into one-line usage errors. */
export function parseCommandArgs(args: string[], options: OptionSpecs): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({ args, options, strict: true, allowPositionals: true });
    return { values: values as ParsedArgs['values'], positionals };
  } catch (error) {
    throw new UsageError(describeParseError(error as Error & { code?: string }, options));
  }
}

function describeParseError(error: Error & { code?: string }, options: OptionSpecs): string {
  const firstLine = error.message.split('\n')[0] ?? error.message;
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const option = /'([^']+)'/.exec(firstLine)?.[1] ?? firstLine;
    return `unknown option \`${option}\`.${didYouMean(
      option,
      Object.keys(options).map((name) => `--${name}`),
    )}`;
  }
  if (/ambiguous/.test(firstLine)) {
    const option = /'([^']+)'/.exec(firstLine)?.[1] ?? 'the option';
    return `${option} needs a value (write ${option}=<value> for a value that starts with a dash)`;
  }
  return firstLine.replace(/^Option /, 'option ').replace(/\.$/, '');
}
