import { z } from 'zod';
import { documentedEnum, MODELED_MODULES } from './study.schema.js';

/**
 * Where the registry no longer matches its documentation: a value outside a documented enum, a field the
 * documentation does not list (inside the modules the normalizer reads), or a value that cannot be what the
 * field documents (a partial date that is not `yyyy`, `yyyy-MM` or `yyyy-MM-dd`). Never a reason to fail.
 *
 * `path` is a dotted path from the record root; array items are written `[]` (one report per field, not
 * per item), e.g. `protocolSection.contactsLocationsModule.locations[].countryCode`.
 */
export const SchemaDrift = z.object({
  kind: z.enum(['unknown_enum_value', 'unknown_field', 'invalid_value']),
  path: z.string(),
  value: z.string().optional(),
});
export type SchemaDrift = z.infer<typeof SchemaDrift>;

/** The documented shape of a modeled module, compiled once from its zod schema. */
type DriftPlan =
  | { kind: 'object'; path: string; fields: ReadonlyMap<string, DriftPlan> }
  | { kind: 'array'; path: string; element: DriftPlan }
  | { kind: 'enum'; path: string; values: ReadonlySet<string> }
  | { kind: 'leaf'; path: string };

function compilePlan(schema: z.core.$ZodType, path: string): DriftPlan {
  const documented = documentedEnum.get(schema as z.ZodType);
  if (documented) return { kind: 'enum', path, values: new Set(documented.values) };
  const def = schema._zod.def;
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'catch':
      return compilePlan((def as z.core.$ZodOptionalDef).innerType, path);
    case 'array':
      return { kind: 'array', path, element: compilePlan((def as z.core.$ZodArrayDef).element, `${path}[]`) };
    case 'object': {
      const shape = (def as z.core.$ZodObjectDef).shape;
      const fields = new Map<string, DriftPlan>();
      for (const [key, field] of Object.entries(shape)) fields.set(key, compilePlan(field, `${path}.${key}`));
      return { kind: 'object', path, fields };
    }
    default:
      return { kind: 'leaf', path };
  }
}

const MODULE_PLANS: ReadonlyArray<readonly [string, DriftPlan]> = Object.entries(MODELED_MODULES).map(
  ([name, schema]) => [name, compilePlan(schema, `protocolSection.${name}`)] as const,
);

/** Collects drift once per (kind, path, value); `sorted()` gives it by path, kind, then value. */
export class DriftCollector {
  readonly items: SchemaDrift[] = [];
  private readonly seen = new Set<string>();

  sorted(): SchemaDrift[] {
    const key = (drift: SchemaDrift) => `${drift.path}\u0000${drift.kind}\u0000${drift.value ?? ''}`;
    return [...this.items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  }

  add(kind: SchemaDrift['kind'], path: string, value?: string): void {
    const key = `${kind}\u0000${path}\u0000${value ?? ''}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.items.push(value === undefined ? { kind, path } : { kind, path, value });
  }
}

function walk(plan: DriftPlan, value: unknown, drift: DriftCollector): void {
  if (value === null || value === undefined) return;
  switch (plan.kind) {
    case 'enum':
      if (typeof value === 'string' && !plan.values.has(value))
        drift.add('unknown_enum_value', plan.path, value);
      return;
    case 'array':
      if (Array.isArray(value)) for (const item of value) walk(plan.element, item, drift);
      return;
    case 'object':
      if (typeof value !== 'object' || Array.isArray(value)) return;
      for (const key in value) {
        const field = plan.fields.get(key);
        if (field) walk(field, (value as Record<string, unknown>)[key], drift);
        else drift.add('unknown_field', `${plan.path}.${key}`);
      }
      return;
    case 'leaf':
      return;
  }
}

/**
 * Reports unknown fields and enum values in the modules the normalizer reads. `protocolSection` is the raw
 * value (already known to be an object).
 */
export function collectModuleDrift(protocolSection: Record<string, unknown>, drift: DriftCollector): void {
  for (const [name, plan] of MODULE_PLANS) walk(plan, protocolSection[name], drift);
}
