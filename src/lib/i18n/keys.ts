// The UI strings' keys, defined by the Finnish strings.

import type { fi } from "./fi.js";

export type StringKey = keyof typeof fi;
export type Strings = Record<StringKey, string>;
