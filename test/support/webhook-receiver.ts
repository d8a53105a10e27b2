import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhookSignature } from '../../services/notifier/src/index.js';

/** One request as the receiver saw it. */
export interface ReceivedRequest {
  /** X-TrialWatch-Delivery (empty for Slack messages, which carry none). */
  deliveryId: string;
  eventType: string;
  timestamp: string;
  signature: string | undefined;
  body: string;
  /** The signature checked against the receiver's secret and clock (null: the receiver has no secret). */
  signatureValid: boolean | null;
  /** What the receiver answered. */
  status: number;
  receivedAt: number;
}

export interface WebhookReceiver {
  /** e.g. http://127.0.0.1:40123/hook */
  url: string;
  /** Every request, in arrival order, with what it was answered. */
  requests: ReceivedRequest[];
  /** The 2xx-answered requests. */
  accepted(): ReceivedRequest[];
  /** Decide the status of the next requests (default 200; 401 for a bad signature comes first). */
  respondWith(status: number | ((request: ReceivedRequest) => number)): void;
  /** Stop listening (connections are refused) and start again on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Resolve once `predicate` holds on the requests, or reject after `timeoutMs`. */
  waitFor(predicate: (requests: readonly ReceivedRequest[]) => boolean, timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

export interface ReceiverOptions {
  /** Verify X-TrialWatch-Signature with this secret; an invalid one is answered 401. */
  secret?: string;
  /** The receiver's clock (for replay checks); real time by default. */
  now?: () => Date;
  toleranceSeconds?: number;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    request.on('error', reject);
  });
}

const header = (request: IncomingMessage, name: string): string => {
  const value = request.headers[name];
  return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
};

/** A webhook receiver on node:http, as a subscriber would run one: it verifies every signature. */
export async function startWebhookReceiver(options: ReceiverOptions = {}): Promise<WebhookReceiver> {
  const requests: ReceivedRequest[] = [];
  let respond: number | ((request: ReceivedRequest) => number) = 200;
  let port = 0;
  let server: Server | null = null;

  const listen = async () => {
    const next = createServer((request, response) => {
      void readBody(request).then((body) => {
        const received: ReceivedRequest = {
          deliveryId: header(request, 'x-trialwatch-delivery'),
          eventType: header(request, 'x-trialwatch-event'),
          timestamp: header(request, 'x-trialwatch-timestamp'),
          signature: request.headers['x-trialwatch-signature'] as string | undefined,
          body,
          signatureValid:
            options.secret === undefined
              ? null
              : verifyWebhookSignature({
                  secret: options.secret,
                  timestamp: header(request, 'x-trialwatch-timestamp'),
                  body,
                  signature: request.headers['x-trialwatch-signature'] as string | undefined,
                  now: options.now?.() ?? new Date(),
                  ...(options.toleranceSeconds === undefined
                    ? {}
                    : { toleranceSeconds: options.toleranceSeconds }),
                }),
          status: 0,
          receivedAt: Date.now(),
        };
        received.status =
          received.signatureValid === false ? 401 : typeof respond === 'number' ? respond : respond(received);
        requests.push(received);
        response.statusCode = received.status;
        response.end(received.status < 300 ? 'ok' : 'no');
      });
    });
    await new Promise<void>((resolve) => next.listen(port, '127.0.0.1', resolve));
    port = (next.address() as AddressInfo).port;
    server = next;
  };
  const stop = async () => {
    const current = server;
    server = null;
    if (!current) return;
    current.closeAllConnections();
    await new Promise<void>((resolve) => {
      current.close(() => {
        resolve();
      });
    });
  };
  await listen();

  return {
    url: `http://127.0.0.1:${String(port)}/hook`,
    requests,
    accepted: () => requests.filter((request) => request.status >= 200 && request.status < 300),
    respondWith(status) {
      respond = status;
    },
    stop,
    start: listen,
    async waitFor(predicate, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(requests)) {
        if (Date.now() > deadline)
          throw new Error(
            `receiver: condition not met within ${String(timeoutMs)} ms (${String(requests.length)} requests)`,
          );
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    close: stop,
  };
}

/** How many times each delivery id was accepted (a receiver-side dedupe would keep one of each). */
export function acceptedCounts(receiver: WebhookReceiver): Map<string, number> {
  const counts = new Map<string, number>();
  for (const request of receiver.accepted())
    counts.set(request.deliveryId, (counts.get(request.deliveryId) ?? 0) + 1);
  return counts;
}
