// Every command the extension registers, in one map: the client registers them from here and
// the manifest test checks package.json contributes exactly the public ones. No vscode import,
// so tests can read it outside VS Code.

/** Commands users run (contributed in package.json, shown in the Command Palette). */
export const COMMANDS = {
  restartServer: 'throughline.restartServer',
  showOutput: 'throughline.showOutput',
  openTimelinePreview: 'throughline.openTimelinePreview',
  exportTimelineSvg: 'throughline.exportTimelineSvg',
  shiftChannel: 'throughline.shiftChannel',
} as const;

/** Commands for the end-to-end tests only (a leading `_` keeps them out of the Command Palette). */
export const INTERNAL_COMMANDS = {
  /** What the timeline panel shows. */
  timelineStatus: '_throughline.timelinePreview.status',
  /** A message to the panel as if from its webview. */
  timelineMessage: '_throughline.timelinePreview.message',
} as const;

export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];
