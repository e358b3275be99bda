// Size presets. Contacts are a target (the exact count depends on the seed) for the preset's
// default period; another period gets as many contacts per month. Clients follow the preset's
// contacts-per-client ratio when a contact count is given explicitly.

import { AREAS } from "../extract/contract.ts";
import type { Area } from "./units.ts";

export type ScaleName = "tiny" | "small" | "helsinki";

export interface ScaleConfig {
  name: ScaleName;
  clients: number;
  contacts: number;
  /** Areas with units and residents; tiny keeps two so that its few rows stay dense. */
  areas: readonly Area[];
  /** The default period, whole months YYYY-MM (--from/--to change it). */
  from: string;
  to: string;
}

// tiny keeps the programme's four years: the tests' fixture, small and fast to audit. The bundled
// sample (small) runs on to 2025 so that the care-guarantee changes of 2023 and 2025 show; it keeps
// the 120 000 contacts it had over four years, so its build stays about as long as it was.
const PRESETS: Record<ScaleName, ScaleConfig> = {
  tiny: { name: "tiny", clients: 600, contacts: 3_000, areas: ["ITA", "KESKI"], from: "2020-01", to: "2023-12" },
  small: { name: "small", clients: 25_000, contacts: 120_000, areas: AREAS, from: "2020-01", to: "2025-12" },
  helsinki: { name: "helsinki", clients: 650_000, contacts: 20_000_000, areas: AREAS, from: "2020-01", to: "2025-12" },
};

/** Months from `from` to `to` (YYYY-MM), both included. */
export function monthsBetween(from: string, to: string): number {
  return (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;
}

export function scaleConfig(name: ScaleName, contacts?: number, period?: { from?: string; to?: string }): ScaleConfig {
  const preset = PRESETS[name];
  if (!preset) throw new Error(`unknown scale "${name}" (expected tiny, small or helsinki)`);
  const from = period?.from ?? preset.from;
  const to = period?.to ?? preset.to;
  if (contacts === undefined) {
    const months = monthsBetween(from, to);
    const presetMonths = monthsBetween(preset.from, preset.to);
    const scaled = months === presetMonths ? preset.contacts : Math.max(100, Math.round((preset.contacts * months) / presetMonths));
    return { ...preset, contacts: scaled, from, to };
  }
  if (!Number.isFinite(contacts) || contacts < 100) throw new Error(`contacts must be a number ≥ 100, got ${contacts}`);
  const clients = Math.max(50, Math.round((preset.clients * contacts) / preset.contacts));
  return { ...preset, clients, contacts: Math.round(contacts), from, to };
}
