// What the portfolio timeline adds to the timeline's stylesheet (whose `--tl-*` colours and
// classes it reuses): plan spans, channel bars inside a lane, the clickable lanes.

export const portfolioCss = `
.tl .plan-span { fill: var(--tl-owned); fill-opacity: 0.28; stroke: var(--tl-owned); stroke-width: 1; }
.tl .plan-span.from-channels { stroke-dasharray: 3 2; }
.tl .channel-bar { fill: var(--tl-owned); fill-opacity: 0.85; }
.tl .plan-title { font-weight: 600; }
.tl .plan-facts { font-size: 11px; fill: var(--tl-muted); }
.tl .plan-problems { font-size: 11px; fill: var(--tl-warning); font-weight: 600; }
.tl .plan-lane { cursor: pointer; }
.tl .plan-lane:hover .lane-band, .tl .plan-lane.selected .lane-band { fill: var(--tl-focus); fill-opacity: 0.1; }
.tl .plan-lane:focus { outline: none; }
.tl .plan-lane:focus-visible .lane-band { fill: var(--tl-focus); fill-opacity: 0.1; stroke: var(--tl-focus); stroke-width: 2; }
.tl .objective { fill: var(--tl-deadline); }
.tl .notes { fill: var(--tl-muted); font-style: italic; }
`;
