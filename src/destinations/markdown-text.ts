// The built-in message of the destinations whose text is Markdown (Mattermost, Rocket.Chat): a
// heading, the changelog fitted to the room the limit leaves, the link and the size.
import type { Announcement, Converter } from './types.js';

export function markdownAnnouncement(
  announcement: Announcement,
  convert: Converter,
  limit: number
): { text: string } {
  const head = `#### ${announcement.title}`;
  const tail = [announcement.link ? `[Download](${announcement.link})` : '', announcement.size]
    .filter(Boolean)
    .join(' · ');
  const changes = convert(announcement.changes, {
    maxLength: limit - head.length - tail.length - 4,
    moreUrl: announcement.link || undefined
  });
  return { text: [head, changes, tail].filter(part => part.trim()).join('\n\n') };
}
