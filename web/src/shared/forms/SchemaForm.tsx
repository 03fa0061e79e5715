/**
 * A form drawn from a JSON Schema: one labelled input per field, of the kind the field takes,
 * with its fault (from the check in the browser or the API's answer) beside it, tied to it for
 * screen readers.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldFault } from '../api/problem';
import { useFormat } from '../format';
import { labelOf, type Draft, type FieldSpec } from './schema';
import type { Fault } from './validate';

export interface SchemaFormProps {
  fields: FieldSpec[];
  draft: Draft;
  onChange: (path: string, value: string | boolean | string[]) => void;
  /** Faults found in the browser, by field path. */
  faults: Record<string, Fault>;
  /** Faults the API answered, by field path. */
  serverFaults?: Record<string, FieldFault>;
  /** Keeps the ids of two forms on one page apart. */
  idPrefix: string;
}

function FaultText({ id, fault, serverFault }: { id: string; fault?: Fault; serverFault?: FieldFault }) {
  const { t } = useTranslation();
  const { digits } = useFormat();
  if (!fault && !serverFault) return null;
  const text = fault
    ? t(`errors.field.${fault.key}`, { limit: fault.limit === undefined ? '' : digits(fault.limit) })
    : t(`errors.field.${serverFault ?? 'invalid'}`);
  return (
    <p className="field-error" id={id}>
      {text}
    </p>
  );
}

function Field({ field, props }: { field: FieldSpec; props: SchemaFormProps }) {
  const { t } = useTranslation();
  const { language, digits } = useFormat();
  const id = `${props.idPrefix}-${field.path.replace(/\./g, '-')}`;
  const errorId = `${id}-error`;
  const fault = props.faults[field.path];
  const serverFault = props.serverFaults?.[field.path];
  const invalid = fault !== undefined || serverFault !== undefined;
  const label = labelOf(field, language);
  const value = props.draft[field.path];
  const described = invalid ? { 'aria-describedby': errorId, 'aria-invalid': true as const } : {};
  const example: unknown = Array.isArray(field.schema.examples)
    ? (field.schema.examples as unknown[])[0]
    : undefined;
  const placeholder =
    field.kind === 'date'
      ? t('forms.datePlaceholder')
      : typeof example === 'string' || typeof example === 'number'
        ? t('forms.example', { example: digits(example) })
        : undefined;
  const required = field.required ? <span className="required">{t('forms.required')}</span> : null;
  const error = (
    <FaultText id={errorId} {...(fault ? { fault } : {})} {...(serverFault ? { serverFault } : {})} />
  );

  let control: ReactNode;
  switch (field.kind) {
    case 'group':
      return (
        <fieldset className="field-group">
          <legend>{label}</legend>
          {(field.fields ?? []).map((inner) => (
            <Field key={inner.path} field={inner} props={props} />
          ))}
        </fieldset>
      );
    case 'confirm':
    case 'boolean':
      return (
        <div className={invalid ? 'field check invalid' : 'field check'}>
          <input
            id={id}
            type="checkbox"
            checked={value === true}
            onChange={(event) => props.onChange(field.path, event.target.checked)}
            {...described}
          />
          <label htmlFor={id}>
            {label} {required}
          </label>
          {error}
        </div>
      );
    case 'choices':
      return (
        <fieldset className={invalid ? 'field invalid' : 'field'} {...described}>
          <legend>
            {label} {required}
          </legend>
          {(field.options ?? []).map(({ value: option, [language]: words }) => {
            const chosen = Array.isArray(value) ? value : [];
            return (
              <label key={option} className="choice">
                <input
                  type="checkbox"
                  checked={chosen.includes(option)}
                  onChange={(event) =>
                    props.onChange(
                      field.path,
                      event.target.checked ? [...chosen, option] : chosen.filter((c) => c !== option),
                    )
                  }
                />
                {words}
              </label>
            );
          })}
          {error}
        </fieldset>
      );
    case 'choice':
      control = (
        <select
          id={id}
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => props.onChange(field.path, event.target.value)}
          {...described}
        >
          <option value="">{t('forms.choose')}</option>
          {(field.options ?? []).map(({ value: option, [language]: words }) => (
            <option key={option} value={option}>
              {words}
            </option>
          ))}
        </select>
      );
      break;
    case 'long-text':
      control = (
        <textarea
          id={id}
          rows={4}
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => props.onChange(field.path, event.target.value)}
          {...described}
        />
      );
      break;
    default:
      control = (
        <input
          id={id}
          type="text"
          inputMode={field.kind === 'number' ? 'decimal' : field.kind === 'integer' ? 'numeric' : undefined}
          dir={field.kind === 'text' ? 'auto' : undefined}
          value={typeof value === 'string' ? value : ''}
          placeholder={placeholder}
          onChange={(event) => props.onChange(field.path, event.target.value)}
          {...described}
        />
      );
  }
  return (
    <div className={invalid ? 'field invalid' : 'field'}>
      <label htmlFor={id}>
        {label} {required}
      </label>
      {control}
      {error}
    </div>
  );
}

export function SchemaForm(props: SchemaFormProps) {
  return (
    <>
      {props.fields.map((field) => (
        <Field key={field.path} field={field} props={props} />
      ))}
    </>
  );
}
