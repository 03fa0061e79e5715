/**
 * Taking a request in at the desk: who the applicant is, the district, the service's own form
 * (from its schema, with Persian labels, checked as one types), the documents to see. The
 * answer is a receipt with the tracking code and the applicant's secret.
 */
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, newIdempotencyKey } from '../../shared/api/client';
import { ApiProblem, fieldsUnder } from '../../shared/api/problem';
import type { Started } from '../../shared/api/types';
import { Loading, PageHeading } from '../../shared/components/Page';
import { ProblemAlert } from '../../shared/components/ProblemAlert';
import { usePlan } from '../../shared/catalog';
import { SchemaForm } from '../../shared/forms/SchemaForm';
import { useSchemaForm } from '../../shared/forms/use-schema-form';
import { useFormat } from '../../shared/format';
import { useSignedIn } from '../../shared/session';
import { Documents } from '../task/Documents';
import { useApplicantSchema } from './applicant-schema';

export default function IntakePage() {
  const { t } = useTranslation();
  const { title } = useFormat();
  const navigate = useNavigate();
  const { serviceId = '' } = useParams();
  const { me } = useSignedIn();
  const { plan, problem: planProblem, loading } = usePlan(serviceId);
  const applicant = useSchemaForm(useApplicantSchema());
  const data = useSchemaForm(plan?.form);
  const [district, setDistrict] = useState(me.districts.length === 1 ? (me.districts[0]?.id ?? '') : '');
  const [districtFault, setDistrictFault] = useState(false);
  const [problem, setProblem] = useState<ApiProblem>();
  const [busy, setBusy] = useState(false);
  const key = useRef(newIdempotencyKey());

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const who = applicant.submit();
    const fields = data.submit();
    setDistrictFault(district === '');
    if (!who || !fields || district === '') {
      document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    setBusy(true);
    setProblem(undefined);
    try {
      const started = await api.post<Started>(
        '/api/requests',
        { serviceId, district, applicant: who, data: fields },
        { idempotencyKey: key.current },
      );
      void navigate(`/intake/receipt/${started.trackingCode}`, {
        state: { started, applicant: who.name, district },
      });
    } catch (error) {
      setProblem(error instanceof ApiProblem ? error : new ApiProblem(0, 'network', undefined, {}));
    } finally {
      setBusy(false);
    }
  };

  const dataFaults =
    problem?.slug === 'invalid-form-data' ? fieldsUnder(problem, '') : fieldsUnder(problem, 'data.');
  const heading = plan ? title(plan.title) : t('intake.title');

  return (
    <section>
      <p className="breadcrumb">
        <Link to="/intake">{t('intake.catalog.title')}</Link>
      </p>
      <PageHeading title={heading}>{heading}</PageHeading>
      <ProblemAlert problem={planProblem} />
      {loading ? <Loading /> : null}
      {plan ? (
        <div className="columns">
          <form noValidate onSubmit={(event) => void submit(event)} className="card">
            <fieldset>
              <legend>{t('intake.applicant')}</legend>
              <SchemaForm
                fields={applicant.fields}
                draft={applicant.draft}
                onChange={applicant.setField}
                faults={applicant.faults}
                serverFaults={fieldsUnder(problem, 'applicant.')}
                idPrefix="applicant"
              />
            </fieldset>
            <div className={districtFault ? 'field invalid' : 'field'}>
              <label htmlFor="intake-district">
                {t('intake.district')} <span className="required">{t('forms.required')}</span>
              </label>
              <select
                id="intake-district"
                value={district}
                onChange={(event) => {
                  setDistrict(event.target.value);
                  setDistrictFault(false);
                }}
                {...(districtFault
                  ? { 'aria-invalid': true, 'aria-describedby': 'intake-district-error' }
                  : {})}
              >
                <option value="">{t('forms.choose')}</option>
                {me.districts.map((place) => (
                  <option key={place.id} value={place.id}>
                    {title(place.title)}
                  </option>
                ))}
              </select>
              {districtFault ? (
                <p className="field-error" id="intake-district-error">
                  {t('errors.field.required')}
                </p>
              ) : null}
            </div>
            {data.fields.length > 0 ? (
              <fieldset>
                <legend>{t('intake.details')}</legend>
                <SchemaForm
                  fields={data.fields}
                  draft={data.draft}
                  onChange={data.setField}
                  faults={data.faults}
                  serverFaults={dataFaults}
                  idPrefix="data"
                />
              </fieldset>
            ) : null}
            <ProblemAlert problem={problem} />
            <button type="submit" className="primary" disabled={busy}>
              {t('intake.submit')}
            </button>
          </form>
          <Documents plan={plan} heading={t('intake.documents')} />
        </div>
      ) : null}
    </section>
  );
}
