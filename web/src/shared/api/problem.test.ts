import { fieldsUnder, problemFrom } from './problem';

describe('problems the API answers', () => {
  test('when a body breaks its schema, then each error path names the field and its fault', () => {
    const problem = problemFrom(400, {
      type: '/problems/invalid-request',
      errors: [
        { path: 'applicant.nationalId', message: 'must match pattern "^[0-9]{10}$"' },
        { path: 'applicant.name', message: 'is required' },
        { path: 'extra', message: 'unknown field' },
      ],
    });
    expect(problem.slug).toBe('invalid-request');
    expect(problem.fields).toEqual({
      'applicant.nationalId': 'invalid',
      'applicant.name': 'required',
      extra: 'unknown',
    });
    expect(fieldsUnder(problem, 'applicant.')).toEqual({ nationalId: 'invalid', name: 'required' });
  });

  test("when a step's form refuses the data, then its sentences still name the fields", () => {
    const problem = problemFrom(422, {
      type: '/problems/invalid-form-data',
      errors: ["missing field 'landValue'", 'floors: Instance must be at least 1', 'something else'],
    });
    expect(problem.fields).toEqual({ landValue: 'required', floors: 'invalid' });
  });

  test('when the answer is not a problem document, then its status names it', () => {
    expect(problemFrom(404, undefined).slug).toBe('http-404');
  });
});
