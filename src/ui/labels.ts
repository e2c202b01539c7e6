/**
 * Words the reader sees in more than one place (the card, the popup, the options page), given one home so that
 * the places cannot drift apart.
 */
/** Opens the notice shown when stored settings could not be read; the list of what was reset follows a colon. */
export const SETTINGS_WERE_RESET = 'Some stored settings could not be read and were reset to their defaults';
