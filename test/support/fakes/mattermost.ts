// A Mattermost incoming webhook on 127.0.0.1: `ok`, or Mattermost's app error for what it refuses.
import { startReceiver } from '../receiver.js';
import { json, text, type Fake } from './fake.js';

export interface MattermostMessage {
  text: string;
}

export async function startMattermost(): Promise<Fake<MattermostMessage>> {
  const messages: MattermostMessage[] = [];
  const refuse = (response: Parameters<typeof json>[0], id: string, message: string) =>
    json(response, 400, { id, message, detailed_error: '', request_id: 'r1', status_code: 400 });
  const receiver = await startReceiver((request, response) => {
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(request.text);
    } catch {
      return refuse(
        response,
        'api.webhook.incoming.parse.app_error',
        'Unable to parse incoming data.'
      );
    }
    const content = String(body.text ?? '');
    if (!content.trim() && !Array.isArray(body.attachments))
      return refuse(response, 'web.incoming_webhook.text.app_error', 'No text specified.');
    if ([...content].length > 16_383)
      return refuse(response, 'web.incoming_webhook.text.length.app_error', 'Text is too long.');
    messages.push({ text: content });
    text(response, 200, 'ok');
  });
  return { ...receiver, url: `${receiver.url}/hooks/abc123`, messages };
}
