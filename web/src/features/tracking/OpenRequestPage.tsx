/** Opening a request as its applicant: the tracking code and the secret on the receipt. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../../shared/api/client';
import { ApiProblem } from '../../shared/api/problem';
import { PageHeading } from '../../shared/components/Page';
import { ProblemAlert } from '../../shared/components/ProblemAlert';
import { latinDigits } from '../../shared/format';
import { keepCitizenToken } from './citizen-token';

export default function OpenRequestPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [code, setCode] = useState(params.get('code') ?? '');
  const [secret, setSecret] = useState('');
  const [faults, setFaults] = useState<{ code?: boolean; secret?: boolean }>({});
  const [problem, setProblem] = useState<ApiProblem>();
  const [busy, setBusy] = useState(false);

  const open = async (event: FormEvent) => {
    event.preventDefault();
    const tracking = latinDigits(code.replace(/\s/g, ''));
    const found = { code: !/^[0-9]{12}$/.test(tracking), secret: secret.trim() === '' };
    setFaults(found);
    if (found.code || found.secret) return;
    setBusy(true);
    setProblem(undefined);
    try {
      const { token } = await api.post<{ token: string }>(`/api/requests/${tracking}/access`, {
        secret: secret.trim(),
      });
      keepCitizenToken(tracking, token);
      void navigate(`/track/${tracking}`);
    } catch (error) {
      setProblem(error instanceof ApiProblem ? error : new ApiProblem(0, 'network', undefined, {}));
    } finally {
      setBusy(false);
    }
  };

  const codeFault = faults.code || problem?.slug === 'invalid-tracking-code';
  const secretFault = faults.secret || problem?.slug === 'wrong-secret';
  return (
    <section className="narrow">
      <PageHeading title={t('track.open.title')}>{t('track.open.title')}</PageHeading>
      <p>{t('track.open.body')}</p>
      <form noValidate onSubmit={(event) => void open(event)} className="card">
        <div className={codeFault ? 'field invalid' : 'field'}>
          <label htmlFor="track-code">{t('track.open.code')}</label>
          <input
            id="track-code"
            inputMode="numeric"
            autoComplete="off"
            value={code}
            onChange={(event) => setCode(event.target.value)}
            {...(codeFault ? { 'aria-invalid': true, 'aria-describedby': 'track-code-error' } : {})}
          />
          {codeFault ? (
            <p className="field-error" id="track-code-error">
              {t(faults.code ? 'track.open.codeFault' : 'problems.invalid-tracking-code')}
            </p>
          ) : null}
        </div>
        <div className={secretFault ? 'field invalid' : 'field'}>
          <label htmlFor="track-secret">{t('track.open.secret')}</label>
          <input
            id="track-secret"
            dir="ltr"
            autoComplete="off"
            value={secret}
            onChange={(event) => setSecret(event.target.value)}
            {...(secretFault ? { 'aria-invalid': true, 'aria-describedby': 'track-secret-error' } : {})}
          />
          {secretFault ? (
            <p className="field-error" id="track-secret-error">
              {t(faults.secret ? 'errors.field.required' : 'problems.wrong-secret')}
            </p>
          ) : null}
        </div>
        {problem && !codeFault && !secretFault ? <ProblemAlert problem={problem} /> : null}
        <button type="submit" className="primary" disabled={busy}>
          {t('track.open.button')}
        </button>
      </form>
    </section>
  );
}
