// Microsoft Teams Workflows webhooks ("Post to a channel when a webhook request is received"):
// a message whose attachment is an Adaptive Card.
import { joinParts } from './preview.js';
import { isRecord, textOf, type Destination, type Refusal } from './types.js';

export const TEAMS_LIMITS = {
  /** Bytes of the whole body. */
  body: 28 * 1024,
  /** Workflows webhooks do not reliably render later card versions. */
  cardVersion: '1.4'
};
const L = TEAMS_LIMITS;
const CARD = 'application/vnd.microsoft.card.adaptive';
/** The keys of an Office 365 connector card (MessageCard), which Workflows webhooks do not take. */
const MESSAGE_CARD_KEYS = [
  '@type',
  '@context',
  'sections',
  'themeColor',
  'potentialAction',
  'summary'
];
/** Room the card's other parts take, beside the changelog's text, in bytes. */
const CARD_ROOM = 2048;

export const teams: Destination = {
  name: 'teams',
  title: 'Microsoft Teams',
  dialect: 'teams',
  limits: [
    {
      what: 'whole body',
      limit: `${L.body} bytes`,
      handling: 'the changelog fitted to what the card leaves'
    },
    { what: 'card `version`', limit: `≤ ${L.cardVersion}`, handling: `${L.cardVersion}` },
    {
      what: 'body shape',
      limit:
        '`{"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","content":{"type":"AdaptiveCard",…}}]}`',
      handling: 'built so'
    },
    {
      what: 'Markdown',
      limit: 'bold, italic, lists, links',
      handling: 'headings bold; code and tables as text'
    }
  ],
  message(announcement, convert) {
    const body: unknown[] = [
      { type: 'TextBlock', text: announcement.title, weight: 'Bolder', size: 'Medium', wrap: true }
    ];
    const room = L.body - CARD_ROOM - byteLength(JSON.stringify(announcement.title));
    const changes = convert(announcement.changes, {
      maxLength: room,
      moreUrl: announcement.link || undefined,
      measure: text => byteLength(JSON.stringify(text))
    });
    if (changes.trim()) body.push({ type: 'TextBlock', text: changes, wrap: true });
    if (announcement.size)
      body.push({
        type: 'TextBlock',
        text: `Size: ${announcement.size}`,
        isSubtle: true,
        wrap: true
      });
    const content: Record<string, unknown> = {
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      type: 'AdaptiveCard',
      version: L.cardVersion,
      body
    };
    if (announcement.link)
      content.actions = [{ type: 'Action.OpenUrl', title: 'Download', url: announcement.link }];
    return { type: 'message', attachments: [{ contentType: CARD, contentUrl: null, content }] };
  },
  check(body, bodyText) {
    const refusals: Refusal[] = [];
    const bytes = byteLength(bodyText);
    if (bytes > L.body)
      refusals.push({
        field: 'payload',
        message: `the body is ${bytes} bytes; Teams takes at most ${L.body}. Fit the changelog with a markup filter, e.g. {{ version.changes | to_teams: 20000 }}.`
      });
    const connectorKeys = isRecord(body) ? MESSAGE_CARD_KEYS.filter(key => key in body) : [];
    if (connectorKeys.length > 0)
      refusals.push({
        field: 'payload',
        message: `${connectorKeys.map(key => `\`${key}\``).join(', ')} belong to an Office 365 connector card (MessageCard); a Teams Workflows webhook takes an Adaptive Card. Delete the MessageCard payload: the built-in message is an Adaptive Card (docs/destinations.md, "Moving from an Office 365 connector")`
      });
    const attachment =
      isRecord(body) && Array.isArray(body.attachments) ? body.attachments[0] : undefined;
    const content = isRecord(attachment) ? attachment.content : undefined;
    if (
      !isRecord(body) ||
      body.type !== 'message' ||
      !isRecord(attachment) ||
      attachment.contentType !== CARD ||
      !isRecord(content) ||
      content.type !== 'AdaptiveCard'
    )
      refusals.push({
        field: 'payload',
        message: `a Teams Workflows webhook takes {"type":"message","attachments":[{"contentType":"${CARD}","content":{"type":"AdaptiveCard",…}}]} (Office 365 connector cards are retired; see the README's Teams recipe)`
      });
    else if (!(Number(content.version) <= Number(L.cardVersion)))
      refusals.push({
        field: 'attachments[0].content.version',
        message: `card version ${String(content.version)}; Workflows webhooks render up to ${L.cardVersion}`
      });
    return refusals;
  },
  preview(body) {
    const attachment =
      isRecord(body) && Array.isArray(body.attachments) ? body.attachments[0] : undefined;
    const content = isRecord(attachment) && isRecord(attachment.content) ? attachment.content : {};
    const blocks = (Array.isArray(content.body) ? content.body : []).filter(isRecord);
    const actions = (Array.isArray(content.actions) ? content.actions : []).filter(isRecord);
    return joinParts([
      ...blocks.map(block =>
        block.weight === 'Bolder' ? `**${textOf(block.text)}**` : textOf(block.text)
      ),
      actions.map(action => `[${textOf(action.title)}](${textOf(action.url)})`).join(' · ')
    ]);
  },
  answers: {}
};

function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
