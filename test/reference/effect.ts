// Effectiveness indicators (EFF_*): client-based shares. Measurements and
// visits looked up for the same client come from the cell's unit (per-unit
// cells) or from all units (ALL cells); conditions and interventions from all
// units. An ALL cell counts each client once.
import { Acc, cell, slotOfKey, slotsFor, type RefCell, type Slot } from "./cells.ts";
import type { Client, Extract } from "./extract.ts";
import { isRealised } from "./access.ts";
import { dateOf, daysBetween, lastDayOf, yearOf } from "./time.ts";

interface ClientSets { den: Set<string>; num: Set<string> }
const sets = (): ClientSets => ({ den: new Set(), num: new Set() });

function clientShareCells(id: string, acc: Acc<ClientSets>): RefCell[] {
  const out: RefCell[] = [];
  for (const [k, s] of acc) {
    if (s.den.size === 0) continue;
    let num = 0;
    for (const c of s.num) if (s.den.has(c)) num++;
    out.push(cell(id, null, slotOfKey(k), { numerator: num, denominator: s.den.size, value: num / s.den.size, n: s.den.size }));
  }
  return out;
}

export function effectCells(x: Extract): RefCell[] {
  const out: RefCell[] = [];
  const clients = new Map<string, Client>(x.clients.map((c) => [c.client_id, c]));
  const ageAt = (clientId: string, date: string): number => yearOf(date) - clients.get(clientId)!.birth_year;

  // EFF_DIABETES_BALANCE: per cell, each client's latest HBA1C among the cell's
  // measurements (latest measured_on; on a tie the highest value).
  {
    const latest = new Acc<Map<string, { on: string; value: number }>>(() => new Map());
    for (const m of x.measurements) {
      if (m.measure_code !== "HBA1C") continue;
      for (const s of slotsFor(m.measured_on, m.unit_id, null)) {
        const perClient = latest.at(s);
        const cur = perClient.get(m.client_id);
        if (!cur || m.measured_on > cur.on || (m.measured_on === cur.on && m.value > cur.value)) {
          perClient.set(m.client_id, { on: m.measured_on, value: m.value });
        }
      }
    }
    // The earliest E11… recording per client (conditions from all units).
    const e11 = new Map<string, string>();
    for (const c of x.conditions) {
      if (!c.condition_code.startsWith("E11")) continue;
      const cur = e11.get(c.client_id);
      if (!cur || c.recorded_on < cur) e11.set(c.client_id, c.recorded_on);
    }
    for (const [k, perClient] of latest) {
      const slot: Slot = slotOfKey(k);
      const last = lastDayOf(slot.period_type, slot.period);
      let den = 0;
      let num = 0;
      for (const [clientId, m] of perClient) {
        const recorded = e11.get(clientId);
        if (recorded === undefined || recorded > last) continue;
        den++;
        if (m.value < 53) num++;
      }
      if (den > 0) out.push(cell("EFF_DIABETES_BALANCE", null, slot, { numerator: num, denominator: den, value: num / den, n: den }));
    }
  }

  // EFF_AUDIT_SCREENING: clients aged 18+ with a realised visit in the cell;
  // numerator: those with an AUDIT_C measured in the period (same unit per unit).
  {
    const acc = new Acc(sets);
    for (const v of x.visits) {
      if (!isRealised(v)) continue;
      const d = dateOf(v.visit_start_ts);
      if (ageAt(v.client_id, d) < 18) continue;
      for (const s of slotsFor(d, v.unit_id, null)) acc.at(s).den.add(v.client_id);
    }
    for (const m of x.measurements) {
      if (m.measure_code !== "AUDIT_C") continue;
      for (const s of slotsFor(m.measured_on, m.unit_id, null)) acc.at(s).num.add(m.client_id);
    }
    out.push(...clientShareCells("EFF_AUDIT_SCREENING", acc));
  }

  // EFF_MINI_INTERVENTION: clients with a risky AUDIT_C in the period; numerator:
  // for at least one of them an IHA21 (any unit) 0–30 days later.
  {
    const iha21 = new Map<string, string[]>();
    for (const i of x.interventions) {
      if (i.procedure_code !== "IHA21") continue;
      if (!iha21.has(i.client_id)) iha21.set(i.client_id, []);
      iha21.get(i.client_id)!.push(i.performed_on);
    }
    const acc = new Acc(sets);
    for (const m of x.measurements) {
      if (m.measure_code !== "AUDIT_C") continue;
      const client = clients.get(m.client_id)!;
      const age = ageAt(m.client_id, m.measured_on);
      const threshold = age >= 65 ? 4 : client.sex === "1" ? 6 : 5;
      if (m.value < threshold) continue;
      const followed = (iha21.get(m.client_id) ?? []).some((on) => {
        const d = daysBetween(m.measured_on, on);
        return d >= 0 && d <= 30;
      });
      for (const s of slotsFor(m.measured_on, m.unit_id, null)) {
        const c = acc.at(s);
        c.den.add(m.client_id);
        if (followed) c.num.add(m.client_id);
      }
    }
    out.push(...clientShareCells("EFF_MINI_INTERVENTION", acc));
  }

  // EFF_CONTACT_PERSON: clients with a PALJON_PALVELUJA contact; numerator: those
  // whose contact_person_assigned is true (null = not assigned).
  {
    const acc = new Acc(sets);
    for (const c of x.contacts) {
      if (c.core_process !== "PALJON_PALVELUJA") continue;
      const assigned = clients.get(c.client_id)!.contact_person_assigned === true;
      for (const s of slotsFor(dateOf(c.contact_ts), c.unit_id, null)) {
        const cs = acc.at(s);
        cs.den.add(c.client_id);
        if (assigned) cs.num.add(c.client_id);
      }
    }
    out.push(...clientShareCells("EFF_CONTACT_PERSON", acc));
  }
  return out;
}
