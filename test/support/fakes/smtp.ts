// A mail server on 127.0.0.1 with smtp-server: it requires AUTH (PLAIN or LOGIN) with one user and
// password and refuses others with 535, refuses a recipient outside its domain with 550, and
// keeps each message it accepts as the raw text received.
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';

export const SMTP_USER = { user: 'releases@example.com', password: 'smtp-password' };

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

export interface FakeSmtp {
  url: string;
  messages: ReceivedMail[];
  close(): Promise<void>;
}

export async function startSmtp(): Promise<FakeSmtp> {
  const messages: ReceivedMail[] = [];
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    authMethods: ['PLAIN', 'LOGIN'],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === SMTP_USER.user && auth.password === SMTP_USER.password)
        return callback(null, { user: auth.username });
      callback(
        Object.assign(new Error('Authentication credentials invalid'), { responseCode: 535 })
      );
    },
    onRcptTo(address, _session, callback) {
      if (!address.address.endsWith('@example.com'))
        return callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const envelope = session.envelope;
        messages.push({
          from: envelope.mailFrom ? envelope.mailFrom.address : '',
          to: envelope.rcptTo.map(rcpt => rcpt.address),
          raw: Buffer.concat(chunks).toString('utf8')
        });
        callback(null, `Queued as M${messages.length}`);
      });
    }
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    close: () => new Promise(resolve => server.close(() => resolve()))
  };
}
