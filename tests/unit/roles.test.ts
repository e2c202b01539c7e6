/** An actor's role on a day, as cards and stances name it. */
import { describe, expect, it } from 'vitest';
import { roleLine, roleOn, speakerOn } from '../../src/knowledge/roles';
import type { Role } from '../../src/knowledge/schema';

const role = (title: string, start?: string, end?: string): Role => ({ title, sources: ['s'], ...(start ? { start } : {}), ...(end ? { end } : {}) });

/** A prime minister who became defence minister on the day he left office, then left that office too. */
const shmyhal = {
  name: 'Denys Shmyhal',
  roles: [role('Prime Minister of Ukraine', undefined, '2025-07-17'), role('Minister of Defence', '2025-07-17', '2026-01-14'), role('Minister of Energy', '2026-01-14')],
};
/** An adviser who held one office, and none after it. */
const adviser = { name: 'A. Adviser', roles: [role('National Security Adviser', '2025-01-20', '2025-05-01')] };
/** A state: one role, no dates. */
const state = { name: 'Ukraine', roles: [role('Party to the talks')] };

describe('roleOn', () => {
  it.each<[string, { roles: Role[] }, string, string | undefined]>([
    ['before the window: the first role, which has no start', shmyhal, '2024-01-01', 'Prime Minister of Ukraine'],
    ['the day before a handover', shmyhal, '2025-07-16', 'Prime Minister of Ukraine'],
    ['a handover day: the role that starts that day', shmyhal, '2025-07-17', 'Minister of Defence'],
    ['between handovers', shmyhal, '2025-10-01', 'Minister of Defence'],
    ['the current role, which has no end', shmyhal, '2026-04-01', 'Minister of Energy'],
    ['before a role with a start', adviser, '2025-01-19', undefined],
    ['its first day', adviser, '2025-01-20', 'National Security Adviser'],
    ['its last day, with no successor', adviser, '2025-05-01', 'National Security Adviser'],
    ['after it ended', adviser, '2025-05-02', undefined],
    ['a role with no dates, on any day', state, '2031-01-01', 'Party to the talks'],
  ])('%s', (_name, actor, date, title) => {
    expect(roleOn(actor, date)?.title).toBe(title);
  });
});

describe('roleLine', () => {
  it.each<[string, { roles: Role[] }, string, string]>([
    ['a role held', shmyhal, '2025-08-01', 'Minister of Defence'],
    ['after the only role ended', adviser, '2026-01-06', 'National Security Adviser until 2025-05-01'],
    ['before the first role started', adviser, '2025-01-01', 'National Security Adviser from 2025-01-20'],
  ])('%s', (_name, actor, date, line) => {
    expect(roleLine(actor, date)).toBe(line);
  });
});

describe('speakerOn', () => {
  it.each<[string, { name: string; roles: Role[] }, string, string, string]>([
    ['a role since changed', shmyhal, '2025-03-01', '2026-04-01', 'Denys Shmyhal, then Prime Minister of Ukraine'],
    ['the role still held', shmyhal, '2026-02-01', '2026-04-01', 'Denys Shmyhal'],
    ['a role held then and now, under one title', state, '2025-03-01', '2026-04-01', 'Ukraine'],
    ['a role since left, with none now', adviser, '2025-03-01', '2026-01-06', 'A. Adviser, then National Security Adviser'],
    ['no role held on the day', adviser, '2024-12-01', '2026-01-06', 'A. Adviser'],
  ])('%s', (_name, actor, date, asOf, name) => {
    expect(speakerOn(actor, date, asOf)).toBe(name);
  });
});
