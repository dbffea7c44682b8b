// Bounds on what a run prints (SPEC §6): a dry run of a 50 MB changelog must not write a 75 MB
// job summary. Cut text says so, and how much it left out.

const KIB = 1024;
/** One request body in the job summary or the `results` output. */
export const SHOWN_BODY_LIMIT = 64 * KIB;
/** GitHub's limit for one step's job summary, and ours for the `results` output. */
export const SUMMARY_LIMIT = 1024 * KIB;
export const RESULTS_LIMIT = 1024 * KIB;
/** One request body in the log. */
export const LOG_BODY_LIMIT = 1024 * KIB;

/** `text` within `limit` characters, ending with a note of what was cut; never splits a pair. */
export function cutText(text: string, limit: number): string {
  if (text.length <= limit) return text;
  let end = Math.max(0, limit);
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${text.slice(0, end)}\n… (${text.length - end} more characters cut here; the request sends them all)`;
}
