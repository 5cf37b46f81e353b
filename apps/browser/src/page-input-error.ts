/**
 * A problem with what was typed on the page, found before anything is sent.
 *
 * @example
 * throw new PageInputError('Enter the Spark base URL.');
 */
export class PageInputError extends Error {
  override readonly name = 'PageInputError';
}
