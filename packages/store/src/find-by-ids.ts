import type { Collection, Document, Filter, WithId } from 'mongodb';

const CHUNK = 500;

/**
 * Documents by `_id`, in chunks. Natural keys live in `_id` because it is the one field every
 * MongoDB-wire server indexes.
 */
export async function findByIds<T extends Document>(
  collection: Collection<T>,
  ids: readonly string[],
  projection?: Document,
): Promise<WithId<T>[]> {
  const unique = [...new Set(ids)];
  const results: WithId<T>[] = [];
  for (let start = 0; start < unique.length; start += CHUNK) {
    const chunk = unique.slice(start, start + CHUNK);
    const filter = { _id: { $in: chunk } } as unknown as Filter<T>;
    const docs = await collection.find(filter, projection ? { projection } : {}).toArray();
    results.push(...docs);
  }
  return results;
}
