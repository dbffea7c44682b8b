// The dialects' names, apart from their writers: the main file reads them to know whether a
// template uses a markup filter (`to_<name>`), without loading the writers.
export const DIALECT_NAMES = [
  'discord',
  'slack',
  'teams',
  'telegram',
  'google-chat',
  'mattermost',
  'rocketchat',
  'zulip',
  'discourse',
  'github',
  'html',
  'text'
] as const;
export type Dialect = (typeof DIALECT_NAMES)[number];

/** The Liquid filter of a dialect: `to_google_chat`. */
export const filterName = (dialect: Dialect) => `to_${dialect.replace('-', '_')}`;
