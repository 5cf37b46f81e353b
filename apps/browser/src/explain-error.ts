/** What the page shows for a failure: a headline that says what to do, and the details. */
export interface Explained {
  headline: string;
  detail: string;
}

const HINTS: Readonly<Record<number, string>> = {
  401: 'Spark refused the credentials (401): check the token or key, and that it belongs to this tenant.',
  403: 'Spark says these credentials may not do this (403).',
  404: 'Spark found no such thing (404): check the tenant in the base URL and the folder/service name.',
  429: 'Spark is rate-limiting this client (429): wait a moment and try again.',
};

function field(error: object, key: string): unknown {
  return (error as Record<string, unknown>)[key];
}

/**
 * Turns an error from the SDK (or the page's own checks) into words a person can act on.
 * A connection failure in a browser is either a server that is down or a CORS refusal (the
 * browser does not say which), so the headline names both.
 *
 * @param error - what was thrown
 * @param baseUrl - the base URL the page called
 * @param pageOrigin - `location.origin`
 * @returns headline and detail (`Name: message` of the error, with the server's words)
 * @example
 * explainError(error, 'http://127.0.0.1:3000/my-tenant', location.origin).headline;
 */
export function explainError(error: unknown, baseUrl: string, pageOrigin: string): Explained {
  if (!(error instanceof Error)) return { headline: 'Something failed.', detail: String(error) };
  const detail = `${error.name}: ${error.message}`;
  if (error.name === 'PageInputError') return { headline: error.message, detail: '' };
  if (error.name === 'SparkConnectionError') {
    let origin = baseUrl;
    try {
      origin = new URL(baseUrl).origin;
    } catch {
      // keep what was typed
    }
    return {
      headline: `Could not reach ${baseUrl}. Is the emulator (or Spark) running at ${origin} with this page's origin (${pageOrigin}) allowed?`,
      detail,
    };
  }
  if (error.name === 'SparkTimeoutError') return { headline: `No answer from ${baseUrl} in time.`, detail };
  const status = field(error, 'status');
  if (typeof status === 'number') {
    return { headline: HINTS[status] ?? `Spark answered ${status}.`, detail };
  }
  if (error.name === 'SparkSdkError' && error.message.includes('allowBrowser')) {
    return { headline: 'The SDK will not send an API key from a web page unless you tick "Send the key from this page anyway".', detail };
  }
  if (error.name === 'SparkSdkError') return { headline: error.message, detail: '' };
  return { headline: 'Something failed.', detail };
}
