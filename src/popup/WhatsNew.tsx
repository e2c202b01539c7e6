/**
 * "What's new since you last looked": after the active pack changed, the events and positions it added or changed,
 * newest first, each opening its detail. Shown until the reader has seen it once.
 */
import type { PackChanges } from '../knowledge/active-pack';
import { DateText } from '../ui/facts';
import { readerDates } from '../cards/dates';

/** How many items the list shows before "and N more". */
const SHOWN = 8;

export function WhatsNew({ changes, onOpen, onDismiss }: { changes: PackChanges; onOpen: (item: PackChanges['items'][number], returnTo: () => HTMLElement | null) => void; onDismiss: () => void }) {
  const items = changes.items.slice(0, SHOWN);
  return (
    <section class="whats-new" aria-labelledby="whats-new-title">
      <h2 id="whats-new-title">What's new since you last looked</h2>
      <p class="hint">
        Knowledge updated from version {changes.from.version} (as of <DateText date={readerDates(changes.from.asOf)} />) to{' '}
        {changes.to.version} (as of <DateText date={readerDates(changes.to.asOf)} />).
      </p>
      {items.length === 0 ? (
        <p>No events or positions were added or changed.</p>
      ) : (
        <ul>
          {items.map((item) => (
            <li key={`${item.section}:${item.id}`}>
              <button type="button" class="link" id={`new-${item.id}`} onClick={() => onOpen(item, () => document.getElementById(`new-${item.id}`))}>
                {item.label}
              </button>{' '}
              <span class="hint">
                {item.change === 'added' ? 'new' : 'changed'} {item.section === 'events' ? 'event' : 'position'}
                {item.date ? (
                  <>
                    , <DateText date={readerDates(item.date)} />
                  </>
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      )}
      {changes.items.length > SHOWN && <p class="hint">…and {changes.items.length - SHOWN} more in the timeline.</p>}
      <button type="button" class="link" onClick={onDismiss}>
        Hide this
      </button>
    </section>
  );
}
