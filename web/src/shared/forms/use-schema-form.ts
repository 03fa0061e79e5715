/**
 * The state of a form drawn from a schema: what was typed, and the faults of the fields a
 * person has touched (all of them once they try to send), checked as they type.
 */
import { useCallback, useMemo, useState } from 'react';
import type { JsonSchema } from '../api/types';
import { dataOf, fieldsOf, type Draft, type FieldSpec } from './schema';
import { faultsOf, type Fault } from './validate';

export interface SchemaFormState {
  fields: FieldSpec[];
  draft: Draft;
  setField: (path: string, value: string | boolean | string[]) => void;
  /** Faults to show now. */
  faults: Record<string, Fault>;
  /** Marks every field touched; the data when it fits the form, else undefined. */
  submit: () => Record<string, unknown> | undefined;
  reset: () => void;
}

export function useSchemaForm(schema: JsonSchema | undefined): SchemaFormState {
  const fields = useMemo(() => fieldsOf(schema), [schema]);
  const [draft, setDraft] = useState<Draft>({});
  const [touched, setTouched] = useState<Set<string> | 'all'>(new Set());

  const data = useMemo(() => dataOf(fields, draft), [fields, draft]);
  const allFaults = useMemo(() => faultsOf(schema ?? { type: 'object' }, data), [schema, data]);
  const faults = useMemo(() => {
    if (touched === 'all') return allFaults;
    return Object.fromEntries(Object.entries(allFaults).filter(([path]) => touched.has(path)));
  }, [allFaults, touched]);

  const setField = useCallback((path: string, value: string | boolean | string[]) => {
    setDraft((current) => ({ ...current, [path]: value }));
    setTouched((current) => (current === 'all' ? current : new Set(current).add(path)));
  }, []);

  const submit = useCallback(() => {
    setTouched('all');
    return Object.keys(allFaults).length === 0 ? data : undefined;
  }, [allFaults, data]);

  const reset = useCallback(() => {
    setDraft({});
    setTouched(new Set());
  }, []);

  return { fields, draft, setField, faults, submit, reset };
}
