import type { KpiModel } from './planModel.js';

/**
 * The KPIs of a merged view (`withImports`): the libraries' in their order, each replaced by the
 * plan's refinement of it, then the plan's own in the order written. A view over the libraries'
 * map (shared by every plan importing them, read only) and the plan's, not a copy: 500 plans
 * importing one library of 400 KPIs held a map of 400 entries each, built again at every
 * library edit. The fields are private, so the view stays out of spreads, `JSON.stringify` and
 * walks over a model's values, as a `Map`'s entries did.
 */
export class MergedKpis implements ReadonlyMap<string, KpiModel> {
  readonly #imported: ReadonlyMap<string, KpiModel>;
  /** The plan's refinements of imported KPIs, by id. */
  readonly #refined: ReadonlyMap<string, KpiModel>;
  /** The plan's KPIs as written (those of an imported id are found in `refined`). */
  readonly #local: ReadonlyMap<string, KpiModel>;
  readonly #size: number;

  constructor(imported: ReadonlyMap<string, KpiModel>, local: ReadonlyMap<string, KpiModel>, refine: (library: KpiModel, plan: KpiModel) => KpiModel) {
    const refined = new Map<string, KpiModel>();
    for (const [id, kpi] of local) {
      const library = imported.get(id);
      if (library) refined.set(id, refine(library, kpi));
    }
    this.#imported = imported;
    this.#refined = refined;
    this.#local = local;
    this.#size = imported.size + local.size - refined.size;
  }

  get size(): number {
    return this.#size;
  }

  has(id: string): boolean {
    return this.#imported.has(id) || this.#local.has(id);
  }

  get(id: string): KpiModel | undefined {
    const imported = this.#imported.get(id);
    if (imported) return this.#refined.get(id) ?? imported;
    return this.#local.get(id);
  }

  *entries(): IterableIterator<[string, KpiModel]> {
    for (const [id, kpi] of this.#imported) yield [id, this.#refined.get(id) ?? kpi];
    for (const [id, kpi] of this.#local) if (!this.#imported.has(id)) yield [id, kpi];
  }

  // keys() and values() walk the maps themselves: every rule iterates the merged KPIs of every
  // plan, and going through entries() cost a pair and a second generator per KPI.
  *keys(): IterableIterator<string> {
    yield* this.#imported.keys();
    for (const id of this.#local.keys()) if (!this.#imported.has(id)) yield id;
  }

  *values(): IterableIterator<KpiModel> {
    const refined = this.#refined;
    for (const [id, kpi] of this.#imported) yield refined.get(id) ?? kpi;
    for (const [id, kpi] of this.#local) if (!this.#imported.has(id)) yield kpi;
  }

  [Symbol.iterator](): IterableIterator<[string, KpiModel]> {
    return this.entries();
  }

  forEach(visit: (kpi: KpiModel, id: string, map: ReadonlyMap<string, KpiModel>) => void, thisArg?: unknown): void {
    for (const [id, kpi] of this.entries()) visit.call(thisArg, kpi, id, this);
  }
}
