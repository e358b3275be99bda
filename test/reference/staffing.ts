// Staffing-based indicators (STAFF_SICK_LEAVE, STAFF_TURNOVER,
// STAFF_AGENCY_SHARE) and productivity (PROD_*).
// Person-years = Σ fte ÷ 12 over the months of the period; average headcount
// = Σ headcount ÷ number of distinct months with staffing rows in the cell.
import { Acc, cell, slotKey, slotOfKey, slotsFor, type RefCell } from "./cells.ts";
import type { Extract } from "./extract.ts";
import { isRealised } from "./access.ts";
import { dateOf } from "./time.ts";

interface Staff { fte: number; headcount: number; months: Set<string>; sick: number; exits: number; agency: number }
const staff = (): Staff => ({ fte: 0, headcount: 0, months: new Set(), sick: 0, exits: 0, agency: 0 });

export function staffingCells(x: Extract): RefCell[] {
  const out: RefCell[] = [];
  const st = new Acc(staff);
  for (const r of x.staffing) {
    for (const s of slotsFor(`${r.month}-01`, r.unit_id, r.profession)) {
      const a = st.at(s);
      a.fte += r.fte;
      a.headcount += r.headcount;
      a.months.add(r.month);
      a.sick += r.sick_leave_days;
      a.exits += r.voluntary_exits;
      a.agency += r.agency_hours;
    }
  }
  const realised = x.visits.filter(isRealised);
  const visitsByProfession = new Acc(() => ({ n: 0 }));
  for (const v of realised) for (const s of slotsFor(dateOf(v.visit_start_ts), v.unit_id, v.profession)) visitsByProfession.at(s).n++;

  for (const [k, a] of st) {
    const py = a.fte / 12;
    if (!(py > 0)) continue; // a ratio whose denominator is 0 is not written
    const slot = slotOfKey(k);
    const avgHeadcount = a.headcount / a.months.size;
    out.push(cell("STAFF_SICK_LEAVE", "profession", slot, { numerator: a.sick, denominator: py, value: a.sick / py, n: avgHeadcount }));
    out.push(cell("STAFF_TURNOVER", "profession", slot, { numerator: a.exits, denominator: py, value: (100 * a.exits) / py, n: avgHeadcount }));
    out.push(cell("STAFF_AGENCY_SHARE", "profession", slot, { numerator: a.agency, denominator: py * 1720, value: a.agency / (py * 1720), n: avgHeadcount }));
    // Written wherever person-years > 0, also as 0.
    const visits = visitsByProfession.get(slotKey(slot))?.n ?? 0;
    out.push(cell("PROD_VISITS_PER_FTE", "profession", slot, { numerator: visits, denominator: py, value: visits / py, n: avgHeadcount }));
  }

  // PROD_COST_PER_VISIT / PROD_COST_PER_CLIENT: written where the cell has both cost rows and realised visits.
  const costs = new Acc(() => ({ rows: 0, sum: 0 }));
  for (const c of x.costs) {
    for (const s of slotsFor(`${c.month}-01`, c.unit_id, null)) {
      const a = costs.at(s);
      a.rows++;
      a.sum += c.cost_eur;
    }
  }
  const visits = new Acc(() => ({ n: 0, clients: new Set<string>() }));
  for (const v of realised) {
    for (const s of slotsFor(dateOf(v.visit_start_ts), v.unit_id, null)) {
      const a = visits.at(s);
      a.n++;
      a.clients.add(v.client_id);
    }
  }
  for (const [k, c] of costs) {
    const v = visits.get(k);
    if (c.rows === 0 || !v || v.n === 0) continue;
    const slot = slotOfKey(k);
    out.push(cell("PROD_COST_PER_VISIT", null, slot, { numerator: c.sum, denominator: v.n, value: c.sum / v.n, n: v.n }));
    out.push(cell("PROD_COST_PER_CLIENT", null, slot, {
      numerator: c.sum, denominator: v.clients.size, value: c.sum / v.clients.size, n: v.clients.size,
    }));
  }

  // PROD_REMOTE_SHARE
  const remote = new Acc(() => ({ num: 0, den: 0 }));
  for (const v of realised) {
    const isRemote = v.contact_mode === "R50" || v.contact_mode === "R52" || v.contact_mode === "R56";
    for (const s of slotsFor(dateOf(v.visit_start_ts), v.unit_id, v.profession)) {
      const a = remote.at(s);
      a.den++;
      if (isRemote) a.num++;
    }
  }
  for (const [k, a] of remote) {
    if (a.den === 0) continue;
    out.push(cell("PROD_REMOTE_SHARE", "profession", slotOfKey(k), { numerator: a.num, denominator: a.den, value: a.num / a.den, n: a.den }));
  }
  return out;
}
