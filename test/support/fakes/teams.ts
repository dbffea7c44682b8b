// A Microsoft Teams Workflows webhook on 127.0.0.1: 202 for an Adaptive Card message it can
// post, 400 with a JSON error for a body it cannot (an Office 365 connector card, too large).
import { startReceiver } from '../receiver.js';
import { json, type Fake } from './fake.js';

export interface TeamsMessage {
  card: Record<string, unknown>;
  /**
   * Lines of TextBlock text using Markdown that Adaptive Cards do not render (headings, code
   * fences, quotes, tables; Teams shows them as written), and code marks read as emphasis.
   */
  unsupported: string[];
}

const UNSUPPORTED = /^(?:#{1,6} |```|> |\|.*\|$)/;

function unsupportedMarkdown(card: Record<string, unknown>): string[] {
  const blocks = Array.isArray(card.body) ? (card.body as Array<Record<string, unknown>>) : [];
  return blocks
    .flatMap(block => String(block.text ?? '').split('\n'))
    .filter(line => UNSUPPORTED.test(line.trim()) || /(?<!\\)`/.test(line));
}

export async function startTeams(): Promise<Fake<TeamsMessage>> {
  const messages: TeamsMessage[] = [];
  const receiver = await startReceiver((request, response) => {
    if (request.body.length > 28 * 1024)
      return json(response, 413, {
        error: { code: 'MessageSizeTooBig', message: 'The request body is larger than 28 KB.' }
      });
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(request.text);
    } catch {
      return json(response, 400, {
        error: { code: 'InvalidRequestContent', message: 'The request content is not valid JSON.' }
      });
    }
    const attachment = Array.isArray(body.attachments)
      ? (body.attachments[0] as Record<string, unknown>)
      : undefined;
    const card = attachment?.content as Record<string, unknown> | undefined;
    if (
      body.type !== 'message' ||
      attachment?.contentType !== 'application/vnd.microsoft.card.adaptive' ||
      card?.type !== 'AdaptiveCard' ||
      !(Number(card.version) <= 1.4)
    )
      return json(response, 400, {
        error: {
          code: 'WorkflowTriggerInputSchemaMismatch',
          message:
            "The input body for trigger 'manual' of type 'Request' did not match its schema definition: an Adaptive Card message (version 1.4 or lower) is expected."
        }
      });
    messages.push({ card, unsupported: unsupportedMarkdown(card) });
    response.writeHead(202).end();
  });
  return {
    ...receiver,
    url: `${receiver.url}/workflows/abc/triggers/manual/paths/invoke?sig=x`,
    messages
  };
}
