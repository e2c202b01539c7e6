/**
 * The keyboard route to the page's mentions: the shortcuts in force, read from the browser each time the popup
 * opens (the reader may have changed or removed them), and where to change them.
 */
import { useEffect, useState } from 'preact/hooks';
import { useMessages } from '../ui/i18n';

/** One command as the browser reports it (`commands.getAll()`); an empty or missing shortcut means none is set. */
export interface CommandShortcut {
  name?: string;
  shortcut?: string;
}

/** Where the browser lets the reader change an extension's shortcuts, and a way to open it. */
export interface ShortcutSettings {
  /** Shown as it is, e.g. "chrome://extensions/shortcuts". */
  place: string;
  open: () => void;
}

/** Our commands (the manifest's `commands`), in the order the line names them. */
const COMMANDS = [
  ['next-mention', 'shortcutNext', 'shortcutNextUnset'],
  ['previous-mention', 'shortcutPrevious', 'shortcutPreviousUnset'],
] as const;

/** The browser's names for keys, as they are printed on a keyboard. */
const KEY_LABELS: Record<string, string> = { Period: '.', Comma: ',', MacCtrl: 'Ctrl', Command: '⌘' };

function Keys({ shortcut }: { shortcut: string }) {
  const keys = shortcut.split('+').map((key) => KEY_LABELS[key] ?? key);
  return (
    <span class="keys">
      {keys.map((key, i) => (
        <>
          {i > 0 ? '+' : null}
          <kbd>{key}</kbd>
        </>
      ))}
    </span>
  );
}

/**
 * `getShortcuts` answers null where the browser has no keyboard commands (then the line is not shown at all).
 */
export function ShortcutLine({ getShortcuts, settings }: { getShortcuts: () => Promise<CommandShortcut[] | null>; settings: ShortcutSettings }) {
  const t = useMessages();
  const [commands, setCommands] = useState<CommandShortcut[] | null>(null);
  useEffect(() => {
    getShortcuts().then(setCommands, () => setCommands(null));
  }, []);
  if (!commands) return null;
  const ours = COMMANDS.map(([name, label, unsetLabel]) => ({ label, unsetLabel, shortcut: commands.find((c) => c.name === name)?.shortcut?.trim() ?? '' }));
  const set = ours.filter((c) => c.shortcut);
  const unset = ours.filter((c) => !c.shortcut);
  const place = (
    <button type="button" class="link" onClick={settings.open}>
      {settings.place}
    </button>
  );
  return (
    <p class="shortcuts meta" data-testid="shortcuts">
      {set.length ? (
        <>
          {t.text('keyboard')}{' '}
          {set.map((c, i) => (
            <>
              {i > 0 ? ', ' : null}
              {t.parts(c.label, <Keys shortcut={c.shortcut} />)}
            </>
          ))}
          .{' '}
        </>
      ) : null}
      {unset.length === 0 ? (
        t.parts('shortcutsChangeAt', place)
      ) : unset.length === ours.length ? (
        t.parts('shortcutsNoneSet', place)
      ) : (
        // With two commands, one is set and the other is not.
        unset.map((c) => t.parts(c.unsetLabel, place))
      )}
    </p>
  );
}
