// Email (`url`: the SMTP server, `smtp://host:587` or `smtps://host:465`): `from`, `to` and
// `subject` from the payload, an HTML part and a plain-text part from the changelog, sent with
// nodemailer and the server's `user` and `password` when given (SPEC §14). An email cannot be
// edited.
import { escapeHtml, htmlLines, htmlLink } from '../markup/dialects.js';
import { fromHtml } from './preview.js';
import { basicAuth, isRecord, jsonAt, textOf, type Destination, type Refusal } from './types.js';

export const EMAIL_LIMITS = { subject: 998, text: 100_000 };
const L = EMAIL_LIMITS;

/** One address (`a@b.c` or `Name <a@b.c>`) or a list of them. */
const ADDRESS = /^(?:[^<>\r\n]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/;
const addresses = (value: unknown) =>
  (Array.isArray(value) ? value : String(value ?? '').split(','))
    .map(item => String(item).trim())
    .filter(Boolean);

export const email: Destination = {
  name: 'email',
  title: 'Email',
  dialect: 'html',
  authOptional: ['user', 'password'],
  limits: [
    { what: '`subject`', limit: 'one line', handling: 'the title' },
    {
      what: '`html` and `text`',
      limit: `${L.text} characters each (the action's bound)`,
      handling: 'the changelog as HTML and as plain text'
    }
  ],
  message(announcement, convert) {
    const { title, link, size } = announcement;
    const more = { maxLength: L.text, moreUrl: link || undefined };
    const tail = [link, size].filter(Boolean).join(' · ');
    return {
      subject: title,
      text: [title, convert(announcement.changes, more, 'text'), tail].filter(Boolean).join('\n\n'),
      html: [
        `<h2>${link ? htmlLink(link, escapeHtml(title)) : escapeHtml(title)}</h2>`,
        htmlLines(convert(announcement.changes, more)),
        size ? `<p>${escapeHtml(size)}</p>` : ''
      ]
        .filter(Boolean)
        .join('\n')
    };
  },
  check(body) {
    if (!isRecord(body)) return [{ field: 'payload', message: 'an email is a JSON object' }];
    const refusals: Refusal[] = [];
    for (const field of ['from', 'to'] as const) {
      const found = addresses(body[field]);
      if (found.length === 0)
        refusals.push({ field, message: `an email needs \`${field}\`: an address` });
      for (const address of found)
        if (!ADDRESS.test(address))
          refusals.push({ field, message: `"${address.slice(0, 80)}" is not an email address` });
    }
    for (const field of ['cc', 'bcc', 'replyTo'])
      for (const address of body[field] === undefined ? [] : addresses(body[field]))
        if (!ADDRESS.test(address))
          refusals.push({ field, message: `"${address.slice(0, 80)}" is not an email address` });
    const subject = textOf(body.subject);
    if (!subject.trim()) refusals.push({ field: 'subject', message: 'an email needs `subject`' });
    // A line break in a header would start a header of its own.
    if (/[\r\n]/.test(subject))
      refusals.push({ field: 'subject', message: 'the subject must be one line' });
    if (!textOf(body.text).trim() && !textOf(body.html).trim())
      refusals.push({ field: 'text', message: 'an email needs `text` or `html`' });
    return refusals;
  },
  endpoint: (url, auth) => ({
    method: 'SMTP',
    url,
    headers: auth.user ? [['Authorization', basicAuth(auth.user, auth.password ?? '')]] : []
  }),
  preview: body =>
    isRecord(body)
      ? [
          `**${textOf(body.subject)}**`,
          body.html ? fromHtml(textOf(body.html)) : textOf(body.text)
        ].join('\n\n')
      : '',
  answers: {
    messageId: answer => textOf(jsonAt(answer.body, 'messageId')) || null,
    // The server took the message for some recipients and refused others: it is not sent again
    // (the others would get it twice), and the refused are named.
    failure: answer => {
      const rejected = jsonAt(answer.body, 'rejected');
      return Array.isArray(rejected) && rejected.length > 0
        ? `the server refused ${rejected.join(', ')} (the others were sent the email)`
        : undefined;
    }
  }
};
