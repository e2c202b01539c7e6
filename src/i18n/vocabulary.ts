/**
 * The messages that name the pack's fixed vocabulary in the popup: tracks, parties, kinds of item, statuses and
 * the languages pages are read in. The pack's own text (names, summaries, positions) stays as the pack writes it.
 */
import type { Language } from '../knowledge/inflection';
import type { PartyId, TrackId } from '../knowledge/schema';
import type { Messages, MessageKey } from './messages';
import type { AGREEMENT_STATUSES, STANCE_STATUSES } from '../vocabulary/pack-terms';

export const TRACK_MESSAGE: Readonly<Record<TrackId, MessageKey>> = {
  minerals: 'trackMinerals',
  ceasefire: 'trackCeasefire',
  territory: 'trackTerritory',
  sanctions: 'trackSanctions',
  security: 'trackSecurity',
  elections: 'trackElections',
};

export const PARTY_MESSAGE: Readonly<Record<PartyId, MessageKey>> = {
  us: 'partyUs',
  ukraine: 'partyUkraine',
  russia: 'partyRussia',
  europe: 'partyEurope',
  mediators: 'partyMediators',
};

export const AGREEMENT_STATUS_MESSAGE: Readonly<Record<(typeof AGREEMENT_STATUSES)[number], MessageKey>> = {
  proposed: 'agreementProposed',
  agreed: 'agreementAgreed',
  signed: 'agreementSigned',
  ratified: 'agreementRatified',
  'in-force': 'agreementInForce',
  rejected: 'agreementRejected',
  stalled: 'agreementStalled',
  superseded: 'agreementSuperseded',
};

export const STANCE_STATUS_MESSAGE: Readonly<Record<(typeof STANCE_STATUSES)[number], MessageKey>> = {
  stated: 'stanceStated',
  reported: 'stanceReported',
  disputed: 'stanceDisputed',
};

/**
 * A language named in the form the popup's sentences need, "this page is in …" and "… reads pages in …": "English",
 * "Englisch", "anglais"; in Ukrainian "англійською", in Russian "английском", in Polish "angielskim".
 */
export const LANGUAGE_MESSAGE: Readonly<Record<Language, MessageKey>> = {
  en: 'languageEn',
  uk: 'languageUk',
  ru: 'languageRu',
  de: 'languageDe',
  fr: 'languageFr',
  pl: 'languagePl',
};

const KIND_MESSAGE: Readonly<Record<string, MessageKey>> = {
  person: 'kindPerson',
  country: 'kindCountry',
  organization: 'kindOrganization',
  group: 'kindGroup',
  topic: 'kindTopic',
  event: 'kindEvent',
  stance: 'kindStance',
};

/** What a kind of item is called; a kind this version does not know (a pack from elsewhere) is shown as it is. */
export function kindName(t: Messages, kind: string): string {
  return Object.hasOwn(KIND_MESSAGE, kind) ? t.text(KIND_MESSAGE[kind]!) : kind;
}

/** A status from the pack's fixed list, named; one this version does not know is shown as it is. */
export function statusName(t: Messages, table: Readonly<Record<string, MessageKey>>, status: string): string {
  return Object.hasOwn(table, status) ? t.text(table[status]!) : status;
}
