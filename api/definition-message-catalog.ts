/**
 * The problems of definitions, the organisation and the calendar in Persian: what a designer
 * reads in the editor and in a refused publication. The same form as the API's catalog: English
 * templates with their Persian; ids, keys and durations are carried over as they are. A sentence
 * the compiler makes is kept here, or test/unit/messages.test.ts names it.
 */

/**
 * A sentence with a suggestion at its end and without: `{hint}` is `; did you mean 'x'?`. Only
 * where a quote or a bracket ends the slot before it, or that slot would stop at its first letter.
 */
const hinted = (english: string, persian: string): [string, string][] => [
  [english, persian.replace('{hint}', '')],
  [`${english}{hint:did-you-mean}`, persian],
];

const DURATION_HINT =
  "'{value}' is not an ISO 8601 duration: write P5D for five days, PT4H for four hours, P1DT2H for a day and two hours (working time unless the clock is continuous)";
const DURATION_HINT_FA =
  '«{value}» مدتی به قالب ISO 8601 نیست: پنج روز را P5D، چهار ساعت را PT4H و یک روز و دو ساعت را P1DT2H بنویسید (به وقت اداری، مگر ساعت پیوسته باشد)';

export const DEFINITION_SENTENCES_FA: Record<string, [string, string][]> = {
  'did-you-mean': [["; did you mean '{name}'?", '؛ شاید منظور «{name}» است؟']],
  // The first sentence that fits is said: one with a suggestion comes before the same without.
  'definition-problem': [
    // The schema of the file (lib/definitions/schemas.ts).
    ["missing required key '{key}'", 'کلید لازم «{key}» نیامده است'],
    ...hinted("unknown key '{key}'", 'کلید «{key}» شناخته نیست{hint}'),
    [
      "must be one of: {allowed}; did you mean '{name}'?",
      'باید یکی از این‌ها باشد: {allowed}؛ شاید منظور «{name}» است؟',
    ],
    ['must be one of: {allowed}', 'باید یکی از این‌ها باشد: {allowed}'],
    ["must be '{value}'", 'باید «{value}» باشد'],
    ["'{value}' is not valid: {why:schema-description}", '«{value}» معتبر نیست: {why}'],
    ["'{value}' is not valid: must match {pattern}", '«{value}» معتبر نیست: باید با الگوی {pattern} بخواند'],
    [
      "unknown step kind '{kind}'; expected one of {kinds}; did you mean '{name}'?",
      'گونه مرحله «{kind}» شناخته نیست؛ یکی از این‌ها باید باشد: {kinds}؛ شاید منظور «{name}» است؟',
    ],
    [
      "unknown step kind '{kind}'; expected one of {kinds}",
      'گونه مرحله «{kind}» شناخته نیست؛ یکی از این‌ها باید باشد: {kinds}',
    ],
    ["'{tag}' must be a string naming the step kind", '«{tag}» باید متنی باشد که گونه مرحله را نام ببرد'],
    ['does not match any allowed form', 'با هیچ‌یک از شکل‌های مجاز نمی‌خواند'],
    [
      'does not match any allowed form: {why:schema-description}',
      'با هیچ‌یک از شکل‌های مجاز نمی‌خواند: {why}',
    ],
    ['must be a {type:json-type}', 'باید {type} باشد'],
    ['must be an {type:json-type}', 'باید {type} باشد'],
    [DURATION_HINT, DURATION_HINT_FA],
    [`${DURATION_HINT}{hint:did-you-mean}`, `${DURATION_HINT_FA}{hint}`],
    [
      '{hint:definition-problem}; or `service` for a step with no SLA of its own',
      '{hint}؛ یا `service` برای مرحله‌ای که مهلتی از آنِ خود ندارد',
    ],
    ['the text {why:schema-message}', 'متن {why}'],
    [
      "the document's aliases expand too far (more than {count} uses of one anchor's content); write the values out",
      'نام‌های مستعار سند بیش از حد باز می‌شوند (بیش از {count} بار به کار رفتن محتوای یک لنگر)؛ مقدارها را بنویسید',
    ],
    // The catalog (lib/definitions/catalog.ts).
    [
      "service id '{id}' must match its file name '{file}'",
      'شناسه خدمت «{id}» باید با نام پرونده‌اش «{file}» یکی باشد',
    ],
    ["service id '{id}' is already defined in {file}", 'شناسه خدمت «{id}» پیش‌تر در {file} تعریف شده است'],
    // Compiling a service (lib/definitions/compile*.ts).
    ["duplicate step id '{id}'", 'شناسه مرحله «{id}» تکراری است'],
    ["duplicate branch id '{id}'", 'شناسه شاخه «{id}» تکراری است'],
    ["duplicate fee id '{id}'", 'شناسه هزینه «{id}» تکراری است'],
    [
      "fee '{id}' is never paid: no payment step names it",
      'هزینه «{id}» هرگز پرداخت نمی‌شود: هیچ مرحله پرداختی نامش را نمی‌برد',
    ],
    ...hinted("unknown step '{id}'", 'مرحله‌ای با شناسه «{id}» نیست{hint}'),
    [
      "step '{id}' is in another branch; a step may lead only to steps of its own branch or to an end step",
      'مرحله «{id}» در شاخه دیگری است؛ هر مرحله تنها به مرحله‌های شاخه خودش یا به یک مرحله پایانی راه دارد',
    ],
    ['a duration must be longer than zero', 'مدت باید بیش از صفر باشد'],
    ...hinted(
      "expression reads '{name}', which no form or automatic step of this service provides",
      'عبارت «{name}» را می‌خواند، که هیچ فرم یا مرحله خودکار این خدمت آن را فراهم نمی‌کند{hint}',
    ),
    [
      "invalid expression '{text}': {why:expression-error} (at character {at})",
      'عبارت «{text}» نادرست است: {why} (در نویسه {at})',
    ],
    ["invalid expression '{text}': {why:expression-error}", 'عبارت «{text}» نادرست است: {why}'],
    ...hinted(
      "no form or automatic step of this service provides the field '{name}'",
      'هیچ فرم یا مرحله خودکار این خدمت فیلد «{name}» را فراهم نمی‌کند{hint}',
    ),
    ['form schema does not compile: {why:form-compile}', 'طرح‌واره فرم ساخته نمی‌شود: {why}'],
    ['the example does not fit its field: {why:ajv-errors}', 'نمونه با فیلدش نمی‌خواند: {why}'],
    [
      '`every` climbs the chain of superiors: it goes with `to: superior`',
      '`every` زنجیره مافوق‌ها را بالا می‌رود: با `to: superior` می‌آید',
    ],
    ['rungs must come in order of `after`', 'پله‌ها باید به ترتیب `after` بیایند'],
    [
      'the statutory deadline {statutory} is shorter than the target {target}',
      'مهلت قانونی {statutory} کوتاه‌تر از مهلت هدف {target} است',
    ],
    [
      '{feature:language-feature} is in the language, but the interpreter does not run it yet: a request would ignore it',
      '{feature} در زبان هست، اما مفسر هنوز آن را اجرا نمی‌کند: درخواست آن را نادیده می‌گرفت',
    ],
    [
      '{feature:language-feature} is in the language, but the interpreter does not run it yet',
      '{feature} در زبان هست، اما مفسر هنوز آن را اجرا نمی‌کند',
    ],
    [
      'an extension needs a bound in all: `maxShare` of the term, or `maxExtension`',
      'تمدید سقفی در مجموع می‌خواهد: `maxShare` از مهلت، یا `maxExtension`',
    ],
    [
      'the last step must be an end step or name its `next`',
      'آخرین مرحله باید مرحله پایانی باشد یا `next` خود را نام ببرد',
    ],
    [
      'only an outcome of a step done by an office or a department can be kept to roles: the applicant, an agency or whoever did another step hold none',
      'تنها نتیجه مرحله‌ای که دفتر یا اداره انجام می‌دهد را می‌توان به نقش‌ها محدود کرد: متقاضی، دستگاه بیرونی یا انجام‌دهنده مرحله‌ای دیگر نقشی ندارند',
    ],
    ...hinted(
      "the unit doing this step has no role '{role}' (its roles: {roles})",
      'واحد انجام‌دهنده این مرحله نقش «{role}» ندارد (نقش‌هایش: {roles}){hint}',
    ),
    [
      "outcome '{id}' is not a standard one and needs a title",
      'نتیجه «{id}» از نتیجه‌های استاندارد نیست و عنوان می‌خواهد',
    ],
    ...hinted(
      "onTimeout names '{value}', which is not an outcome of this step",
      '`onTimeout` نام «{value}» را می‌برد، که نتیجه این مرحله نیست{hint}',
    ),
    [
      'an assignee is exactly one of office, officeInField, department (with an optional role), sameAs, applicant',
      'انجام‌دهنده دقیقاً یکی از این‌هاست: office، officeInField، department (با نقشی اختیاری)، sameAs، applicant',
    ],
    [
      "sameAs must name a task step; '{id}' is a {kind}",
      '`sameAs` باید مرحله‌ای از گونه task را نام ببرد؛ «{id}» از گونه {kind} است',
    ],
    ...hinted("unknown office '{id}'", 'دفتری با شناسه «{id}» نیست{hint}'),
    ...hinted("unknown department '{id}'", 'اداره‌ای با شناسه «{id}» نیست{hint}'),
    ...hinted("unknown district '{id}'", 'منطقه‌ای با شناسه «{id}» نیست{hint}'),
    ...hinted("unknown agency '{id}'", 'دستگاهی با شناسه «{id}» نیست{hint}'),
    ...hinted("unknown fee '{id}'", 'هزینه‌ای با شناسه «{id}» نیست{hint}'),
    ...hinted(
      "department '{id}' has no role '{role}' (its roles: {roles})",
      'اداره «{id}» نقش «{role}» ندارد (نقش‌هایش: {roles}){hint}',
    ),
    [
      "the ladder of step '{id}' alerts the steering committee, {levels} levels above its unit, beyond its maxDepth {depth}",
      'نردبان مرحله «{id}» به کمیته راهبری خبر می‌دهد، {levels} سطح بالاتر از واحدش، فراتر از `maxDepth` آن ({depth})',
    ],
    [
      "a step with no SLA of its own has no deadline of its own to extend: extend the request's target",
      'مرحله‌ای که مهلتی از آنِ خود ندارد مهلتی برای تمدید ندارد: مهلت هدف درخواست را تمدید کنید',
    ],
    [
      'unknown placeholder {{name}}; use {trackingCode}, {service} or {data.<field>}',
      'جای‌نگهدار {{name}} شناخته نیست؛ {trackingCode}، {service} یا {data.<field>} را به کار ببرید',
    ],
    [
      'a task with outcomes names `next` on each outcome instead',
      'کاری که نتیجه‌هایی دارد `next` را به جای آن روی هر نتیجه می‌آورد',
    ],
    [
      "unknown action '{id}'; available: {actions}; did you mean '{name}'?",
      'کنشی با نام «{id}» نیست؛ کنش‌های موجود: {actions}؛ شاید منظور «{name}» است؟',
    ],
    ["unknown action '{id}'; available: {actions}", 'کنشی با نام «{id}» نیست؛ کنش‌های موجود: {actions}'],
    [
      "parameters of action '{id}' do not fit it: {why:ajv-errors}",
      'پارامترهای کنش «{id}» با آن نمی‌خوانند: {why}',
    ],
    [
      '`applicant: only` is for a task the citizen must do themselves; a message goes to `applicant: true`',
      '`applicant: only` برای کاری است که شهروند باید خودش انجام دهد؛ پیام به `applicant: true` می‌رود',
    ],
    ["step '{id}' can never be reached from the first step", 'از مرحله نخست هرگز به مرحله «{id}» نمی‌رسد'],
    [
      "from step '{id}' no path leads to an end step: a loop with no way out",
      'از مرحله «{id}» هیچ راهی به مرحله پایانی نمی‌رسد: حلقه‌ای بی‌راه بیرون',
    ],
    [
      "step '{earlier}' never runs before '{id}', so it has no actor to reuse",
      'مرحله «{earlier}» هرگز پیش از «{id}» اجرا نمی‌شود، پس انجام‌دهنده‌ای ندارد که دوباره به کار آید',
    ],
    [
      "step '{id}' can open with no outcome left ({spent}) by the way {way}; bound the outcome that leads here as tightly as the way back (`maxTimes`), or give the step another way out",
      'مرحله «{id}» از راه {way} ممکن است بی‌هیچ نتیجه باقی‌مانده‌ای باز شود ({spent})؛ نتیجه‌ای را که به این‌جا می‌رسد به همان اندازه راه بازگشت محدود کنید (`maxTimes`)، یا راه بیرون دیگری به مرحله بدهید',
    ],
    [
      'the service has no end step with result `completed`',
      'خدمت هیچ مرحله پایانی با نتیجه `completed` ندارد',
    ],
    [
      'the steps cannot fit the service SLA {sla}: the fastest way to completion ({way}) takes {time} by its step SLAs',
      'مرحله‌ها در مهلت خدمت ({sla}) نمی‌گنجند: تندترین راه تا انجام ({way}) با مهلت‌های مرحله‌هایش {time} طول می‌کشد',
    ],
    [
      "nobody can start '{id}' in {district}: {why}; allow it `online`, or license an office of the district or of a neighbouring one for it",
      'هیچ‌کس نمی‌تواند «{id}» را در {district} آغاز کند: {why}؛ آن را `online` مجاز کنید، یا به دفتری از همان منطقه یا منطقه‌ای همسایه مجوزش را بدهید',
    ],
    // Forms (lib/definitions/form-schemas.ts).
    [
      'a choice lists its options as `oneOf: [{ const, title, description }]`, each with its Persian and English label, not as a bare `enum`',
      'گزینه‌ها به شکل `oneOf: [{ const, title, description }]` می‌آیند، هر یک با برچسب فارسی و انگلیسی‌اش، نه به شکل `enum` خالی',
    ],
    ["option '{value}' needs {what:label-parts}", 'گزینه «{value}» {what} می‌خواهد'],
    ["field '{name}' needs {what:label-parts}", 'فیلد «{name}» {what} می‌خواهد'],
    // The organisation (lib/organisation/load-organisation.ts) and its calendar.
    ["duplicate id '{id}'", 'شناسه «{id}» تکراری است'],
    [
      'a person is bound to exactly one office or one department',
      'هر کس دقیقاً به یک دفتر یا یک اداره بسته است',
    ],
    ['office staff have no district', 'کارکنان دفتر منطقه ندارند'],
    [
      "staff of per-district '{id}' need the district they work in",
      'کارکنان «{id}» که در هر منطقه جداست منطقه‌ای را که در آن کار می‌کنند می‌خواهند',
    ],
    ["'{id}' is a city department, not a district's", '«{id}» اداره‌ای شهری است، نه اداره یک منطقه'],
    ...([
      ["unknown role '{role}'; here: {roles}", 'نقشی با نام «{role}» نیست؛ نقش‌های این‌جا: {roles}'],
      [
        "unknown role '{role}'{hint:did-you-mean}; here: {roles}",
        'نقشی با نام «{role}» نیست{hint}؛ نقش‌های این‌جا: {roles}',
      ],
    ] as [string, string][]),
    ["escalation from '{id}' comes back to it: {way}", 'ارجاع از «{id}» به خودش بازمی‌گردد: {way}'],
    ['closing time must be after opening time', 'ساعت پایان کار باید پس از ساعت آغاز آن باشد'],
    ['{date} is not a day of the Jalali calendar', '{date} روزی از تقویم جلالی نیست'],
  ],
  /** The descriptions of the schemas' patterns and forms (definitions/schemas). */
  'schema-description': [
    [
      'An identifier: lowercase letters, digits and dashes, starting with a letter.',
      'شناسه: حرف‌های کوچک لاتین، رقم و خط تیره، که با حرف آغاز شود.',
    ],
    [
      'an ISO 8601 duration in working time, such as P5D (five working days), PT4H (four working hours) or P1DT2H',
      'مدتی به قالب ISO 8601 به وقت اداری، مانند P5D (پنج روز کاری)، PT4H (چهار ساعت کاری) یا P1DT2H',
    ],
    [
      "a whole number of rials, or an expression over the request's data",
      'عددی درست به ریال، یا عبارتی بر داده‌های درخواست',
    ],
    [
      "The step's target, an ISO 8601 duration such as P5D or PT4H; or `service`: the step has no SLA of its own, its time counts only against the service's target.",
      'مهلت هدف مرحله، مدتی به قالب ISO 8601 مانند P5D یا PT4H؛ یا `service`: مرحله مهلتی از آنِ خود ندارد و زمانش تنها از مهلت هدف خدمت کاسته می‌شود.',
    ],
    [
      'A local time of day, HH:MM; 24:00 is the end of the day.',
      'ساعتی از روز به وقت محلی، HH:MM؛ 24:00 پایان روز است.',
    ],
    ['The date in the Persian (Jalali) calendar, YYYY-MM-DD.', 'تاریخ به تقویم جلالی، YYYY-MM-DD.'],
    ['A date in the Persian (Jalali) calendar, YYYY-MM-DD.', 'تاریخی به تقویم جلالی، YYYY-MM-DD.'],
  ],
  'json-type': [
    ['string', 'متن'],
    ['number', 'عدد'],
    ['integer', 'عدد صحیح'],
    ['boolean', 'بله یا خیر'],
    ['object', 'نگاشت (کلید و مقدار)'],
    ['array', 'فهرست'],
    ['null', 'تهی'],
  ],
  'label-parts': [
    ['{first:label-parts} and {rest:label-parts}', '{first} و {rest}'],
    ['a Persian `title`', '`title` فارسی'],
    ['an English `description`', '`description` انگلیسی'],
  ],
  'language-feature': [
    ['an outcome restricted to roles (`roles`)', 'نتیجه‌ای محدود به نقش‌ها (`roles`)'],
    [
      'a task the citizen must do themselves (`applicant: only`)',
      'کاری که شهروند باید خودش انجام دهد (`applicant: only`)',
    ],
    ['a status the citizen reads at a step (`status`)', 'وضعیتی که شهروند در یک مرحله می‌خواند (`status`)'],
    ['a step with no SLA of its own (`sla: service`)', 'مرحله‌ای بی‌مهلتی از آنِ خود (`sla: service`)'],
    [
      'a clock that stands still for an expected time and runs again by itself (`suspend`)',
      'ساعتی که برای زمانی پیش‌بینی‌شده می‌ایستد و خودبه‌خود دوباره راه می‌افتد (`suspend`)',
    ],
    [
      'extensions limited in number and as a share of the term (`extension`)',
      'تمدیدهای محدود به شمار و به سهمی از مهلت (`extension`)',
    ],
    ["a ladder's highest level (`maxDepth`)", 'بالاترین سطح نردبان (`maxDepth`)'],
    [
      'a rung that climbs one level higher every so often (`every`)',
      'پله‌ای که هر چندی یک سطح بالاتر می‌رود (`every`)',
    ],
  ],
};

/** YAML's own errors (rule `yaml/<code>`), which the parser words in English. */
export const YAML_ERRORS_FA: Record<string, string> = {
  'yaml/alias-props': 'نام مستعار نمی‌تواند برچسب یا لنگر داشته باشد',
  'yaml/bad-alias': 'نام مستعار نادرست است',
  'yaml/bad-collection-type': 'گونه این مجموعه نادرست است',
  'yaml/bad-directive': 'دستور YAML نادرست است',
  'yaml/bad-dq-escape': 'نویسه گریز در متن میان دو نشانه " نادرست است',
  'yaml/bad-indent': 'تورفتگی نادرست است',
  'yaml/bad-prop-order': 'ترتیب برچسب و لنگر نادرست است',
  'yaml/bad-scalar-start': 'مقدار با نویسه‌ای آغاز شده که YAML آن را نمی‌پذیرد',
  'yaml/block-as-implicit-key': 'بلوک را نمی‌توان کلید گرفت',
  'yaml/block-in-flow': 'بلوک درون { } یا [ ] نمی‌آید',
  'yaml/duplicate-key': 'کلید تکراری است',
  'yaml/impossible': 'YAML این سند را نمی‌تواند بخواند',
  'yaml/missing-char': 'نویسه‌ای جا افتاده است (مانند } یا ] یا ")',
  'yaml/multiline-implicit-key': 'کلید نمی‌تواند چندسطری باشد',
  'yaml/multiple-anchors': 'یک گره بیش از یک لنگر دارد',
  'yaml/multiple-docs': 'پرونده باید تنها یک سند داشته باشد',
  'yaml/multiple-tags': 'یک گره بیش از یک برچسب دارد',
  'yaml/non-string-key': 'کلید باید متن باشد',
  'yaml/resource-exhaustion': 'سند بیش از حد بزرگ یا تودرتو است',
  'yaml/tab-as-indent': 'تورفتگی با Tab است؛ با فاصله تورفتگی دهید',
  'yaml/tag-resolve-failed': 'برچسب شناخته نیست',
  'yaml/unexpected-token': 'نشانه‌ای نابه‌جا آمده است',
};
