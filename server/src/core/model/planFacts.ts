import { budgetFacts, type BudgetFacts } from './budget.js';
import { planCalendar, type PlanCalendar } from './calendar.js';
import { buildDependencyGraph, type DependencyGraph } from './dependencyGraph.js';
import type { ChannelModel, PlanModel } from './planModel.js';
import { computeSchedule, type Schedule } from './schedule.js';
import { resolveTraces, type TraceResult } from './traces.js';

/** Cross-item facts derived from a model, each computed on first use and kept with the model. */
export interface PlanFacts {
  readonly graph: DependencyGraph;
  readonly schedule: Schedule;
  /** The working days and blackouts the schedule counts with. */
  readonly calendar: PlanCalendar;
  readonly traces: Map<string, TraceResult>;
  /** KPI id → channels that report against it (including ids no KPI defines). */
  readonly kpiUsers: Map<string, ChannelModel[]>;
  /** Stage id → channels that serve it. */
  readonly stageUsers: Map<string, ChannelModel[]>;
  /** Total, allocated, available and the base channel shares are taken of. */
  readonly budget: BudgetFacts;
}

const cache = new WeakMap<PlanModel, PlanFacts>();

export function factsOf(model: PlanModel): PlanFacts {
  let facts = cache.get(model);
  if (!facts) {
    facts = createFacts(model);
    cache.set(model, facts);
  }
  return facts;
}

function createFacts(model: PlanModel): PlanFacts {
  let graph: DependencyGraph | undefined;
  let schedule: Schedule | undefined;
  let calendar: PlanCalendar | undefined;
  let traces: Map<string, TraceResult> | undefined;
  let kpiUsers: Map<string, ChannelModel[]> | undefined;
  let stageUsers: Map<string, ChannelModel[]> | undefined;
  let budget: BudgetFacts | undefined;
  return {
    get graph() {
      return (graph ??= buildDependencyGraph(model));
    },
    get schedule() {
      return (schedule ??= computeSchedule(model, this.graph, this.calendar.working));
    },
    get calendar() {
      return (calendar ??= planCalendar(model));
    },
    get traces() {
      return (traces ??= resolveTraces(model));
    },
    get kpiUsers() {
      return (kpiUsers ??= indexUsers(model, (channel) => channel.kpis.map((kpi) => kpi.value)));
    },
    get stageUsers() {
      return (stageUsers ??= indexUsers(model, (channel) => channel.stages.map((stage) => stage.value)));
    },
    get budget() {
      return (budget ??= budgetFacts(model));
    },
  };
}

function indexUsers(model: PlanModel, idsOf: (channel: ChannelModel) => string[]): Map<string, ChannelModel[]> {
  const users = new Map<string, ChannelModel[]>();
  for (const channel of model.channels.values()) {
    for (const id of new Set(idsOf(channel))) {
      const list = users.get(id);
      if (list) list.push(channel);
      else users.set(id, [channel]);
    }
  }
  return users;
}
