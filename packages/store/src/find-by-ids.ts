import type { Collection, Document, Filter, WithId } from 'mongodb';

/** Run `work` over `items` with at most `limit` in flight; results in input order. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index] as T);
    }
  });
  await Promise.all(lanes);
  return results;
}

const LOOKUP_CONCURRENCY = 16;

/**
 * Documents by `_id`, as parallel single-`_id` lookups: on FerretDB only an `_id` equality is indexed
 * (`$in` and ranges scan the whole collection), and MongoDB serves these just as well.
 */
export async function findByIds<T extends Document>(
  collection: Collection<T>,
  ids: readonly string[],
  projection?: Document,
): Promise<WithId<T>[]> {
  const unique = [...new Set(ids)];
  const docs = await mapLimit(unique, LOOKUP_CONCURRENCY, (id) =>
    collection.findOne({ _id: id } as unknown as Filter<T>, projection ? { projection } : {}),
  );
  return docs.filter((doc): doc is WithId<T> => doc !== null);
}
