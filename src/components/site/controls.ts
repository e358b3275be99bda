// The controls of the pages, as plain form elements (no library: every
// kilobyte counts on a page): a radio group, a select and a checkbox. Each
// returned element has a `value` and fires "input" when it changes, so
// Framework's view() reads it like an Observable Input. Their first values
// come from the address (see lib/url-state.ts) and fall back sensibly.
import { formatPeriod, type Lang } from "../../lib/format.js";
import { t } from "../../lib/i18n.js";
import { PERIOD_TYPES, type PeriodType, convertPeriod, periodTypeOf } from "../../lib/periods.js";

let counter = 0;
const uid = (prefix: string) => `${prefix}-${++counter}`;

type Valued<T> = HTMLElement & { value: T };

/** Radio buttons in a fieldset with a legend. */
export function radioInput<T extends string>(options: readonly T[], o: { label: string; value: T; format?: (x: T) => string; document?: Document }): Valued<T> {
  const doc = o.document ?? document;
  const fieldset = doc.createElement("fieldset") as unknown as Valued<T>;
  fieldset.className = "control control-radio";
  const legend = doc.createElement("legend");
  legend.textContent = o.label;
  fieldset.append(legend);
  const name = uid("radio");
  const inputs = options.map((option) => {
    const label = doc.createElement("label");
    const input = doc.createElement("input");
    input.type = "radio";
    input.name = name;
    input.value = option;
    input.checked = option === o.value;
    label.append(input, ` ${o.format ? o.format(option) : option}`);
    fieldset.append(label);
    return input;
  });
  Object.defineProperty(fieldset, "value", {
    get: () => (inputs.find((i) => i.checked)?.value ?? o.value) as T,
    set: (v: T) => inputs.forEach((i) => (i.checked = i.value === v)),
  });
  fieldset.addEventListener("change", () => fieldset.dispatchEvent(new Event("input", { bubbles: true })));
  return fieldset;
}

/** A labelled select; `null` is an allowed option (e.g. "all areas"). */
export function selectInput<T extends string | null>(options: readonly T[], o: { label: string; value: T; format?: (x: T) => string; document?: Document }): Valued<T> {
  const doc = o.document ?? document;
  const wrapper = doc.createElement("div") as unknown as Valued<T>;
  wrapper.className = "control control-select";
  const id = uid("select");
  const label = doc.createElement("label");
  label.htmlFor = id;
  label.textContent = o.label;
  const select = doc.createElement("select");
  select.id = id;
  options.forEach((option, i) => {
    const el = doc.createElement("option");
    el.value = String(i);
    el.textContent = o.format ? o.format(option) : String(option ?? "");
    el.selected = option === o.value;
    select.append(el);
  });
  wrapper.append(label, select);
  Object.defineProperty(wrapper, "value", {
    get: () => options[select.selectedIndex] ?? o.value,
    set: (v: T) => (select.selectedIndex = Math.max(0, options.indexOf(v))),
  });
  // A native select already fires "input"; it bubbles to the wrapper that view() listens to.
  return wrapper;
}

/** A labelled checkbox whose value is a boolean. */
export function toggleInput(o: { label: string; value: boolean; document?: Document }): Valued<boolean> {
  const doc = o.document ?? document;
  const label = doc.createElement("label") as unknown as Valued<boolean>;
  label.className = "control control-toggle";
  const input = doc.createElement("input");
  input.type = "checkbox";
  input.checked = o.value;
  label.append(input, ` ${o.label}`);
  Object.defineProperty(label, "value", { get: () => input.checked, set: (v: boolean) => (input.checked = v) });
  return label;
}

export function periodTypeInput(value: PeriodType, lang: Lang = "fi", doc?: Document): Valued<PeriodType> {
  return radioInput(PERIOD_TYPES, { label: t(lang, "periodType"), value, format: (pt) => t(lang, pt), document: doc });
}

/**
 * The period to show: the requested one if it has data; else the period of
 * this type that holds the requested one's last day (switching from 2023Q4 to
 * months gives 2023-12); else the latest.
 */
export function choosePeriod(periods: readonly string[], requested: string | null | undefined, type: PeriodType): string | undefined {
  if (periods.length === 0) return undefined;
  if (requested && periods.includes(requested)) return requested;
  if (requested) {
    try {
      const converted = periodTypeOf(requested) === type ? requested : convertPeriod(requested, type);
      if (periods.includes(converted)) return converted;
    } catch {
      // not a period: fall through to the latest
    }
  }
  return periods[periods.length - 1];
}

/** The periods newest first. */
export function periodInput(periods: readonly string[], value: string | undefined, lang: Lang = "fi", doc?: Document): Valued<string> {
  return selectInput([...periods].reverse(), { label: t(lang, "period"), value: value ?? periods[periods.length - 1], format: (p) => formatPeriod(p, lang), document: doc });
}
