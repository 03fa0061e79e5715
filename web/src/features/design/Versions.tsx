/**
 * A service's published versions, newest first: when, by whom, the note, and the requests still
 * running on each (they keep their version to the end); any older version can be published again
 * as the newest (a rollback), which changes nothing for requests already running.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api/client';
import type { DesignService } from '../../shared/api/oversight-types';
import { ReasonForm } from '../../shared/components/ReasonForm';
import { useFormat } from '../../shared/format';

export function Versions({ service, onRolledBack }: { service: DesignService; onRolledBack: () => void }) {
  const { t } = useTranslation();
  const { digits, number, instant } = useFormat();
  const versions = [...service.versions].reverse();
  return (
    <div className="versions">
      <table>
        <caption>{t('design.versions.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('design.versions.version')}</th>
            <th scope="col">{t('design.versions.published')}</th>
            <th scope="col">{t('design.versions.note')}</th>
            <th scope="col">{t('design.versions.running')}</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.version} data-version={v.version}>
              <th scope="row">
                {digits(v.version)}
                {v.version === service.version ? (
                  <span className="muted"> · {t('design.versions.latest')}</span>
                ) : null}
              </th>
              <td>
                <time dateTime={v.publishedAt}>{instant(v.publishedAt)}</time>
                <div className="muted">{v.publishedBy}</div>
              </td>
              <td>
                {v.note}
                {v.rolledBackFrom !== undefined ? (
                  <div className="muted">
                    {t('design.versions.rolledBackFrom', { version: digits(v.rolledBackFrom) })}
                  </div>
                ) : null}
              </td>
              <td data-running>{number(v.running)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {versions.length > 1 ? <RollbackForm service={service} onRolledBack={onRolledBack} /> : null}
    </div>
  );
}

function RollbackForm({ service, onRolledBack }: { service: DesignService; onRolledBack: () => void }) {
  const { t } = useTranslation();
  const { digits } = useFormat();
  const older = service.versions.filter((v) => v.version !== service.version).reverse();
  const [chosen, setChosen] = useState(older[0]?.version);
  return (
    <ReasonForm
      legend={t('design.versions.rollback')}
      submit={t('design.versions.rollbackSubmit')}
      done={t('design.versions.rolledBack')}
      noReason
      onSubmit={async () => {
        await api.post(`/api/definitions/${service.id}/rollback`, { version: chosen });
        onRolledBack();
      }}
    >
      <div className="field">
        <label htmlFor="rollback-version">{t('design.versions.which')}</label>
        <select
          id="rollback-version"
          value={chosen}
          onChange={(event) => setChosen(Number(event.target.value))}
        >
          {older.map((v) => (
            <option key={v.version} value={v.version}>
              {t('design.versions.option', { version: digits(v.version), note: v.note })}
            </option>
          ))}
        </select>
      </div>
    </ReasonForm>
  );
}
