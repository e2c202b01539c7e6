/** The Summary tab: each track in a sentence or two, and the status of each proposal. */
import { sourceLinks } from '../cards/card-model';
import type { PackIndex } from '../knowledge/pack-index';
import { TRACK_IDS } from '../knowledge/schema';
import type { Settings } from '../settings/settings';
import type { ShowDate } from '../cards/dates';
import { DateText } from '../ui/facts';
import { useMessages } from '../ui/i18n';
import { SourceList } from './SourceList';
import { AGREEMENT_STATUS_MESSAGE, statusName, TRACK_MESSAGE } from '../i18n/vocabulary';

export function SummaryView({ index, settings, showDate }: { index: PackIndex; settings: Settings | null; showDate: ShowDate }) {
  const t = useMessages();
  const links = (ids: readonly string[]) => sourceLinks(index, ids, { t, showDate });
  const sources = (ids: readonly string[]) => <SourceList sources={links(ids)} />;
  const status = (value: string) => statusName(t, AGREEMENT_STATUS_MESSAGE, value);
  const { pack } = index;
  const tracks = [...pack.tracks].sort((a, b) => TRACK_IDS.indexOf(a.id) - TRACK_IDS.indexOf(b.id)).filter((t) => !settings || settings.tracks.includes(t.id));
  return (
    <section aria-labelledby="summary-title">
      <h2 id="summary-title">{t.text('summaryTitle')}</h2>
      {tracks.map((track) => (
        <article class="track" key={track.id}>
          <h3>{t.text(TRACK_MESSAGE[track.id])}</h3>
          <p>{track.summary}</p>
          <p class="meta">
            {t.parts('asOf', <DateText date={showDate(track.date)} />)} · {sources(track.sources)}
          </p>
        </article>
      ))}
      {pack.agreements.length > 0 ? (
        <>
          <h2>{t.text('proposalsTitle')}</h2>
          <ul class="agreements">
            {pack.agreements.map((a) => {
              const latest = a.history[a.history.length - 1]!;
              return (
                <li key={a.id}>
                  <details>
                    <summary>
                      <strong>{a.name}</strong> <span class={`badge status-${latest.status}`}>{status(latest.status)}</span> <DateText date={showDate(latest.date)} />
                    </summary>
                    <ol class="history">
                      {a.history.map((h, i) => (
                        <li key={i}>
                          <DateText date={showDate(h.date)} /> <span class={`badge status-${h.status}`}>{status(h.status)}</span> {h.text} {sources(h.sources)}
                        </li>
                      ))}
                    </ol>
                  </details>
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
    </section>
  );
}
