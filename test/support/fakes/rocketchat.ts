// A Rocket.Chat incoming webhook on 127.0.0.1 (`/hooks/{id}/{token}`): `{"success": true}` with
// no message id, or Rocket.Chat's refusals in its words: a wrong token, a channel override the
// integration does not allow, text over Message_MaxAllowedSize (5,000 UTF-16 units).
import { startReceiver } from '../receiver.js';
import { json, type Fake } from './fake.js';

export interface RocketChatMessage {
  text: string;
  /** Whether `@all` or `@here` in the text would notify the room. */
  notified: boolean;
}

export async function startRocketChat(): Promise<Fake<RocketChatMessage>> {
  const messages: RocketChatMessage[] = [];
  const refuse = (response: Parameters<typeof json>[0], error: string) =>
    json(response, 400, { success: false, error });
  const receiver = await startReceiver((request, response) => {
    if (request.url !== '/hooks/65f1c0ffee/t0k3n')
      return json(response, 401, { status: 'error', message: 'You must be logged in to do this.' });
    let body: Record<string, unknown>;
    try {
      const raw = String(request.headers['content-type']).startsWith(
        'application/x-www-form-urlencoded'
      )
        ? (new URLSearchParams(request.text).get('payload') ?? '')
        : request.text;
      body = JSON.parse(raw);
    } catch (error) {
      return refuse(response, (error as Error).message);
    }
    if (body.channel !== undefined || body.roomId !== undefined)
      return refuse(response, 'overriding destination channel is disabled for this integration');
    const content = String(body.text ?? body.msg ?? '').trim();
    if (content.length > 5000) return refuse(response, 'error-message-size-exceeded');
    if (content) messages.push({ text: content, notified: /(?<![\w])@(all|here)\b/.test(content) });
    json(response, 200, { success: true });
  });
  return { ...receiver, url: `${receiver.url}/hooks/65f1c0ffee/t0k3n`, messages };
}
