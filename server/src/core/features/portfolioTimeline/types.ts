// The portfolio timeline's input: plain data about a portfolio and its plans, built from the
// portfolio model (or by hand in tests). Everything in it is text from files people wrote:
// the renderer checks and escapes every field.

export interface PortfolioTimelineChannel {
  id: string;
  name?: string;
  /** ISO `YYYY-MM-DD`. */
  start?: string;
  /** ISO `YYYY-MM-DD`. */
  end?: string;
}

export interface PortfolioTimelinePlan {
  /** The plan file; a click on its lane opens it. */
  uri: string;
  title: string;
  /** ISO `YYYY-MM-DD`: the plan's period, when it sets one. */
  start?: string;
  end?: string;
  budget?: { total?: number; currency?: string };
  /** How many problems the plan has, when known. */
  problems?: number;
  channels: PortfolioTimelineChannel[];
}

export interface PortfolioTimelineInput {
  title: string;
  /** The portfolio budget's currency and total. */
  currency?: string;
  total?: number;
  objective?: { id?: string; statement?: string; deadline?: string };
  plans: PortfolioTimelinePlan[];
}
