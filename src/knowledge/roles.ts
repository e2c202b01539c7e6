/**
 * An actor's role on a given day. Roles are oldest first and do not overlap, except on a handover day, which the
 * role that starts that day wins (validate.ts checks the order; docs/knowledge.md, "Roles over time").
 */
import type { Actor, Role } from './schema';

const holds = (role: Role, date: string) => (role.start === undefined || role.start <= date) && (role.end === undefined || date <= role.end);

/** The role the actor held on `date` (YYYY-MM-DD), or undefined if they held none that day. */
export function roleOn(actor: Pick<Actor, 'roles'>, date: string): Role | undefined {
  for (let i = actor.roles.length - 1; i >= 0; i--) if (holds(actor.roles[i]!, date)) return actor.roles[i];
  return undefined;
}

/**
 * What a card says the actor is on `date`: the role then held, or else the latest role that had ended by then
 * ("Foreign Minister until 2025-05-01"), or the first one that had yet to start.
 */
export function roleLine(actor: Pick<Actor, 'roles'>, date: string): string {
  const held = roleOn(actor, date);
  if (held) return held.title;
  const ended = actor.roles.filter((r) => r.end !== undefined && r.end < date).at(-1);
  if (ended) return `${ended.title} until ${ended.end}`;
  const first = actor.roles[0]!;
  return first.start ? `${first.title} from ${first.start}` : first.title;
}

/**
 * A speaker as a stance names them: with the role they held on the stance's date, when it is not the one the card
 * shows for `asOf` ("Denys Shmyhal, then Prime Minister").
 */
export function speakerOn(actor: Pick<Actor, 'name' | 'roles'>, date: string, asOf: string): string {
  const then = roleOn(actor, date);
  return then && then.title !== roleOn(actor, asOf)?.title ? `${actor.name}, then ${then.title}` : actor.name;
}
