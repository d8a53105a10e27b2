import axios, { type AxiosInstance } from 'axios';
import { NetworkError, TimeoutError } from './ctgov-errors.js';
import { abortReason } from './interval-pacer.js';

export interface HttpResponse {
  url: string;
  status: number;
  text: string;
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
    responseType: 'text',
    // Identity transform: axios must not JSON-parse anything; the client parses what it expects.
    transformResponse: [(data: unknown) => data],
    validateStatus: () => true,
    maxRedirects: 0,
    headers: { 'User-Agent': userAgent, Accept: 'application/json, text/plain' },
  });
  return async (url, signal) => {
    try {
      const response = await http.get<unknown>(url, { signal });
      // responseType 'text' with the identity transform always yields a string; an empty body may come as ''.
      const text = typeof response.data === 'string' ? response.data : '';
      return {
        url,
        status: response.status,
        text,
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
