// A Google Chat incoming webhook on 127.0.0.1: the created message (its `name`), or Google's
// error shape for what Chat refuses.
import { startReceiver } from '../receiver.js';
import { json, type Fake } from './fake.js';

export interface GoogleChatMessage {
  name: string;
  text: string;
}

export async function startGoogleChat(): Promise<Fake<GoogleChatMessage>> {
  const messages: GoogleChatMessage[] = [];
  const refuse = (response: Parameters<typeof json>[0], message: string) =>
    json(response, 400, { error: { code: 400, message, status: 'INVALID_ARGUMENT' } });
  const receiver = await startReceiver((request, response) => {
    if (request.body.length > 32_000)
      return refuse(response, 'Message too long. The maximum size of a message is 32,000 bytes.');
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(request.text);
    } catch {
      return refuse(response, 'Invalid JSON payload received.');
    }
    const text = String(body.text ?? '');
    if (!text.trim() && !Array.isArray(body.cardsV2))
      return refuse(response, 'Message cannot be empty. Discarding empty message.');
    const message = {
      name: `spaces/AAAA/messages/${messages.length + 1}.${messages.length + 1}`,
      text
    };
    messages.push(message);
    json(response, 200, { ...message, sender: { type: 'BOT' } });
  });
  return { ...receiver, url: `${receiver.url}/v1/spaces/AAAA/messages?key=k&token=t`, messages };
}
