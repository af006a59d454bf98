import { buildPortfolioTimeline, type PortfolioTimelineModel } from './model.js';
import { renderPortfolioSvg } from './renderSvg.js';
import type { PortfolioTimelineInput } from './types.js';

/** Parameters of the `throughline/portfolioTimeline` request (from the wire: checked before use). */
export interface PortfolioTimelineParams {
  /** The `*.portfolio.yaml` file. */
  uri: string;
  /** Also render the SVG: `panel` leaves the stylesheet to the webview, `standalone` embeds it. */
  render?: 'panel' | 'standalone';
}

export interface PortfolioTimelineResult {
  uri: string;
  timeline: PortfolioTimelineModel;
  svg?: string;
}

/** Answers a portfolio timeline request from the portfolio's input (null when there is no such portfolio). */
export function portfolioTimelineResult(
  uri: string,
  input: PortfolioTimelineInput | undefined,
  params: Partial<PortfolioTimelineParams> | null | undefined,
): PortfolioTimelineResult | null {
  if (!input) return null;
  const timeline = buildPortfolioTimeline(input);
  const render = params?.render;
  const result: PortfolioTimelineResult = { uri, timeline };
  if (render === 'panel' || render === 'standalone') result.svg = renderPortfolioSvg(timeline, { embedStyle: render === 'standalone' });
  return result;
}
