// Helsinki's organisational units: six health and wellbeing centre (THK) areas, each with its
// health stations and area services, a family centre and a senior centre. Names are real
// Helsinki places; sizes and staffing are plausible, not official figures.

import type { AREAS, OPERATING_MODELS, PROFESSIONS, SERVICE_AREAS } from "../extract/contract.ts";

export type Area = (typeof AREAS)[number];
export type ServiceArea = (typeof SERVICE_AREAS)[number];
export type Profession = (typeof PROFESSIONS)[number];
export type OperatingModel = (typeof OPERATING_MODELS)[number];

export interface Unit {
  index: number;
  unit_id: string;
  unit_name_fi: string;
  unit_name_sv: string | null;
  operating_model: OperatingModel;
  service_area: ServiceArea;
  area: Area;
  /** Relative size (1 = an average unit of its service area); scales staff. */
  size: number;
}

interface ServiceProfile {
  code: string;
  model: OperatingModel;
  /** Who the visits are with, by weight. */
  visitProfessions: readonly (readonly [Profession, number])[];
  /** Average FTE per profession in a unit of size 1. */
  staff: readonly (readonly [Profession, number])[];
  /** Who assesses the need of care when a contact comes in. */
  assessor: Profession;
  urgentShare: number;
  /** Multiplies the chance that a contact is resolved without a visit. */
  resolveFactor: number;
}

export const SERVICE_PROFILES: Record<Exclude<ServiceArea, "MUU">, ServiceProfile> = {
  TERVEYSASEMA: {
    code: "TA", model: "THK", assessor: "HOITAJA", urgentShare: 0.3, resolveFactor: 1,
    visitProfessions: [["HOITAJA", 0.55], ["LAAKARI", 0.42], ["MUU", 0.03]],
    staff: [["LAAKARI", 20], ["HOITAJA", 26], ["MUU", 5]],
  },
  SUUN_TERVEYDENHUOLTO: {
    code: "SU", model: "THK", assessor: "HAMMASHOITAJA", urgentShare: 0.2, resolveFactor: 0.6,
    visitProfessions: [["HAMMASLAAKARI", 0.55], ["SUUHYGIENISTI", 0.25], ["HAMMASHOITAJA", 0.2]],
    staff: [["HAMMASLAAKARI", 20], ["SUUHYGIENISTI", 10], ["HAMMASHOITAJA", 18]],
  },
  PSYKIATRIA_PAIHDE: {
    code: "PP", model: "THK", assessor: "HOITAJA", urgentShare: 0.2, resolveFactor: 0.8,
    visitProfessions: [["HOITAJA", 0.5], ["LAAKARI", 0.18], ["PSYKOLOGI", 0.2], ["SOSIAALITYONTEKIJA", 0.12]],
    staff: [["HOITAJA", 20], ["LAAKARI", 5], ["PSYKOLOGI", 6], ["SOSIAALITYONTEKIJA", 4]],
  },
  AIKUISSOSIAALITYO: {
    code: "AS", model: "THK", assessor: "SOSIAALIOHJAAJA", urgentShare: 0.15, resolveFactor: 1.1,
    visitProfessions: [["SOSIAALITYONTEKIJA", 0.55], ["SOSIAALIOHJAAJA", 0.45]],
    staff: [["SOSIAALITYONTEKIJA", 14], ["SOSIAALIOHJAAJA", 12]],
  },
  NUORTEN_PALVELUT: {
    code: "NU", model: "THK", assessor: "SOSIAALIOHJAAJA", urgentShare: 0.15, resolveFactor: 0.9,
    visitProfessions: [["PSYKOLOGI", 0.3], ["SOSIAALIOHJAAJA", 0.4], ["HOITAJA", 0.3]],
    staff: [["PSYKOLOGI", 4], ["SOSIAALIOHJAAJA", 6], ["HOITAJA", 4]],
  },
  FYSIOTERAPIA: {
    code: "FT", model: "THK", assessor: "FYSIOTERAPEUTTI", urgentShare: 0.08, resolveFactor: 0.8,
    visitProfessions: [["FYSIOTERAPEUTTI", 0.8], ["TOIMINTATERAPEUTTI", 0.2]],
    staff: [["FYSIOTERAPEUTTI", 14], ["TOIMINTATERAPEUTTI", 4]],
  },
  VAMMAISPALVELUT: {
    code: "VP", model: "THK", assessor: "SOSIAALIOHJAAJA", urgentShare: 0.1, resolveFactor: 1,
    visitProfessions: [["SOSIAALITYONTEKIJA", 0.6], ["SOSIAALIOHJAAJA", 0.3], ["TOIMINTATERAPEUTTI", 0.1]],
    staff: [["SOSIAALITYONTEKIJA", 8], ["SOSIAALIOHJAAJA", 6], ["TOIMINTATERAPEUTTI", 2]],
  },
  NEUVOLA: {
    code: "NE", model: "PERHEKESKUS", assessor: "HOITAJA", urgentShare: 0.1, resolveFactor: 1.1,
    visitProfessions: [["HOITAJA", 0.8], ["LAAKARI", 0.15], ["PSYKOLOGI", 0.05]],
    staff: [["HOITAJA", 22], ["LAAKARI", 3], ["PSYKOLOGI", 2]],
  },
  PERHETYO: {
    code: "PT", model: "PERHEKESKUS", assessor: "SOSIAALIOHJAAJA", urgentShare: 0.12, resolveFactor: 0.9,
    visitProfessions: [["SOSIAALIOHJAAJA", 0.7], ["SOSIAALITYONTEKIJA", 0.2], ["PSYKOLOGI", 0.1]],
    staff: [["SOSIAALIOHJAAJA", 8], ["SOSIAALITYONTEKIJA", 3], ["PSYKOLOGI", 1]],
  },
  KOTIHOITO: {
    code: "KH", model: "SENIORIKESKUS", assessor: "HOITAJA", urgentShare: 0.2, resolveFactor: 0.9,
    visitProfessions: [["MUU", 0.55], ["HOITAJA", 0.4], ["LAAKARI", 0.05]],
    staff: [["MUU", 60], ["HOITAJA", 25], ["LAAKARI", 2]],
  },
  PALVELUKESKUS: {
    code: "PK", model: "SENIORIKESKUS", assessor: "SOSIAALIOHJAAJA", urgentShare: 0.05, resolveFactor: 1.2,
    visitProfessions: [["MUU", 0.5], ["FYSIOTERAPEUTTI", 0.25], ["SOSIAALIOHJAAJA", 0.25]],
    staff: [["MUU", 10], ["FYSIOTERAPEUTTI", 3], ["SOSIAALIOHJAAJA", 3]],
  },
};

export type ServiceKey = keyof typeof SERVICE_PROFILES;
export const SERVICE_KEYS = Object.keys(SERVICE_PROFILES) as ServiceKey[];

/** Share of Helsinki's population living in each area (rough, from the major districts). */
export const AREA_POPULATION: Record<Area, number> = {
  ITA: 0.24, POHJOINEN: 0.12, ETELA: 0.18, LANSI: 0.17, KESKI: 0.13, KOILLINEN: 0.16,
};

interface AreaNames {
  adjective: string; // Itäinen
  genitive: string; // Itäisen
  sv: string; // Östra
  stations: readonly (readonly [string, string])[];
  dental: readonly (readonly [string, string])[];
  serviceCentre: readonly [string, string];
}

const AREA_NAMES: Record<Area, AreaNames> = {
  ITA: {
    adjective: "Itäinen", genitive: "Itäisen", sv: "Östra",
    stations: [["Itäkeskuksen terveysasema", "Östra centrums hälsostation"], ["Vuosaaren terveysasema", "Nordsjö hälsostation"], ["Kontulan terveysasema", "Gårdsbacka hälsostation"]],
    dental: [["Itäkeskuksen hammashoitola", "Östra centrums tandklinik"], ["Vuosaaren hammashoitola", "Nordsjö tandklinik"]],
    serviceCentre: ["Kontulan palvelukeskus", "Gårdsbacka servicecentral"],
  },
  POHJOINEN: {
    adjective: "Pohjoinen", genitive: "Pohjoisen", sv: "Norra",
    stations: [["Maunulan terveysasema", "Månsas hälsostation"], ["Paloheinän terveysasema", "Dalhöjdens hälsostation"]],
    dental: [["Maunulan hammashoitola", "Månsas tandklinik"]],
    serviceCentre: ["Kustaankartanon palvelukeskus", "Gustavsgårdens servicecentral"],
  },
  ETELA: {
    adjective: "Eteläinen", genitive: "Eteläisen", sv: "Södra",
    stations: [["Viiskulman terveysasema", "Femkantens hälsostation"], ["Lauttasaaren terveysasema", "Drumsö hälsostation"]],
    dental: [["Ruoholahden hammashoitola", "Gräsvikens tandklinik"]],
    serviceCentre: ["Töölön palvelukeskus", "Tölö servicecentral"],
  },
  LANSI: {
    adjective: "Läntinen", genitive: "Läntisen", sv: "Västra",
    stations: [["Haagan terveysasema", "Haga hälsostation"], ["Kannelmäen terveysasema", "Gamlas hälsostation"], ["Pitäjänmäen terveysasema", "Sockenbacka hälsostation"]],
    dental: [["Haagan hammashoitola", "Haga tandklinik"]],
    serviceCentre: ["Kannelmäen palvelukeskus", "Gamlas servicecentral"],
  },
  KESKI: {
    adjective: "Keskinen", genitive: "Keskisen", sv: "Mellersta",
    stations: [["Kalasataman terveysasema", "Fiskehamnens hälsostation"], ["Vallilan terveysasema", "Vallgårds hälsostation"]],
    dental: [["Kalasataman hammashoitola", "Fiskehamnens tandklinik"]],
    serviceCentre: ["Kinaporin palvelukeskus", "Kinaporis servicecentral"],
  },
  KOILLINEN: {
    adjective: "Koillinen", genitive: "Koillisen", sv: "Nordöstra",
    stations: [["Malmin terveysasema", "Malms hälsostation"], ["Jakomäen terveysasema", "Jakobacka hälsostation"], ["Puistolan terveysasema", "Parkstads hälsostation"]],
    dental: [["Malmin hammashoitola", "Malms tandklinik"]],
    serviceCentre: ["Syystien palvelukeskus", "Höstvägens servicecentral"],
  },
};

/** The area with a doctor shortage: long doctor waits, heavy agency hours. */
export const SHORTAGE_AREA: Area = "ITA";
/** A pilot station whose access improves while its staff experience worsens from 2022. */
export const TRADE_OFF_UNIT = "THK-KESKI-TA-01";

function unitNames(area: Area, service: ServiceKey, ordinal: number): [string, string | null] {
  const n = AREA_NAMES[area];
  const region = `${n.genitive} alueen`;
  const svRegion = `${n.sv} områdets`;
  switch (service) {
    case "TERVEYSASEMA": return [...n.stations[ordinal]];
    case "SUUN_TERVEYDENHUOLTO": return [...n.dental[ordinal]];
    case "PSYKIATRIA_PAIHDE": return [`${n.adjective} psykiatria- ja päihdekeskus`, `${n.sv} psykiatri- och missbrukscentralen`];
    case "AIKUISSOSIAALITYO": return [`${region} aikuissosiaalityö`, `${svRegion} socialarbete för vuxna`];
    case "NUORTEN_PALVELUT": return [`${region} nuorten palvelut`, `${svRegion} ungdomstjänster`];
    case "FYSIOTERAPIA": return [`${region} fysioterapia`, `${svRegion} fysioterapi`];
    // Some area units have no official Swedish name in the register: keep a few nulls.
    case "VAMMAISPALVELUT": return [`${region} vammaistyö`, area === "KOILLINEN" ? null : `${svRegion} handikapparbete`];
    case "NEUVOLA": return [`${n.adjective} perhekeskus, neuvola`, `${n.sv} familjecentret, rådgivning`];
    case "PERHETYO": return [`${n.adjective} perhekeskus, perhetyö`, area === "POHJOINEN" ? null : `${n.sv} familjecentret, familjearbete`];
    case "KOTIHOITO": return [`${region} kotihoito`, `${svRegion} hemvård`];
    case "PALVELUKESKUS": return [...n.serviceCentre];
  }
}

function unitsOfService(area: Area, service: ServiceKey): number {
  if (service === "TERVEYSASEMA") return AREA_NAMES[area].stations.length;
  if (service === "SUUN_TERVEYDENHUOLTO") return AREA_NAMES[area].dental.length;
  return 1;
}

const MODEL_PREFIX: Record<OperatingModel, string> = { THK: "THK", PERHEKESKUS: "PK", SENIORIKESKUS: "SK" };

/** Every unit, in a fixed order (area, then service). */
export function buildUnits(areas: readonly Area[]): Unit[] {
  const units: Unit[] = [];
  for (const service of SERVICE_KEYS) {
    const profile = SERVICE_PROFILES[service];
    const total = (Object.keys(AREA_NAMES) as Area[]).reduce((s, a) => s + unitsOfService(a, service), 0);
    for (const area of areas) {
      const count = unitsOfService(area, service);
      for (let k = 0; k < count; k++) {
        const [fi, sv] = unitNames(area, service, k);
        units.push({
          index: 0,
          unit_id: `${MODEL_PREFIX[profile.model]}-${area}-${profile.code}-${String(k + 1).padStart(2, "0")}`,
          unit_name_fi: fi,
          unit_name_sv: sv,
          operating_model: profile.model,
          service_area: service,
          area,
          size: (AREA_POPULATION[area] * total) / count,
        });
      }
    }
  }
  units.sort((a, b) => (a.area === b.area ? 0 : areas.indexOf(a.area) - areas.indexOf(b.area)));
  units.forEach((u, i) => (u.index = i));
  return units;
}

/** Lookup: units of a service in an area. */
export class UnitDirectory {
  readonly byAreaService = new Map<string, Unit[]>();
  readonly byService = new Map<ServiceKey, Unit[]>();

  constructor(readonly units: readonly Unit[], readonly areas: readonly Area[]) {
    for (const u of units) {
      const key = `${u.area}/${u.service_area}`;
      if (!this.byAreaService.has(key)) this.byAreaService.set(key, []);
      this.byAreaService.get(key)!.push(u);
      const s = u.service_area as ServiceKey;
      if (!this.byService.has(s)) this.byService.set(s, []);
      this.byService.get(s)!.push(u);
    }
  }

  /** The unit a client with `affinity` in [0,1) uses for `service` in `area`. */
  unitFor(area: Area, service: ServiceKey, affinity: number): Unit {
    const list = this.byAreaService.get(`${area}/${service}`) ?? this.byService.get(service)!;
    return list[Math.floor(affinity * list.length)];
  }
}
