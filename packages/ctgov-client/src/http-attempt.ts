import axios, { type AxiosInstance } from 'axios';
import { NetworkError, TimeoutError } from './ctgov-errors.js';
import { abortReason } from './interval-pacer.js';

export interface HttpResponse {
  url: string;
  status: number;
  /** The body as received; see decode-json.ts for why it is not decoded up front. */
  bytes: Buffer;
  header(name: string): string | null;
}

export interface HttpAttemptOptions {
  timeoutMs: number;
  userAgent: string;
}

/** One GET, no retries, no redirects followed. Bodies stay text: error bodies are text/plain. */
export type HttpAttempt = (url: string, signal?: AbortSignal) => Promise<HttpResponse>;

export function createHttpAttempt({ timeoutMs, userAgent }: HttpAttemptOptions): HttpAttempt {
  const http: AxiosInstance = axios.create({
    timeout: timeoutMs,
    responseType: 'arraybuffer',
    // Identity transform: axios must not JSON-parse anything; the client parses what it expects.
    transformResponse: [(data: unknown) => data],
    validateStatus: () => true,
    maxRedirects: 0,
    headers: { 'User-Agent': userAgent, Accept: 'application/json, text/plain' },
  });
  return async (url, signal) => {
    try {
      const response = await http.get<unknown>(url, { signal });
      // responseType 'arraybuffer' yields a Buffer in Node; anything else would be an empty body.
      const bytes = Buffer.isBuffer(response.data) ? response.data : Buffer.alloc(0);
      return {
        url,
        status: response.status,
        bytes,
        header(name) {
          const value: unknown = response.headers[name.toLowerCase()];
          return typeof value === 'string' ? value : null;
        },
      };
    } catch (error) {
      if (signal?.aborted || axios.isCancel(error)) throw abortReason(signal);
      if (axios.isAxiosError(error) && (error.code === 'ECONNABORTED' || error.code === 'ETIMEDOUT')) {
        throw new TimeoutError(url, timeoutMs);
      }
      const code = axios.isAxiosError(error) ? (error.code ?? null) : null;
      throw new NetworkError(url, code, { cause: error });
    }
  };
}
