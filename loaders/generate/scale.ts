// Size presets. Contacts are a target (the exact count depends on the seed); clients follow
// the preset's contacts-per-client ratio when a contact count is given explicitly.

import { AREAS } from "../contract.ts";
import type { Area } from "./units.ts";

export type ScaleName = "tiny" | "small" | "helsinki";

export interface ScaleConfig {
  name: ScaleName;
  clients: number;
  contacts: number;
  /** Areas with units and residents; tiny keeps two so that its few rows stay dense. */
  areas: readonly Area[];
}

const PRESETS: Record<ScaleName, ScaleConfig> = {
  tiny: { name: "tiny", clients: 600, contacts: 3_000, areas: ["ITA", "KESKI"] },
  small: { name: "small", clients: 25_000, contacts: 120_000, areas: AREAS },
  helsinki: { name: "helsinki", clients: 650_000, contacts: 20_000_000, areas: AREAS },
};

export function scaleConfig(name: ScaleName, contacts?: number): ScaleConfig {
  const preset = PRESETS[name];
  if (!preset) throw new Error(`unknown scale "${name}" (expected tiny, small or helsinki)`);
  if (contacts === undefined) return preset;
  if (!Number.isFinite(contacts) || contacts < 100) throw new Error(`contacts must be a number ≥ 100, got ${contacts}`);
  const clients = Math.max(50, Math.round((preset.clients * contacts) / preset.contacts));
  return { ...preset, clients, contacts: Math.round(contacts) };
}
