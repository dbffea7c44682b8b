// An email sent over SMTP with nodemailer (SPEC §14), as one exchange of a delivery: the request
// names the server (`smtp://` or `smtps://host:port`), carries the credentials as Basic
// `Authorization` and the message as JSON; the answer is the server's `250`, or a fault that a
// temporary refusal (4xx) or a network fault makes retryable. A file of its own in the bundle
// (mail.js), loaded only by a run that sends to `to: email`: it returns data, not errors, since
// its classes are not the main file's.
import Mailer from 'nodemailer/lib/mailer';
import SMTPTransport from 'nodemailer/lib/smtp-transport';
import type { HttpAnswer, OutgoingRequest } from './exchange.js';

export type MailOutcome =
  { answer: HttpAnswer } | { fault: { message: string; retryable: boolean } };

/** Faults of the way, not of the message: another attempt may pass. */
const PASSING = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS']);

export async function sendMail(request: OutgoingRequest, timeoutMs: number): Promise<MailOutcome> {
  const header = (name: string) =>
    request.headers.find(([n]) => n.toLowerCase() === name)?.[1] ?? '';
  const basic = /^Basic (.+)$/i.exec(header('authorization'))?.[1];
  const [user, ...rest] = basic ? Buffer.from(basic, 'base64').toString().split(':') : [];
  const message = JSON.parse(request.body ?? '{}') as Record<string, unknown>;
  const from = String(message.from ?? '');
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'localhost';
  const transport = new Mailer(
    new SMTPTransport({
      url: request.url,
      ...(user ? { auth: { user, pass: rest.join(':') } } : {}),
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
      dnsTimeout: timeoutMs
    })
  );
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () =>
        reject(
          Object.assign(new Error(`no answer within ${timeoutMs / 1000} s`), { code: 'ETIMEDOUT' })
        ),
      timeoutMs
    );
  });
  try {
    const info = await Promise.race([
      transport.sendMail({
        ...message,
        // The webhook-id names the message, so a copy of a re-sent one can be told apart.
        messageId: `<${header('webhook-id')}@${domain}>`,
        headers: { 'X-Webhook-Id': header('webhook-id') }
      }),
      timeout
    ]);
    const body = JSON.stringify({
      messageId: info.messageId,
      accepted: info.accepted,
      rejected: info.rejected,
      response: info.response
    });
    return { answer: { status: 250, statusText: 'OK', headers: {}, body, bodyBytes: body.length } };
  } catch (error) {
    const fault = error as { code?: string; responseCode?: number; message?: string };
    const code = fault.responseCode;
    return {
      fault: {
        message: `${fault.code ?? 'EMAIL'}: ${fault.message ?? String(error)}`,
        retryable:
          (code !== undefined && code >= 400 && code < 500) ||
          (code === undefined && PASSING.has(fault.code ?? ''))
      }
    };
  } finally {
    clearTimeout(timer);
    transport.close();
  }
}
