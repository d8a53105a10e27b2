import type { ServerResponse } from 'node:http';

export function sendText(
  response: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  const body = Buffer.from(text, 'utf8');
  response.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': body.length,
    ...headers,
  });
  response.end(body);
}

export function sendJson(response: ServerResponse, value: unknown): void {
  const body = Buffer.from(JSON.stringify(value), 'utf8');
  response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': body.length });
  response.end(body);
}

/**
 * A 200 JSON body from chunks: streamed as they come (chunked encoding), or, when `cut` is given, gathered,
 * cut where it says and sent with a Content-Length matching the bytes actually sent. A chunk may live in a
 * reused buffer: each is written out (or copied) before the next is asked for.
 */
export async function sendJsonChunks(
  response: ServerResponse,
  chunks: AsyncIterable<Buffer> | Iterable<Buffer>,
  cut: ((length: number) => number) | null,
): Promise<void> {
  if (cut !== null) {
    const parts: Buffer[] = [];
    for await (const chunk of chunks) parts.push(Buffer.from(chunk));
    const whole = Buffer.concat(parts);
    const body = whole.subarray(0, cut(whole.length));
    response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': body.length });
    response.end(body);
    return;
  }
  response.writeHead(200, { 'Content-Type': 'application/json' });
  for await (const chunk of chunks) {
    if (response.destroyed) return;
    await written(response, chunk);
  }
  response.end();
}

/** Resolves once the chunk has left the process (or the connection closed), so its buffer may be reused. */
function written(response: ServerResponse, chunk: Buffer): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      response.off('close', done);
      resolve();
    };
    response.once('close', done);
    response.write(chunk, done);
  });
}
