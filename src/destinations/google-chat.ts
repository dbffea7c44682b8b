// Google Chat incoming webhooks: https://developers.google.com/workspace/chat/format-messages
import { fromSlackMarkup } from './preview.js';
import { isRecord, jsonBody, textOf, type Destination, type Refusal } from './types.js';

export const GOOGLE_CHAT_LIMITS = { body: 32_000 };
const L = GOOGLE_CHAT_LIMITS;
/** Room the message's other parts take beside the changelog, in bytes. */
const ROOM = 1024;

export const googleChat: Destination = {
  name: 'google-chat',
  title: 'Google Chat',
  dialect: 'google-chat',
  limits: [
    {
      what: 'whole body',
      limit: `${L.body} bytes`,
      handling: 'the changelog fitted to what the message leaves'
    },
    { what: '`text` or `cardsV2`', limit: 'required', handling: '`text`' }
  ],
  message(announcement, convert) {
    const head = `*${announcement.title}*`;
    const tail = [announcement.link ? `<${announcement.link}|Download>` : '', announcement.size]
      .filter(Boolean)
      .join(' · ');
    const changes = convert(announcement.changes, {
      maxLength: L.body - ROOM - Buffer.byteLength(head + tail),
      moreUrl: announcement.link || undefined,
      measure: text => Buffer.byteLength(JSON.stringify(text))
    });
    return { text: [head, changes, tail].filter(part => part.trim()).join('\n\n') };
  },
  check(body, bodyText) {
    const refusals: Refusal[] = [];
    const bytes = Buffer.byteLength(bodyText, 'utf8');
    if (bytes > L.body)
      refusals.push({
        field: 'payload',
        message: `the body is ${bytes} bytes; Google Chat takes at most ${L.body}. Fit the changelog with a markup filter, e.g. {{ version.changes | to_google_chat: 20000 }}.`
      });
    if (!isRecord(body) || (!textOf(body.text).trim() && !Array.isArray(body.cardsV2)))
      refusals.push({ field: 'text', message: 'Google Chat needs `text` or `cardsV2`' });
    return refusals;
  },
  preview: body => (isRecord(body) ? fromSlackMarkup(textOf(body.text)) : ''),
  answers: {
    messageId: answer => {
      const body = jsonBody(answer.body);
      return isRecord(body) && typeof body.name === 'string' ? body.name : null;
    }
  }
};
