import type { z } from '@hono/zod-openapi';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Logger } from '@trialwatch/logger';
import type { Store } from '@trialwatch/store';
import { ErrorBody } from './api-schemas.js';

export type ApiApp = OpenAPIHono;

export interface ApiDeps {
  store: Store;
  logger: Logger;
  now?: () => Date;
}

/** A rejected request: status and one message, sent as `{ error, message }`. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: 400 | 404 | 503,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The app with its validation hook: a bad parameter is a 400 naming it. */
export function newApiApp(): ApiApp {
  return new OpenAPIHono({
    defaultHook: (result, c) => {
      if (result.success) return;
      const message = result.error.issues
        .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'query'}: ${issue.message}`)
        .join('; ');
      return c.json({ error: 'bad_request', message }, 400);
    },
  });
}

/** The error responses every authenticated route can give, for the OpenAPI document. */
export const errorResponses = {
  400: { description: 'a parameter is not valid', content: { 'application/json': { schema: ErrorBody } } },
  401: { description: 'no token, or a wrong one', content: { 'application/json': { schema: ErrorBody } } },
} as const;

export const notFoundResponse = {
  404: { description: 'not found', content: { 'application/json': { schema: ErrorBody } } },
} as const;

export const jsonContent = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
