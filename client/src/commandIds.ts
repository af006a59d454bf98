// Every command the extension registers, in one map: the client registers them from here and
// the manifest test checks package.json contributes exactly the public ones. No vscode import,
// so tests can read it outside VS Code.

import { CLIENT_COMMANDS } from '../../server/src/core/index.js';

/** Commands users run (contributed in package.json, shown in the Command Palette). */
export const COMMANDS = {
  restartServer: 'throughline.restartServer',
  showOutput: 'throughline.showOutput',
  openTimelinePreview: 'throughline.openTimelinePreview',
  openPortfolioTimeline: 'throughline.openPortfolioTimeline',
  exportTimelineSvg: 'throughline.exportTimelineSvg',
  exportPlan: 'throughline.exportPlan',
  shiftChannel: 'throughline.shiftChannel',
} as const;

/** Commands for the end-to-end tests only (a leading `_` keeps them out of the Command Palette). */
export const INTERNAL_COMMANDS = {
  /** What the timeline panel shows. */
  timelineStatus: '_throughline.timelinePreview.status',
  /** A message to the panel as if from its webview. */
  timelineMessage: '_throughline.timelinePreview.message',
  /** What the portfolio timeline panel shows. */
  portfolioTimelineStatus: '_throughline.portfolioTimeline.status',
  /** A message to the portfolio panel as if from its webview. */
  portfolioTimelineMessage: '_throughline.portfolioTimeline.message',
} as const;

/** Commands the server's code lenses run (named by the server, core/features/codeLens.ts; not in the Command Palette). */
export const LENS_COMMANDS = CLIENT_COMMANDS;

export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];
