/** One item in full, in the popup: its card body, and for a topic every position taken on it. */
import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { buildCardModel, sourceLinks, speakerName } from '../cards/card-model';
import type { PackIndex } from '../knowledge/pack-index';
import type { Settings } from '../settings/settings';
import { CardBody } from '../ui/CardBody';
import type { ShowDate } from '../cards/dates';
import { DateText } from '../ui/facts';
import { useMessages } from '../ui/i18n';
import { SourceList } from './SourceList';
import { kindName, PARTY_MESSAGE, STANCE_STATUS_MESSAGE, statusName } from '../i18n/vocabulary';

/** Opens an item's detail view; `returnTo` finds the control to focus again when the reader goes back. */
export type OpenDetail = (id: string, returnTo: () => HTMLElement | null) => void;

export function DetailView({ index, id, settings, showDate, onBack, onReport }: { index: PackIndex; id: string; settings: Settings | null; showDate: ShowDate; onBack: () => void; onReport?: (id: string) => void }) {
  const t = useMessages();
  const model = buildCardModel(index, id, settings ? { tracks: settings.tracks, parties: settings.parties } : {}, { t, showDate });
  const back = useRef<HTMLButtonElement>(null);
  const allStances = useRef<HTMLDetailsElement>(null);
  useEffect(() => back.current?.focus(), [id]);
  // The stance table's "N earlier positions below" opens the list of every position and takes focus there.
  const showEarlier = () => {
    const details = allStances.current;
    if (!details) return;
    details.open = true;
    const summary = details.querySelector('summary');
    summary?.focus({ preventScroll: true });
    summary?.scrollIntoView({ block: 'start' });
  };
  return (
    <section class="detail" aria-labelledby="detail-title">
      <button ref={back} type="button" class="back" onClick={onBack}>
        {t.text('back')}
      </button>
      {model ? (
        <>
          <p class="kind-tag">{kindName(t, model.kind)}</p>
          <h2 id="detail-title">{model.name}</h2>
          <CardBody t={t} model={model} onShowEarlier={showEarlier} earlierWhere="below" />
          {model.kind === 'topic' ? <AllStances index={index} topic={id} showDate={showDate} detailsRef={allStances} /> : null}
          {onReport ? (
            <p class="report">
              <button type="button" class="link" onClick={() => onReport(id)}>
                {t.text('reportProblem')}
              </button>{' '}
              <span class="hint">{t.text('reportHint')}</span>
            </p>
          ) : null}
        </>
      ) : (
        <p id="detail-title">{t.text('notInPack')}</p>
      )}
    </section>
  );
}

/** Every position on a topic, newest first per party: the card shows only the latest. */
function AllStances({ index, topic, showDate, detailsRef }: { index: PackIndex; topic: string; showDate: ShowDate; detailsRef: RefObject<HTMLDetailsElement | null> }) {
  const t = useMessages();
  const stances = index.stancesByTopic(topic);
  if (stances.length === 0) return null;
  return (
    <details class="all-stances" ref={detailsRef}>
      <summary>{t.count('allPositions', stances.length)}</summary>
      <ul>
        {stances.map((s) => (
          <li key={s.id}>
            <strong>{t.text(PARTY_MESSAGE[s.party])}</strong>
            {s.actor ? ` (${speakerName(index, s.actor, s.date)})` : ''}, <DateText date={showDate(s.date)} />, {statusName(t, STANCE_STATUS_MESSAGE, s.status)}{t.text('colon')} {s.position}{' '}
            <SourceList sources={sourceLinks(index, s.sources, { t, showDate })} />
          </li>
        ))}
      </ul>
    </details>
  );
}
