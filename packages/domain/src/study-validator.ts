import type { z } from 'zod';
import { Study } from './study.schema.js';

/**
 * A check, compiled once from the `Study` schema, that a record is one zod parses to a deep copy of
 * itself: every typed field has its JSON type, and no `.catch()` would replace a value. Such a record can
 * be used as parsed without building the copy (zod's parse was a fifth of the worker's allocations at
 * registry scale). Anything else returns false, and the caller parses with zod, which reports the issues
 * or applies the catches. At least as strict as zod on every schema node it knows; a node it does not
 * know is never accepted.
 */
type Check = (value: unknown) => boolean;

const reject: Check = () => false;
const anything: Check = () => true;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function compile(schema: z.core.$ZodType): Check {
  const def = schema._zod.def;
  switch (def.type) {
    case 'unknown':
    case 'any':
      return anything;
    case 'string':
      return (value) => typeof value === 'string';
    case 'number':
      return (value) => typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return (value) => typeof value === 'boolean';
    case 'optional': {
      const inner = compile((def as z.core.$ZodOptionalDef).innerType);
      return (value) => value === undefined || inner(value);
    }
    case 'nullable': {
      const inner = compile((def as z.core.$ZodNullableDef).innerType);
      return (value) => value === null || inner(value);
    }
    // A value the catch would replace is not the value parsed: leave it to zod.
    case 'catch':
      return compile((def as z.core.$ZodCatchDef).innerType);
    case 'array': {
      const element = compile((def as z.core.$ZodArrayDef).element);
      return (value) => Array.isArray(value) && value.every(element);
    }
    case 'object': {
      const objectDef = def as z.core.$ZodObjectDef;
      // Only loose objects: a strict or stripping one would not give the input back.
      if (objectDef.catchall?._zod.def.type !== 'unknown') return reject;
      const fields = Object.entries(objectDef.shape).map(([key, field]) => {
        const check = compile(field);
        // zod 4 requires a key whose schema accepts no `undefined` (optional ones may be absent).
        const optional = field._zod.optin === 'optional';
        return { key, check, optional };
      });
      return (value) => {
        if (!isObject(value)) return false;
        for (const { key, check, optional } of fields) {
          if (!(key in value)) {
            if (!optional) return false;
            continue;
          }
          if (!check(value[key])) return false;
        }
        return true;
      };
    }
    default:
      return reject;
  }
}

const acceptsStudy = compile(Study);

/** True when `Study.parse(raw)` would succeed and give `raw` back (deep-equal): `raw` can be used as parsed. */
export function isParsedStudy(raw: unknown): raw is Study {
  return acceptsStudy(raw);
}
