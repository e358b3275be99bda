// The story the synthetic data tells. These dates are generator parameters, not programme facts.

import { dayOf } from "./calendar.ts";

/** One-channel client guidance starts: first-contact resolution rises after this. */
export const GUIDANCE_START = dayOf(2021, 9, 1);
/** Oral-care service vouchers for queue clearing start. */
export const VOUCHER_START = dayOf(2021, 6, 1);
/** From here the trade-off unit's staff experience worsens. */
export const STAFF_STRAIN_START = dayOf(2022, 1, 1);
