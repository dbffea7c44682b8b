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
