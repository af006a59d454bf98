import type { LocatedDate } from '../model/planModel.js';
import { schemaProblems } from '../schema/validate.js';
import type { Range } from '../types.js';
import { defineRule, type RuleContext } from './rule.js';
import { quote } from '../text/quote.js';

export const schema = defineRule({
  name: 'schema',
  area: 'schema',
  defaultSeverity: 'error',
  appliesTo: ['plan', 'library', 'portfolio'],
  summary: 'Unknown key, wrong type, bad date, bad enum value, or an end before its start.',
  check(context) {
    const insideSyntaxError = syntaxErrorTest(context);
    const importedMedium = importedMediumTest(context);
    for (const problem of schemaProblems(context.parsed, context.model.anchorRange, context.fileKind)) {
      // What the YAML parser made of broken text (`medi⏎owner` as one key) is reported once, as yaml-syntax.
      if (!insideSyntaxError(problem.range) && !importedMedium(problem.path)) context.report(problem);
    }
    const { model } = context;
    if (model.period) checkOrder(context, 'The plan period', model.period.start, model.period.end);
    for (const channel of model.channels.values()) checkOrder(context, `Channel ${quote(channel.id)}`, channel.start, channel.end);
    for (const blackout of model.calendar?.blackouts ?? []) checkOrder(context, 'The blackout', blackout.from, blackout.to);
  },
});

/** A channel's `medium` that an imported library's `media` allows is not an unknown value. */
function importedMediumTest({ model }: RuleContext): (path: readonly (string | number)[]) => boolean {
  const media = model.imported?.media;
  // While a library is not read yet, any medium may be one it allows.
  const pending = (model.imported?.notLoaded.length ?? 0) > 0;
  if (!pending && (!media || media.size === 0)) return () => false;
  return (path) => {
    if (path.length !== 3 || path[0] !== 'channels' || path[2] !== 'medium') return false;
    const medium = model.channels.get(String(path[1]))?.medium;
    return medium !== undefined && (pending || media!.has(medium.value));
  };
}

function syntaxErrorTest({ parsed }: RuleContext): (range: Range) => boolean {
  const lines = parsed.lineIndex;
  const errors = parsed.problems
    .filter((problem) => problem.severity === 'error')
    .map((problem) => [lines.offsetAt(problem.range.start), lines.offsetAt(problem.range.end)] as const);
  if (errors.length === 0) return () => false;
  return (range) => {
    const start = lines.offsetAt(range.start);
    const end = lines.offsetAt(range.end);
    return errors.some(([errorStart, errorEnd]) => start <= errorEnd && errorStart <= end);
  };
}

function checkOrder({ report }: RuleContext, subject: string, start: LocatedDate | undefined, end: LocatedDate | undefined): void {
  if (start?.day === undefined || end?.day === undefined || end.day >= start.day) return;
  report({ range: end.range, message: `${subject} ends (${end.value}) before it starts (${start.value}). Swap the dates or correct one of them.` });
}
