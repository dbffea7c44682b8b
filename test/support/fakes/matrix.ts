// A Matrix homeserver on 127.0.0.1: `PUT /_matrix/client/v3/rooms/{roomId}/send/m.room.message/
// {txnId}` with a bearer token, refusing what Synapse refuses in its words (`{errcode, error}`):
// no or a wrong token, a room the bot has not joined (or an alias in the path), an event without
// `msgtype` and `body`, `format` without `formatted_body`, an event over 65,536 bytes. A repeated
// transaction id answers with the event it created the first time.
import { startReceiver } from '../receiver.js';
import { json, type Fake, type Json } from './fake.js';

export interface MatrixEvent {
  eventId: string;
  roomId: string;
  content: Json;
  /**
   * Whether the event pings the room: `m.mentions.room`, or — with no `m.mentions` — `@room` in
   * its body, as the legacy push rule reads it.
   */
  notified: boolean;
}

export const MATRIX_TOKEN = 'syt_bWF0cml4_token';
export const MATRIX_ROOM = '!releases:matrix.example.org';

export async function startMatrix(): Promise<Fake<MatrixEvent>> {
  const messages: MatrixEvent[] = [];
  const transactions = new Map<string, MatrixEvent>();
  let next = 1;
  const receiver = await startReceiver((request, response) => {
    const error = (status: number, errcode: string, message: string) =>
      json(response, status, { errcode, error: message });
    if (!request.headers.authorization)
      return error(401, 'M_MISSING_TOKEN', 'Missing access token');
    if (request.headers.authorization !== `Bearer ${MATRIX_TOKEN}`)
      return error(401, 'M_UNKNOWN_TOKEN', 'Invalid access token passed.');
    const path = /^\/_matrix\/client\/v3\/rooms\/([^/]+)\/send\/m\.room\.message\/([^/]+)$/.exec(
      request.url
    );
    if (request.method !== 'PUT' || !path)
      return error(404, 'M_UNRECOGNIZED', 'Unrecognized request');
    const roomId = decodeURIComponent(path[1]);
    if (roomId !== MATRIX_ROOM) return error(403, 'M_FORBIDDEN', 'Unknown room');
    if (Buffer.byteLength(request.text) > 65_536 - 1_000)
      return error(413, 'M_TOO_LARGE', 'event too large');
    let content: Json;
    try {
      content = JSON.parse(request.text);
    } catch {
      return error(400, 'M_NOT_JSON', 'Content not JSON.');
    }
    if (typeof content.msgtype !== 'string' || typeof content.body !== 'string')
      return error(400, 'M_BAD_JSON', "'msgtype' and 'body' are required");
    if ((content.format === undefined) !== (content.formatted_body === undefined))
      return error(400, 'M_BAD_JSON', "'format' and 'formatted_body' go together");
    const earlier = transactions.get(request.url);
    if (earlier) return json(response, 200, { event_id: earlier.eventId });
    const relates = content['m.relates_to'];
    if (relates?.rel_type === 'm.replace' && !messages.some(m => m.eventId === relates.event_id))
      return error(400, 'M_BAD_JSON', 'the event to replace is unknown');
    const mentions = content['m.mentions'];
    const notified = mentions ? mentions.room === true : /(^|\W)@room\b/.test(content.body);
    const event = { eventId: `$ev${next++}:matrix.example.org`, roomId, content, notified };
    messages.push(event);
    transactions.set(request.url, event);
    json(response, 200, { event_id: event.eventId });
  });
  return { ...receiver, messages };
}
