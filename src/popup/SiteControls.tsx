/** The popup's two switches: on for this site, and pause everywhere. */
import { useEffect, useState } from 'preact/hooks';
import type { PageReport } from '../messaging/protocol';
import type { Settings } from '../settings/settings';
import { useMessages } from '../ui/i18n';

interface SwitchChoice {
  on?: boolean;
  paused?: boolean;
}
/** No switch chosen ahead of the answers; one shared object, so that setting it again does not re-render. */
const NO_CHOICE: SwitchChoice = {};

export function SiteControls(props: { report: PageReport | null | 'loading'; settings: Settings | null; onSite: (site: string, on: boolean) => void; onPause: (paused: boolean) => void }) {
  const { report, settings } = props;
  const t = useMessages();
  const site = report && report !== 'loading' ? report.site : null;
  const answered = { on: Boolean(report && report !== 'loading' && report.state !== 'off'), paused: settings?.paused ?? false };
  // A switch shows what the user chose at once. The stored settings and the page's answer come a moment later, and
  // an answer read before the change must not flip the switch back; the choice gives way once the answers agree.
  const [chosen, setChosen] = useState<SwitchChoice>(NO_CHOICE);
  useEffect(() => {
    if ((chosen.on ?? answered.on) === answered.on && (chosen.paused ?? answered.paused) === answered.paused) setChosen(NO_CHOICE);
  }, [answered.on, answered.paused]);
  const on = chosen.on ?? answered.on;
  const paused = chosen.paused ?? answered.paused;
  return (
    <div class="controls">
      {site ? (
        <label class="switch">
          <input
            type="checkbox"
            role="switch"
            checked={on}
            disabled={paused}
            onChange={(e) => {
              const value = (e.target as HTMLInputElement).checked;
              setChosen((c) => ({ ...c, on: value }));
              props.onSite(site, value);
            }}
          />
          <span>{t.parts('siteOn', <strong>{site}</strong>)}</span>
        </label>
      ) : (
        <span class="muted">{report === 'loading' ? t.text('checkingPage') : t.text('notAvailable')}</span>
      )}
      <label class="switch">
        <input
          type="checkbox"
          role="switch"
          checked={paused}
          onChange={(e) => {
            const value = (e.target as HTMLInputElement).checked;
            setChosen((c) => ({ ...c, paused: value }));
            props.onPause(value);
          }}
        />
        <span>{t.text('pauseEverywhere')}</span>
      </label>
    </div>
  );
}
