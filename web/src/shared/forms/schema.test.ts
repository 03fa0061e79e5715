import { dataOf, fieldsOf } from './schema';
import { faultsOf } from './validate';

const form = {
  type: 'object',
  required: ['parcel', 'floors', 'documentsComplete'],
  properties: {
    parcel: { type: 'string', pattern: '^[0-9]{1,6}/[0-9]{1,6}$' },
    area: { type: 'number', exclusiveMinimum: 0 },
    floors: { type: 'integer', minimum: 1, maximum: 40 },
    inspectedOn: { type: 'string', format: 'date' },
    address: { type: 'string', minLength: 10 },
    documentsComplete: { const: true },
  },
};

describe('forms drawn from a schema', () => {
  test('when a person types Persian digits and a Jalali day, then the data carries Latin digits, numbers and the Gregorian day', () => {
    const data = dataOf(fieldsOf(form), {
      parcel: '۱۲۳۴/۵۶',
      area: '۴۲۰٫۵',
      floors: '۴',
      inspectedOn: '۱۴۰۵/۰۹/۰۹',
      address: 'خیابان ولیعصر، پلاک ۸',
      documentsComplete: true,
    });
    expect(data).toEqual({
      parcel: '1234/56',
      area: 420.5,
      floors: 4,
      inspectedOn: '2026-11-30',
      address: 'خیابان ولیعصر، پلاک ۸',
      documentsComplete: true,
    });
  });

  test('when fields are left empty or unticked, then they are left out and the check names each fault', () => {
    const data = dataOf(fieldsOf(form), {
      parcel: '',
      floors: '0',
      address: 'short',
      documentsComplete: false,
    });
    expect(data).toEqual({ floors: 0, address: 'short' });
    expect(faultsOf(form, data)).toEqual({
      parcel: { key: 'required' },
      documentsComplete: { key: 'confirm' },
      floors: { key: 'minimum', limit: 1 },
      address: { key: 'minLength', limit: 10 },
    });
  });

  test('when a number field holds words, then the fault asks for a whole number', () => {
    const data = dataOf(fieldsOf(form), { parcel: '1/2', floors: 'چهار', documentsComplete: true });
    expect(faultsOf(form, data)).toEqual({ floors: { key: 'integer' } });
  });
});
