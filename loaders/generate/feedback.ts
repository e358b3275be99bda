// Customer feedback (asiakaspalaute): some realised visits get a response, on a quick-feedback
// device at the unit, by SMS, in Maisa or in an interview survey. A response has 1–8 answers.

import { dateString, LAST_DAY, progress } from "./calendar.ts";
import type { CsvTableWriter } from "./csv-writer.ts";
import type { Rng } from "./random.ts";
import type { ServiceKey, Unit } from "./units.ts";
import { CX_STATEMENTS } from "../extract/contract.ts";

export interface FeedbackRow extends Record<string, string | number> {
  response_id: string;
  unit_id: string;
  responded_on: string;
  channel: string;
  question_code: string;
  score: number;
}

const RESPONSE_RATE: Partial<Record<ServiceKey, number>> = {
  KOTIHOITO: 0.2, TERVEYSASEMA: 0.15, SUUN_TERVEYDENHUOLTO: 0.18, PALVELUKESKUS: 0.12,
};
const REMOTE = new Set(["R50", "R52", "R56"]);

export class FeedbackGenerator {
  private responses = 0;

  constructor(private readonly rng: Rng, private readonly out: CsvTableWriter<FeedbackRow>) {}

  /** Called for each realised visit; `waitDays` is null for visits without a contact. */
  afterVisit(unit: Unit, service: ServiceKey, day: number, mode: string, waitDays: number | null, unitMood: number): void {
    const rng = this.rng;
    if (!rng.chance(RESPONSE_RATE[service] ?? 0.08)) return;
    const remote = REMOTE.has(mode);
    const channel = remote
      ? ["SMS", "MAISA", "KYSELY"][rng.weighted([0.5, 0.4, 0.1])]
      : ["PIKAPALAUTE", "SMS", "MAISA", "KYSELY"][rng.weighted([0.72, 0.14, 0.08, 0.06])];
    const lag = channel === "PIKAPALAUTE" ? 0 : channel === "SMS" ? rng.int(2) : channel === "MAISA" ? rng.int(6) : rng.between(1, 14);
    const respondedDay = day + lag;
    if (respondedDay > LAST_DAY) return;

    // One latent experience per response keeps NPS and statements of a response consistent.
    let mood = 8.55 + unitMood + 0.25 * progress(day);
    if (waitDays !== null) mood -= waitDays > 30 ? 1 : waitDays > 14 ? 0.5 : 0;
    const latent = mood + 1.7 * rng.normal();

    const questions: string[] = [];
    if (channel === "KYSELY") questions.push("NPS", ...CX_STATEMENTS);
    else if (channel === "MAISA") questions.push("NPS", ...this.someStatements(rng.between(2, 4)));
    else if (channel === "SMS") questions.push("NPS", ...(rng.chance(0.4) ? ["SAIN_TARVITSEMANI"] : []));
    else if (rng.chance(0.9)) {
      questions.push("NPS");
      const r = rng.next();
      if (r < 0.35) questions.push(rng.chance(0.5) ? "SUJUVA_PALVELU" : "TULIN_KUULLUKSI");
      else if (r < 0.45) questions.push("SUJUVA_PALVELU", "TULIN_KUULLUKSI");
    } else questions.push(rng.chance(0.5) ? "SUJUVA_PALVELU" : "TULIN_KUULLUKSI");

    const responseId = `F${String(++this.responses).padStart(8, "0")}`;
    const respondedOn = dateString(respondedDay);
    for (const q of questions) {
      const score = q === "NPS"
        ? clampRound(latent, 0, 10)
        : clampRound(1 + latent * 0.4 + 0.55 * rng.normal(), 1, 5);
      this.out.add({ response_id: responseId, unit_id: unit.unit_id, responded_on: respondedOn, channel, question_code: q, score });
    }
  }

  private someStatements(n: number): string[] {
    const pool = [...CX_STATEMENTS];
    const chosen: string[] = [];
    for (let k = 0; k < n; k++) chosen.push(pool.splice(this.rng.int(pool.length), 1)[0]);
    return chosen;
  }
}

export function clampRound(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, Math.round(x)));
}
