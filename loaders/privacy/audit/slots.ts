// Turns every (indicator, field, key) of the reader's universe into a known
// constant or an unknown: published → constant; withheld → unknown; missing →
// zero, unless a linked series (rule 2) has a row there (rule 3).
import { publishedField, type Field, type IndicatorFields } from "./fields.ts";
import { seriesId } from "./links.ts";
import type { IndicatorTable, Key, PublishedRow } from "./published.ts";
import { constant, type Expr, LinearSystem } from "./system.ts";

export interface WithheldCell {
  row: PublishedRow;
  vars: Partial<Record<Field, number>>;
}

export class Slots {
  readonly cells: WithheldCell[] = [];
  private readonly cellVars = new Map<PublishedRow, WithheldCell>();
  private readonly helpers = new Map<string, number>();
  private readonly members = new Map<string, { indicator: string; field: Field; scale: number }[]>();
  /** Per indicator and field: its cluster's scale and the other series in it (null: not linked). Looked up per missing row, so kept parsed. */
  private readonly linkedTo = new Map<string, Map<Field, { root: string; scale: number; others: { at: number; indicator: string; field: Field; scale: number }[] } | null>>();
  /** Per cluster root: each key's rows in its member series, in member order (one lookup per missing row, not one per member). */
  private readonly rowsAt = new Map<string, Map<Key, (PublishedRow | undefined)[]>>();

  constructor(
    readonly tables: Map<string, IndicatorTable>,
    readonly fields: Map<string, IndicatorFields>,
    readonly cluster: Map<string, { root: string; scale: number }>,
    readonly sys: LinearSystem,
  ) {
    for (const [id, c] of cluster) {
      const list = this.members.get(c.root) ?? [];
      const [indicator, field] = id.split(".") as [string, Field];
      list.push({ indicator, field, scale: c.scale });
      this.members.set(c.root, list);
    }
    for (const t of tables.values()) {
      const f = fields.get(t.id)!;
      for (const row of t.rows) {
        if (!row.suppressed) continue;
        const cell: WithheldCell = { row, vars: {} };
        for (const field of f.fields) cell.vars[field] = sys.addVar(field === "net" ? -Infinity : 0, { cell: this.cells.length, field });
        this.cells.push(cell);
        this.cellVars.set(row, cell);
      }
    }
  }

  /** The quantity of a row that exists. */
  private present(indicator: string, row: PublishedRow, field: Field, k: Key): Expr {
    if (row.suppressed) return { v: this.cellVars.get(row)!.vars[field]!, k: 1 };
    const x = publishedField(row, field);
    return x === null ? this.helper(indicator, field, k) : constant(x);
  }

  /** An unknown that nothing but relations constrain (a missing row's unlinked field). */
  private helper(indicator: string, field: Field, k: Key): Expr {
    const id = `${indicator}\u0002${field}\u0002${k}`;
    let v = this.helpers.get(id);
    if (v === undefined) this.helpers.set(id, (v = this.sys.addVar(field === "net" ? -Infinity : 0, { cell: -1, field })));
    return { v, k: 1 };
  }

  /** The same quantity read from a linked series that has a row at k. */
  private linked(indicator: string, field: Field, k: Key): Expr | null {
    const l = this.linkOf(indicator, field);
    if (!l) return null;
    const rows = this.rowsOf(l.root).get(k);
    if (!rows) return null;
    for (const m of l.others) {
      const row = rows[m.at];
      if (!row) continue;
      const e = this.present(m.indicator, row, m.field, k);
      return { v: e.v, k: (e.k * l.scale) / m.scale };
    }
    return null;
  }

  private linkOf(indicator: string, field: Field) {
    let byField = this.linkedTo.get(indicator);
    if (!byField) this.linkedTo.set(indicator, (byField = new Map()));
    let l = byField.get(field);
    if (l === undefined) {
      const c = this.cluster.get(seriesId(indicator, field));
      l = c ? { root: c.root, scale: c.scale, others: this.members.get(c.root)!.map((m, at) => ({ ...m, at })).filter((m) => m.indicator !== indicator) } : null;
      byField.set(field, l);
    }
    return l;
  }

  expr(indicator: string, field: Field, k: Key): Expr {
    const t = this.tables.get(indicator)!;
    const row = t.byKey.get(k);
    if (row) return this.present(indicator, row, field, k);
    const l = this.linked(indicator, field, k);
    if (l) return l;
    // A missing row is zero — unless another of its fields is known from a linked
    // series, in which case the row may well exist behind a rule of the pipeline
    // (e.g. "written where the cell has both") and this field is left free.
    for (const other of this.fields.get(indicator)!.fields) {
      if (other !== field && this.linked(indicator, other, k)) return this.helper(indicator, field, k);
    }
    return constant(0);
  }

  private rowsOf(root: string): Map<Key, (PublishedRow | undefined)[]> {
    let byKey = this.rowsAt.get(root);
    if (!byKey) {
      this.rowsAt.set(root, (byKey = new Map()));
      const list = this.members.get(root)!;
      list.forEach((m, at) => {
        for (const [k, row] of this.tables.get(m.indicator)?.byKey ?? []) {
          let rows = byKey!.get(k);
          if (!rows) byKey!.set(k, (rows = new Array(list.length)));
          rows[at] = row;
        }
      });
    }
    return byKey;
  }

  /** Rule 2 as rows: linked series that both have a row at a key hold the same quantity. */
  addLinkRows(): void {
    for (const list of this.members.values()) {
      const keys = new Set<Key>();
      for (const m of list) for (const k of this.tables.get(m.indicator)!.byKey.keys()) keys.add(k);
      for (const k of keys) {
        let prev: { e: Expr; scale: number } | null = null;
        for (const m of list) {
          const row = this.tables.get(m.indicator)!.byKey.get(k);
          if (!row) continue;
          const e = this.present(m.indicator, row, m.field, k);
          if (prev) this.sys.add([[e, 1 / m.scale], [prev.e, -1 / prev.scale]], 0, 0);
          prev = { e, scale: m.scale };
        }
      }
    }
  }
}
