/**
 * A service definition being changed (or a new one): the YAML in Monaco, checked by the schema
 * as it is typed and by the server a moment later; the server's problems listed by line, each
 * leading to its place; the diagram drawn from the draft; the changes against the published
 * version; publishing with a note; the versions, with the requests running on each, and rollback.
 */
import { lazy, Suspense, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api } from '../../shared/api/client';
import type { DesignService, DraftCheck } from '../../shared/api/oversight-types';
import type { Definition } from '../../shared/api/types';
import { Loading, PageHeading } from '../../shared/components/Page';
import { ProblemAlert } from '../../shared/components/ProblemAlert';
import { ReasonForm } from '../../shared/components/ReasonForm';
import { useDirectory } from '../../shared/directory';
import { useFormat } from '../../shared/format';
import { useApi } from '../../shared/use-api';
import { DiffView } from './DiffView';
import { MermaidView } from './MermaidView';
import { copyOf, serviceTemplate } from './template';
import { useDraftCheck } from './use-draft-check';
import { Versions } from './Versions';
import type { EditorHandle } from './YamlEditor';

const YamlEditor = lazy(() => import('./YamlEditor'));
const VIEWS = ['diagram', 'diff', 'versions'] as const;
type View = (typeof VIEWS)[number];

function Problems({
  check,
  onPick,
}: {
  check: DraftCheck | undefined;
  onPick: (line: number, column: number) => void;
}) {
  const { t } = useTranslation();
  const { digits } = useFormat();
  if (!check) return null;
  if (check.valid)
    return (
      <p className="done" role="status" data-valid>
        {t('design.problems.none')}
      </p>
    );
  return (
    <section aria-labelledby="problems-heading" className="problems">
      <h2 id="problems-heading">{t('design.problems.title', { n: digits(check.problems.length) })}</h2>
      <ol>
        {check.problems.map((p, i) => (
          <li key={i}>
            <button type="button" className="link" onClick={() => onPick(p.line, p.column)}>
              {t('design.problems.at', { line: digits(p.line), column: digits(p.column) })}
            </button>{' '}
            <span>{p.message}</span> <span className="muted code">{p.rule}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

export default function EditorPage() {
  const { t } = useTranslation();
  const { title, digits } = useFormat();
  const navigate = useNavigate();
  const { serviceId } = useParams();
  const [params] = useSearchParams();
  const creating = serviceId === undefined;
  const newId = params.get('id') ?? 'new-service';
  const from = params.get('from') ?? undefined;
  const base = useApi<Definition & { source: string }>(
    creating
      ? from
        ? `/api/definitions/${encodeURIComponent(from)}`
        : undefined
      : `/api/definitions/${encodeURIComponent(serviceId)}`,
  );
  const schema = useApi<object>('/api/design/schema');
  const services = useApi<{ items: DesignService[] }>('/api/design/services');
  const directory = useDirectory();
  const [edited, setEdited] = useState<string>();
  const [view, setView] = useState<View>('diagram');
  const editor = useRef<EditorHandle>(null);

  // The text starts from the published version, the copied service, or the template.
  const initial =
    creating && !from
      ? serviceTemplate(newId)
      : base.data
        ? creating
          ? copyOf(base.data.source, newId)
          : base.data.source
        : undefined;
  const text = edited ?? initial;

  const { check, problem, checking } = useDraftCheck(text);
  const service = services.data?.items.find((s) => s.id === (serviceId ?? check?.serviceId));
  const publishedTitles = useMemo(() => {
    if (creating || !base.data) return undefined;
    return Object.fromEntries(Object.values(base.data.plan.steps).map((s) => [s.id, s.title]));
  }, [base.data, creating]);
  const heading = creating ? t('design.editor.newTitle') : title(base.data?.title) || (serviceId ?? '');
  const canPublish = check?.valid === true && !check.unchanged;

  return (
    <section className="editor-page">
      <PageHeading title={heading}>
        {heading} {serviceId ? <span className="code">{serviceId}</span> : null}
      </PageHeading>
      <p>
        <Link to="/design">{t('design.editor.back')}</Link>
      </p>
      <ProblemAlert problem={base.problem ?? schema.problem ?? problem} />
      <div className="editor-columns">
        <div className="editor-main">
          {text === undefined || !schema.data ? (
            <Loading />
          ) : (
            <Suspense fallback={<Loading />}>
              <YamlEditor
                value={text}
                onChange={setEdited}
                schema={schema.data}
                directory={directory}
                problems={check?.problems ?? []}
                label={t('design.editor.label')}
                handle={editor}
              />
            </Suspense>
          )}
          <p className="muted" role="status">
            {checking ? t('design.editor.checking') : null}
          </p>
          <Problems check={check} onPick={(line, column) => editor.current?.reveal(line, column)} />
        </div>
        <div className="editor-side">
          <div className="tabs" role="group" aria-label={t('design.editor.views')}>
            {VIEWS.map((name) => (
              <button key={name} type="button" aria-pressed={view === name} onClick={() => setView(name)}>
                {t(`design.editor.${name}`)}
              </button>
            ))}
          </div>
          {view === 'diagram' ? <MermaidView text={check?.mermaid} /> : null}
          {view === 'diff' ? (
            <DiffView
              diff={check?.diff}
              published={check?.valid ? check.published : service?.version}
              unchanged={check?.unchanged}
              draftTitles={check?.stepTitles}
              publishedTitles={publishedTitles}
            />
          ) : null}
          {view === 'versions' && service ? (
            <Versions
              service={service}
              onRolledBack={() => {
                services.reload();
                base.reload();
                setEdited(undefined);
              }}
            />
          ) : null}
          {view === 'versions' && !service ? <p className="muted">{t('design.diff.new')}</p> : null}
          <ReasonForm
            legend={t('design.publish.title')}
            submit={t('design.publish.submit')}
            done={t('design.publish.done')}
            reasonLabel={t('design.publish.note')}
            disabled={!canPublish}
            onSubmit={async (note) => {
              if (!text) return;
              const published = await api.post<{ serviceId: string; version: number }>(
                '/api/design/publish',
                {
                  source: text,
                  note,
                },
              );
              services.reload();
              if (creating) void navigate(`/design/services/${published.serviceId}`, { replace: true });
              else base.reload();
            }}
          >
            <p className="muted">
              {check?.unchanged
                ? t('design.publish.unchanged')
                : check?.valid
                  ? t('design.publish.ready', { version: digits((check.published ?? 0) + 1) })
                  : t('design.publish.fixFirst')}
            </p>
          </ReasonForm>
        </div>
      </div>
    </section>
  );
}
