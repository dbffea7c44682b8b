// The events of PatchKit Panel's Webhooks page: the one list the config, the inputs and the docs use.
export const KNOWN_EVENTS = [
  'version_published',
  'version_processed',
  'version_process_failed'
] as const;

export type EventName = (typeof KNOWN_EVENTS)[number];

export const DEFAULT_EVENT: EventName = 'version_published';

export function isKnownEvent(name: string): name is EventName {
  return (KNOWN_EVENTS as readonly string[]).includes(name);
}
