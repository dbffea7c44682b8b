import type { SourcePlace } from '../problems.js';
import type { TemplateOrigin } from './types.js';

/** The file position of line/col (1-based) inside a template. */
export function placeInTemplate(
  place: SourcePlace,
  origin: TemplateOrigin,
  line: number,
  col: number
): SourcePlace {
  if (origin.kind === 'block')
    return { file: place.file, line: origin.firstLine + line - 1, col: origin.indent + col };
  if (origin.kind === 'inline' && line === 1)
    return { file: place.file, line: origin.line, col: origin.col + col - 1 };
  return place;
}
