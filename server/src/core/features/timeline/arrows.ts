import type { DependencyKind } from '../../model/planModel.js';
import { round } from './layout.js';

// Elbow routes for dependency arrows. Each route leaves the dependency's bar at the end the
// kind constrains (finish → right end, start → left end) and enters the dependant at the end
// it constrains, so the last segment is horizontal and the arrowhead points into the bar.

export interface BarBox {
  /** Left and right x of the bar. */
  left: number;
  right: number;
  /** Vertical middle of the bar. */
  middle: number;
}

/** Horizontal distance from a bar before the route turns. */
export const STUB = 7;

export function routeEdge(kind: DependencyKind, from: BarBox, to: BarBox, rowHeight: number): string {
  const path = (points: [number, number][]) => `M${points.map(([x, y]) => `${round(x)},${round(y)}`).join('L')}`;
  switch (kind) {
    case 'start-to-start': {
      const x = Math.min(from.left, to.left) - STUB;
      return path([
        [from.left, from.middle],
        [x, from.middle],
        [x, to.middle],
        [to.left, to.middle],
      ]);
    }
    case 'finish-to-finish': {
      // Along the gap between rows, not along the dependency's middle line where its labels are.
      const out = from.right + STUB;
      const back = to.right + STUB;
      if (out === back)
        return path([
          [from.right, from.middle],
          [out, from.middle],
          [out, to.middle],
          [to.right, to.middle],
        ]);
      const gap = gapBefore(from, to, rowHeight);
      return path([
        [from.right, from.middle],
        [out, from.middle],
        [out, gap],
        [back, gap],
        [back, to.middle],
        [to.right, to.middle],
      ]);
    }
    default: {
      const out = from.right + STUB;
      if (to.left - STUB >= out) {
        return path([
          [from.right, from.middle],
          [out, from.middle],
          [out, to.middle],
          [to.left, to.middle],
        ]);
      }
      // The dependant starts before the dependency's end (overlap or violation): go round,
      // along the gap between the rows just before the dependant's row.
      const gap = gapBefore(from, to, rowHeight);
      const back = to.left - STUB;
      return path([
        [from.right, from.middle],
        [out, from.middle],
        [out, gap],
        [back, gap],
        [back, to.middle],
        [to.left, to.middle],
      ]);
    }
  }
}

/** The y of the gap between rows just before the dependant's row, on the dependency's side. */
function gapBefore(from: BarBox, to: BarBox, rowHeight: number): number {
  return to.middle + (to.middle > from.middle ? -rowHeight / 2 : rowHeight / 2);
}
