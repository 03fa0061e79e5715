/**
 * Registers the engine's search attributes in a namespace, once: run at every start, it adds
 * only those missing, so the same code serves the embedded dev server and a real cluster.
 */
import { isGrpcServiceError, type Connection } from '@temporalio/client';
import type { SearchAttributeType } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { ALL_SEARCH_ATTRIBUTES } from './search-attributes';

const { IndexedValueType } = temporal.api.enums.v1;

/** gRPC status UNIMPLEMENTED. */
const GRPC_UNIMPLEMENTED = 12;

const INDEXED: Record<SearchAttributeType, temporal.api.enums.v1.IndexedValueType> = {
  KEYWORD: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  KEYWORD_LIST: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD_LIST,
  DATETIME: IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
  INT: IndexedValueType.INDEXED_VALUE_TYPE_INT,
  TEXT: IndexedValueType.INDEXED_VALUE_TYPE_TEXT,
  DOUBLE: IndexedValueType.INDEXED_VALUE_TYPE_DOUBLE,
  BOOL: IndexedValueType.INDEXED_VALUE_TYPE_BOOL,
};

/** Returns the names it added (empty when all were there). */
export async function ensureSearchAttributes(connection: Connection, namespace: string): Promise<string[]> {
  let known = new Set<string>();
  try {
    const existing = await connection.operatorService.listSearchAttributes({ namespace });
    known = new Set(Object.keys(existing.customAttributes ?? {}));
  } catch (error) {
    // Servers that cannot list them (the time-skipping test server) still take additions.
    if (!isGrpcServiceError(error) || Number(error.code) !== GRPC_UNIMPLEMENTED) throw error;
  }
  const missing = ALL_SEARCH_ATTRIBUTES.filter((key) => !known.has(key.name));
  if (missing.length === 0) return [];
  await connection.operatorService.addSearchAttributes({
    namespace,
    searchAttributes: Object.fromEntries(missing.map((key) => [key.name, INDEXED[key.type]])),
  });
  return missing.map((key) => key.name);
}
