/**
 * The messages of the view being rendered, as a Preact context: the popup and the options page provide them once
 * at the top (src/i18n/messages.ts makes them), and their views read them with `useMessages`.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { ENGLISH, type Messages } from '../i18n/messages';

const MessagesContext = createContext<Messages>(ENGLISH);
export const MessagesProvider = MessagesContext.Provider;
/** The messages of the view being rendered. */
export const useMessages = (): Messages => useContext(MessagesContext);
