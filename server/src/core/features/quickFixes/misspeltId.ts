import { closestMatch } from '../../text/didYouMean.js';
import { replaceScalar } from '../../yaml/edits/replaceScalar.js';
import { code, idInChannelsAt, proposal, sameRange, writableIds, writtenRange, type QuickFix } from './quickFix.js';

/** `dependency-unknown`: replace the id with the nearest channel id (not the channel itself). */
export const correctDependency: QuickFix<'dependency-unknown'> = ({ model, facts, yaml }, diagnostic) => {
  const unknown = facts.graph.unknown.find(({ dependency }) => sameRange(dependency.on.range, diagnostic.range));
  if (!unknown) return [];
  const candidates = writableIds(model.channels.keys()).filter((id) => id !== unknown.channel.id);
  const near = closestMatch(unknown.dependency.on.value, candidates);
  return near ? proposal(`Change to ${code(near)}`, [replaceScalar(yaml, writtenRange(unknown.dependency.on), near)], true) : [];
};

/** `stage-unknown`: replace the stage with the nearest journey stage. */
export const correctStage: QuickFix<'stage-unknown'> = ({ model, yaml }, diagnostic) => {
  const found = idInChannelsAt(model, diagnostic.range, 'stages');
  const stages = new Set(model.journey.map((stage) => stage.value));
  if (!found || stages.has(found.id.value)) return [];
  const near = closestMatch(found.id.value, writableIds(stages));
  return near ? proposal(`Change to ${code(near)}`, [replaceScalar(yaml, writtenRange(found.id), near)], true) : [];
};
