/**
 * "What's new since you last looked": after the active pack changed, the events and positions it added or changed,
 * newest first, each opening its detail. Shown until the reader has seen it once.
 */
import type { PackChanges } from '../knowledge/active-pack';
import type { ShowDate } from '../cards/dates';
import { DateText } from '../ui/facts';
import { useMessages } from '../ui/i18n';

/** How many items the list shows before "and N more". */
const SHOWN = 8;

export function WhatsNew({ changes, showDate, onOpen, onDismiss }: { changes: PackChanges; showDate: ShowDate; onOpen: (item: PackChanges['items'][number], returnTo: () => HTMLElement | null) => void; onDismiss: () => void }) {
  const t = useMessages();
  const items = changes.items.slice(0, SHOWN);
  return (
    <section class="whats-new" aria-labelledby="whats-new-title">
      <h2 id="whats-new-title">{t.text('whatsNewTitle')}</h2>
      <p class="hint">
        {t.parts('knowledgeUpdated', changes.from.version, <DateText date={showDate(changes.from.asOf)} />, changes.to.version, <DateText date={showDate(changes.to.asOf)} />)}
      </p>
      {items.length === 0 ? (
        <p>{t.text('noChanges')}</p>
      ) : (
        <ul>
          {items.map((item) => (
            <li key={`${item.section}:${item.id}`}>
              <button type="button" class="link" id={`new-${item.id}`} onClick={() => onOpen(item, () => document.getElementById(`new-${item.id}`))}>
                {item.label}
              </button>{' '}
              <span class="hint">
                {t.text(item.section === 'events' ? (item.change === 'added' ? 'newEvent' : 'changedEvent') : item.change === 'added' ? 'newPosition' : 'changedPosition')}
                {item.date ? (
                  <>
                    , <DateText date={showDate(item.date)} />
                  </>
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      )}
      {changes.items.length > SHOWN && <p class="hint">{t.count('moreInTimeline', changes.items.length - SHOWN)}</p>}
      <button type="button" class="link" onClick={onDismiss}>
        {t.text('hideThis')}
      </button>
    </section>
  );
}
