/**
 * What the draft changes against the published version, in the reader's language: the service's
 * own fields, steps added and removed, and each changed step field by field, with a title's
 * Persian and English each on its own line. Steps are named by their titles in both languages.
 */
import { useTranslation } from 'react-i18next';
import type { FieldChange, PlanDiff } from '../../shared/api/oversight-types';
import type { Title } from '../../shared/api/types';
import { useFormat } from '../../shared/format';

/** A field's name in the catalogs: `outcome approve title (fa)` → outcome title, with its id and language. */
function useFieldName() {
  const { t } = useTranslation();
  return (field: string) => {
    const language = /\((fa|en)\)$/.exec(field)?.[1];
    const base = field.replace(/ \((fa|en)\)$/, '');
    const outcome = /^outcome (\S+)( title)?$/.exec(base);
    const name = outcome
      ? t(outcome[2] ? 'design.diff.fields.outcomeTitle' : 'design.diff.fields.outcome', { id: outcome[1] })
      : t(`design.diff.fields.${base.replace(' ', '-')}`, { defaultValue: base });
    return language ? `${name} (${t(`design.diff.languages.${language}`)})` : name;
  };
}

const OPAQUE = new Set(['form', 'escalation', 'details', 'fees', 'documents', 'settings']);

function Changes({ changes }: { changes: FieldChange[] }) {
  const { t } = useTranslation();
  const fieldName = useFieldName();
  return (
    <ul className="changes">
      {changes.map((change) => (
        <li key={change.field}>
          <strong>{fieldName(change.field)}</strong>
          {OPAQUE.has(change.field) ? (
            <> · {t('design.diff.changed')}</>
          ) : (
            <>
              {': '}
              <del>{change.from || '—'}</del> → <ins>{change.to || '—'}</ins>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

export function DiffView(props: {
  diff: PlanDiff | undefined;
  published: number | undefined;
  unchanged: boolean | undefined;
  draftTitles: Record<string, Title> | undefined;
  publishedTitles: Record<string, Title> | undefined;
}) {
  const { t } = useTranslation();
  const { digits } = useFormat();
  const diff = props.diff;
  const both = (step: string, titles: Record<string, Title> | undefined) => {
    const title = titles?.[step];
    return title ? `${title.fa} · ${title.en}` : step;
  };
  if (props.published === undefined) return <p className="muted">{t('design.diff.new')}</p>;
  if (!diff) return <p className="muted">{t('design.diff.waiting')}</p>;
  const empty = diff.service.length + diff.added.length + diff.removed.length + diff.changed.length === 0;
  return (
    <div className="diff" data-diff>
      <p className="muted">{t('design.diff.against', { version: digits(props.published) })}</p>
      {empty || props.unchanged ? <p>{t('design.diff.none')}</p> : null}
      {diff.service.length > 0 ? (
        <>
          <h3>{t('design.diff.service')}</h3>
          <Changes changes={diff.service} />
        </>
      ) : null}
      {diff.added.length > 0 ? (
        <>
          <h3>{t('design.diff.added')}</h3>
          <ul>
            {diff.added.map((s) => (
              <li key={s.step}>
                <ins>{both(s.step, props.draftTitles)}</ins> <span className="code">{s.step}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {diff.removed.length > 0 ? (
        <>
          <h3>{t('design.diff.removed')}</h3>
          <ul>
            {diff.removed.map((s) => (
              <li key={s.step}>
                <del>{both(s.step, props.publishedTitles)}</del> <span className="code">{s.step}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {diff.changed.map((s) => (
        <section key={s.step} aria-label={both(s.step, props.draftTitles)}>
          <h3>
            {both(s.step, props.draftTitles)} <span className="code">{s.step}</span>
          </h3>
          <Changes changes={s.changes} />
        </section>
      ))}
    </div>
  );
}
