import type { ServerResponse } from 'node:http';
import type { Receiver } from '../receiver.js';

/** A fake destination: the receiver, the URL a webhook posts to, and what it accepted. */
export interface Fake<Message> extends Receiver {
  messages: Message[];
}

export function json(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
}

export function text(response: ServerResponse, status: number, body: string) {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(body);
}

/** A JSON body as a fake reads it: fields are looked into freely, as the service's parser does. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = Record<string, any>;
