/**
 * The API's messages in Persian: the title of every problem type, and every sentence a detail
 * can be made of, as English templates with their Persian. `{name}` stands for a value that is
 * carried over as it is (an id, a date, a number); `{name:kind}` for one that is itself put into
 * Persian by the word list or the sentences of that kind.
 */
import { DEFINITION_SENTENCES_FA } from './definition-message-catalog';
import type { ProblemSlug } from './problem';

export const PROBLEM_TITLES_FA: Record<ProblemSlug, string> = {
  'malformed-json': 'بدنه درخواست JSON معتبر نیست',
  'unreadable-body': 'بدنه درخواست را نمی‌توان چنان که سرآیندهایش می‌گویند خواند',
  'malformed-request': 'درخواست HTTP معتبر نیست',
  'invalid-text': 'متن نویسه‌هایی دارد که خواندنی نیستند',
  'invalid-request': 'درخواست با طرح‌واره‌اش نمی‌خواند',
  'invalid-tracking-code': 'کد رهگیری معتبر نیست',
  'invalid-task-id': 'شناسه کار معتبر نیست',
  unauthenticated: 'وارد شوید: این کار توکن ورود می‌خواهد',
  'invalid-token': 'توکن معتبر نیست',
  'token-expired': 'توکن منقضی شده است',
  'wrong-secret': 'کد رهگیری و رمز با هم نمی‌خوانند',
  forbidden: 'این کار برای این نقش مجاز نیست',
  'not-assignee': 'این کار در دست دیگری است',
  'not-found': 'چنین منبعی وجود ندارد',
  'request-not-found': 'درخواستی با این کد رهگیری نیست',
  'task-not-found': 'چنین کاری وجود ندارد',
  'version-not-found': 'چنین نسخه منتشرشده‌ای وجود ندارد',
  'method-not-allowed': 'این روش مجاز نیست',
  'task-not-open': 'این کار باز نیست',
  'task-not-claimed': 'کسی این کار را برنداشته است',
  'task-claimed': 'کس دیگری این کار را برداشته است',
  'idempotency-key-reused': 'این Idempotency-Key برای فراخوانی دیگری به کار رفته است',
  'idempotency-key-used': 'این Idempotency-Key پیش‌تر درخواستی را آغاز کرده است',
  'nothing-asked': 'درخواست منتظر متقاضی نیست',
  'bill-not-due': 'این قبض قابل پرداخت نیست',
  'licence-change-refused': 'مجوز را نمی‌توان چنین تغییر داد',
  'invalid-licence-change': 'این تغییر مجوز با کار خواسته‌شده نمی‌خواند',
  'request-not-active': 'این درخواست پیش‌تر پایان یافته است',
  'payload-too-large': 'بدنه درخواست بیش از اندازه بزرگ است',
  'unsupported-media-type': 'بدنه درخواست باید application/json باشد',
  'unknown-service': 'چنین خدمتی وجود ندارد',
  'unknown-district': 'چنین منطقه‌ای وجود ندارد',
  'office-not-eligible': 'این دفتر نمی‌تواند این درخواست را بپذیرد',
  'intake-not-allowed': 'این خدمت را نمی‌توان این‌گونه آغاز کرد',
  'invalid-form-data': 'داده‌ها با فرم نمی‌خوانند',
  'outcome-not-allowed': 'این مرحله چنین نتیجه‌ای را نمی‌پذیرد',
  'invalid-definition': 'تعریف ایراد دارد',
  'task-cannot-move': 'این کار را نمی‌توان چنین جابه‌جا کرد',
  'invalid-deadline-change': 'مهلت را نمی‌توان چنین تغییر داد',
  'invalid-received-time': 'درخواست نمی‌تواند در آن زمان دریافت شده باشد',
  'rate-limited': 'فراخوانی‌ها بیش از حد است؛ آهسته‌تر',
  'headers-too-large': 'نشانی یا سرآیندهای درخواست بیش از حد بلند است',
  'not-ready': 'سامانه هنوز آماده نیست',
  'temporal-unavailable': 'سامانه گردش کار در دسترس نیست',
  internal: 'خطای داخلی',
};

/** Words that stand in sentences: states, roles, channels, types. */
export const WORDS_FA: Record<string, Record<string, string>> = {
  state: {
    active: 'جاری',
    completed: 'انجام‌شده',
    rejected: 'ردشده',
    cancelled: 'لغوشده',
    expired: 'منقضی',
    due: 'سررسیدشده',
    paid: 'پرداخت‌شده',
    refunded: 'مسترد',
    waived: 'بخشوده',
  },
  role: {
    'a process designer': 'طراح فرایند',
    'office staff': 'کارکنان دفتر',
    'department staff': 'کارکنان اداره',
    'a manager': 'مدیر',
    'an inspector': 'بازرس',
    'an administrator': 'راهبر سامانه',
    'the applicant': 'متقاضی',
    'process designers': 'طراحان فرایند',
    managers: 'مدیران',
    inspectors: 'بازرسان',
    administrators: 'راهبران سامانه',
  },
  channel: { 'at an office': 'در دفتر', online: 'برخط', department: 'در اداره' },
  'ajv-type': {
    string: 'متن',
    integer: 'عدد صحیح',
    number: 'عدد',
    boolean: 'بله یا خیر',
    object: 'شیء',
    array: 'فهرست',
    null: 'تهی',
  },
  where: { body: 'بدنه', path: 'مسیر', query: 'پرسش' },
  what: { calls: 'فراخوانی', 'wrong secrets for a request': 'رمز نادرست برای یک درخواست' },
  licence: { active: 'فعال', suspended: 'تعلیق‌شده', revoked: 'لغوشده', expired: 'منقضی' },
  // What the registry says a licence cannot be: `${action}d`, so some read oddly in English.
  action: {
    suspendd: 'تعلیق',
    suspended: 'تعلیق',
    revoked: 'لغو',
    reinstated: 'اعاده',
    renewd: 'تمدید',
    renewed: 'تمدید',
    expired: 'منقضی',
    grantd: 'اعطا',
    granted: 'اعطا',
  },
};

/** Sentences of each kind, English template → Persian. The kind `detail` is where every detail starts. */
export const SENTENCES_FA: Record<string, [string, string][]> = {
  detail: [
    ['The token has expired; sign in again.', 'توکن منقضی شده است؛ دوباره وارد شوید.'],
    ['The token is not one this server issued.', 'این توکن را این سامانه صادر نکرده است.'],
    ['The token does not say who and in what role.', 'توکن نمی‌گوید دارنده‌اش کیست و چه نقشی دارد.'],
    [
      'Send the token as "Authorization: Bearer <token>".',
      'توکن را به شکل "Authorization: Bearer <token>" بفرستید.',
    ],
    ['Send a bearer token.', 'توکن ورود (Bearer) بفرستید.'],
    [
      'Idempotency-Key must be 8 to 100 letters, digits or . _ : -',
      'Idempotency-Key باید ۸ تا ۱۰۰ حرف، رقم یا . _ : - باشد',
    ],
    [
      'The workflow service cannot be reached; try again in a moment.',
      'سامانه گردش کار در دسترس نیست؛ لحظه‌ای دیگر دوباره تلاش کنید.',
    ],
    [
      'The server could not complete the request; it has been logged.',
      'سرور نتوانست درخواست را انجام دهد؛ خطا ثبت شد.',
    ],
    ['Nothing at {method} {path}', 'در {method} {path} چیزی نیست'],
    ['You have no notification {id}.', 'اعلانی با شناسه {id} برای شما نیست.'],
    ['The sign-in has expired; sign in again.', 'ورود منقضی شده است؛ دوباره وارد شوید.'],
    [
      "The token is not one the city's identity provider issued.",
      'این توکن را سامانه احراز هویت شهر صادر نکرده است.',
    ],
    [
      "The identity provider signed in '{person}', who is not among the people of the organisation.",
      'سامانه احراز هویت «{person}» را وارد کرد که در میان کارکنان سازمان نیست.',
    ],
    [
      "Choosing a person without a password is for development only; sign in at the city's identity provider.",
      'انتخاب شخص بدون گذرواژه فقط برای توسعه است؛ از راه سامانه احراز هویت شهر وارد شوید.',
    ],
    ["There is no person '{person}'.", 'شخصی با شناسه «{person}» نیست.'],
    [
      "The range is empty: 'from' ({from}) is not before 'to' ({to}).",
      'بازه خالی است: آغاز ({from}) پیش از پایان ({to}) نیست.',
    ],
    ['A report covers at most {days} days.', 'هر گزارش دست‌بالا {days} روز را در بر می‌گیرد.'],
    ['Send the definition as application/yaml.', 'تعریف را با نوع application/yaml بفرستید.'],
    ['Send the body as application/json.', 'بدنه را با نوع application/json بفرستید.'],
    ['The answer of {operation} did not match its schema.', 'پاسخ {operation} با طرح‌واره‌اش نخواند.'],
    ['{summary}: send a bearer token.', 'برای این کار توکن ورود (Bearer) بفرستید.'],
    [
      '{summary}: only {roles:roles} may do this; you are signed in as {role:role}.',
      'این کار فقط از {roles} برمی‌آید؛ شما با نقش {role} وارد شده‌اید.',
    ],
    ['{where:where}: {errors:field-errors}', '{where}: {errors}'],
    [
      'A request cannot be received in the future ({at}).',
      'درخواست نمی‌تواند در آینده دریافت شده باشد ({at}).',
    ],
    [
      'A request is registered at most {days} days after it was received ({at}).',
      'درخواست حداکثر {days} روز پس از دریافت ثبت می‌شود ({at}).',
    ],
    ['No request has tracking code {code}.', 'درخواستی با کد رهگیری {code} نیست.'],
    ['No request you can see has tracking code {code}.', 'درخواستی با کد رهگیری {code} که شما ببینید نیست.'],
    ["There is no service '{service}'.", 'خدمتی با شناسه «{service}» نیست.'],
    ["There is no district '{district}'.", 'منطقه‌ای با شناسه «{district}» نیست.'],
    [
      'A request taken at an office comes in through the office channel.',
      'درخواستی که در دفتر پذیرفته می‌شود از مسیر دفتر وارد می‌شود.',
    ],
    ["Service '{service}' starts only {channels:channels}.", 'خدمت «{service}» فقط {channels} آغاز می‌شود.'],
    [
      "A request taken at an office is that office's; only online requests choose one.",
      'درخواستی که در دفتر پذیرفته شده از آن همان دفتر است؛ فقط درخواست برخط دفتر برمی‌گزیند.',
    ],
    [
      "Service '{service}' gives its office work out by rule; the applicant does not choose.",
      'کار دفتری خدمت «{service}» به حکم قاعده سپرده می‌شود؛ متقاضی دفتر را برنمی‌گزیند.',
    ],
    [
      "Office '{office}' may not take this request: {why:eligibility}.",
      'دفتر «{office}» نمی‌تواند این درخواست را بپذیرد: {why}.',
    ],
    [
      "Office '{office}' may not take this task: {why:eligibility}.",
      'دفتر «{office}» نمی‌تواند این کار را بپذیرد: {why}.',
    ],
    [
      'This Idempotency-Key already started a different request; use a new key for a new request.',
      'این Idempotency-Key پیش‌تر درخواست دیگری را آغاز کرده است؛ برای درخواست تازه کلید تازه بفرستید.',
    ],
    ["There is no department or role '{unit}'.", 'اداره یا نقشی با نام «{unit}» نیست.'],
    ["'{id}' is not a task id.", '«{id}» شناسه کار نیست.'],
    ['Request {code} is not waiting on the applicant.', 'درخواست {code} منتظر متقاضی نیست.'],
    ['Say which answer: {outcomes}.', 'بگویید کدام پاسخ: {outcomes}.'],
    [
      'The body nests deeper than {count} levels of objects and lists.',
      'بدنه بیش از {count} سطح شیء و فهرست تودرتو است.',
    ],
    ['Request {code} has ended ({state:state}).', 'درخواست {code} پایان یافته است ({state}).'],
    [
      'Request {code} did not answer within {count} s; try again in a moment.',
      'درخواست {code} در {count} ثانیه پاسخ نداد؛ اندکی بعد دوباره بکوشید.',
    ],
    [
      'Only managers, inspectors and admins read the work of another holder.',
      'کار دیگران را فقط مدیران، بازرسان و راهبران می‌بینند.',
    ],
    [
      'More than {count} {what:what} a minute; wait and try again.',
      'بیش از {count} {what} در دقیقه؛ اندکی صبر کنید و دوباره بکوشید.',
    ],
    ["There is no office '{office}'.", 'دفتری با شناسه «{office}» نیست.'],
    ['{day} is not a day of the Jalali calendar.', '{day} روزی از تقویم شمسی نیست.'],
    ['{count} problem(s) in the definition', '{count} ایراد در تعریف'],
    ['There is no task {id}.', 'کاری با شناسه {id} نیست.'],
    [
      'Task {id} is held by {holder}; you do not act for it.',
      'کار {id} در دست {holder} است؛ شما از سوی او کار نمی‌کنید.',
    ],
    ["'{text}' is not a tracking code: check the digits.", '«{text}» کد رهگیری نیست: ارقام را بررسی کنید.'],
    [
      'A request taken at an office or a department needs its staff to sign in.',
      'درخواستی که در دفتر یا اداره پذیرفته می‌شود نیاز دارد کارکنان آن وارد شوند.',
    ],
    [
      'Only staff register a request received earlier.',
      'درخواستِ پیش‌تر دریافت‌شده را فقط کارکنان ثبت می‌کنند.',
    ],
    [
      'You work for office {office}; you cannot take requests in for {other}.',
      'شما کارمند دفتر {office} هستید؛ نمی‌توانید برای {other} درخواست بپذیرید.',
    ],
    ['Department staff take requests in at the department.', 'کارکنان اداره درخواست را در اداره می‌پذیرند.'],
    [
      "You work for the department of district {district}; a request of {other} is taken in at that district's.",
      'شما کارمند اداره منطقه {district} هستید؛ درخواست منطقه {other} را اداره همان منطقه می‌پذیرد.',
    ],
    [
      'Only office and department staff take requests in; {roles:roles} do not.',
      'فقط کارکنان دفتر و اداره درخواست می‌پذیرند؛ {roles} نه.',
    ],
    ['The tracking code and secret do not match.', 'کد رهگیری و رمز با هم نمی‌خوانند.'],
    [
      'Sign in, or open your request with its tracking code and secret.',
      'وارد شوید، یا درخواست خود را با کد رهگیری و رمزش بگشایید.',
    ],
    [
      'Open your request with its tracking code and secret first.',
      'نخست درخواست خود را با کد رهگیری و رمزش بگشایید.',
    ],
    [
      'Only the applicant, or the office that took the request in, may do this.',
      'این کار فقط از متقاضی، یا دفتری که درخواست را پذیرفته، برمی‌آید.',
    ],
    [
      "Only the applicant themselves may answer step '{step}'; no office may answer it for them.",
      'به مرحله «{step}» فقط خود متقاضی پاسخ می‌دهد؛ هیچ دفتری نمی‌تواند به جای او پاسخ دهد.',
    ],
    [
      'Only a manager, or staff holding open work of the request, may change its clock.',
      'ساعت درخواست را فقط مدیر، یا کارکنانی که کار باز آن را در دست دارند، تغییر می‌دهند.',
    ],
    ["service '{service}' has no published version", 'خدمت «{service}» نسخه منتشرشده‌ای ندارد'],
    ["service '{service}' has no version {version}", 'خدمت «{service}» نسخه {version} ندارد'],
    [
      'The token lasts longer than this server allows ({hours} hours); sign in again.',
      'اعتبار این توکن بیش از حدی است که این سامانه می‌پذیرد ({hours} ساعت)؛ دوباره وارد شوید.',
    ],
    [
      'The address and headers together must stay under 16 kB; send long values in a body.',
      'نشانی و سرآیندها روی هم باید کمتر از ۱۶ کیلوبایت باشند؛ مقدارهای بلند را در بدنه بفرستید.',
    ],
    ['The server could not read the request as HTTP/1.1.', 'سرور نتوانست درخواست را به شکل HTTP/1.1 بخواند.'],
    ['Send JSON in UTF-8.', 'JSON را با نویسه‌گذاری UTF-8 بفرستید.'],
    [
      'The body is not encoded as its Content-Encoding ({encoding}) says.',
      'بدنه چنان که Content-Encoding آن ({encoding}) می‌گوید رمزگذاری نشده است.',
    ],
    ['Task {id} is not claimed: it is in its pool already.', 'کار {id} برداشته نشده است: در صف کار است.'],
    [
      "Send the metrics token, or an administrator's token, as a bearer token.",
      'توکن سنجه‌ها، یا توکن یک راهبر، را به شکل توکن ورود (Bearer) بفرستید.',
    ],
    [
      'Only the metrics scraper and administrators read the metrics.',
      'سنجه‌ها را فقط گردآورنده سنجه‌ها و راهبران می‌خوانند.',
    ],
    [
      'Only managers and administrators read what Temporal holds.',
      'آنچه Temporal نگه می‌دارد را فقط مدیران و راهبران می‌خوانند.',
    ],
    [
      'Send { "payloads": [{ "metadata": { name: base64 }, "data": base64 }] }, at most {count} of them.',
      'بفرستید { "payloads": [{ "metadata": { name: base64 }, "data": base64 }] }، دست‌بالا {count} تا.',
    ],
    ['{path} takes {methods}, not {method}.', '{path} روش {methods} را می‌پذیرد، نه {method} را.'],
    [
      'This Idempotency-Key has started a request already; its tracking code and secret were in the answer to that call, and are not given again without a token.',
      'این Idempotency-Key پیش‌تر درخواستی را آغاز کرده است؛ کد رهگیری و رمز آن در پاسخ همان فراخوانی بود و بی‌توکن دوباره داده نمی‌شود.',
    ],
    // Refusals of the workflow: the request's and the licence registry's.
    ['the clock already stands still since {at}: {reason}', 'ساعت از {at} ایستاده است: {reason}'],
    ['say why the clock stops', 'بگویید چرا ساعت می‌ایستد'],
    ['the clock is running', 'ساعت در جریان است'],
    [
      'the clock stands still until the applicant answers task {id}',
      'ساعت تا پاسخ متقاضی به کار {id} ایستاده است',
    ],
    ['no open task {id} of this request', 'این درخواست کار بازی با شناسه {id} ندارد'],
    [
      'the clock stands still while task {id} is open, until {until} at most',
      'ساعت تا هنگامی که کار {id} باز است، دست‌بالا تا {until}، ایستاده است',
    ],
    [
      "step '{step}' has no deadline of its own: it is due when the request is; extend the request",
      'مرحله «{step}» مهلتی از خود ندارد: سررسید آن سررسید درخواست است؛ مهلت درخواست را تمدید کنید',
    ],
    ["'{duration}' is not a duration such as P2D or PT4H", '«{duration}» مدتی مانند P2D یا PT4H نیست'],
    ['say why the deadline is extended', 'بگویید چرا مهلت تمدید می‌شود'],
    ['the definition allows no extension of {what:extended}', 'تعریف خدمت تمدید {what} را مجاز نمی‌داند'],
    [
      '{what:extended} may be extended by {max} in all; {by} more would go beyond it',
      '{what} روی هم تا {max} تمدیدپذیر است؛ {by} بیشتر از آن می‌گذرد',
    ],
    [
      'the number of extensions of {what:extended} is limited to {times}, and it has had {done}',
      'شمار تمدیدهای {what} دست‌بالا {times} است و تاکنون {done} بار تمدید شده است',
    ],
    [
      '{what:extended} may be extended by {share} of its term {term} in all; {by} more would go beyond it',
      '{what} روی هم تا {share} مدت خود ({term}) تمدیدپذیر است؛ {by} بیشتر از آن می‌گذرد',
    ],
    ['request {code} has ended ({state:state})', 'درخواست {code} پایان یافته است ({state})'],
    ['request {code} has no task {id}', 'درخواست {code} کاری با شناسه {id} ندارد'],
    [
      "task {id} is not open: it was completed with '{outcome}' at {at}",
      'کار {id} باز نیست: در {at} با نتیجه «{outcome}» انجام شد',
    ],
    ['task {id} is not open: it was cancelled at {at}', 'کار {id} باز نیست: در {at} لغو شد'],
    ['task {id} is not open', 'کار {id} باز نیست'],
    ['task {id} is not claimed', 'کار {id} برداشته نشده است'],
    [
      'only a renewal sets a new last day of validity; a licence keeps its own when it is {action:action}',
      'فقط تمدید، آخرین روز اعتبار تازه تعیین می‌کند؛ مجوز در {action} آخرین روز خود را نگه می‌دارد',
    ],
    [
      'a renewal names its new last day of validity (validUntil)',
      'تمدید باید آخرین روز اعتبار تازه را بگوید (validUntil)',
    ],
    ['a renewal runs past today; {day} has come already', 'تمدید باید از امروز فراتر رود؛ {day} گذشته است'],
    [
      'a licence is renewed for at most {years} years beyond {from}, until {latest}; {day} is later',
      'مجوز دست‌بالا {years} سال پس از {from}، تا {latest}، تمدید می‌شود؛ {day} دیرتر است',
    ],
    [
      'update {name} refused: it did not come through the API',
      'به‌روزرسانی {name} پذیرفته نشد: از راه API نیامده است',
    ],
    [
      'task {id} is held by {holder}; you do not act for it',
      'کار {id} در دست {holder} است؛ شما از سوی او کار نمی‌کنید',
    ],
    ['task {id} is claimed by {who}', 'کار {id} را {who} برداشته است'],
    [
      "step '{step}' does not allow the outcome '{outcome}'; allowed: {allowed}",
      'مرحله «{step}» نتیجه «{outcome}» را نمی‌پذیرد؛ نتیجه‌های مجاز: {allowed}',
    ],
    [
      "Only a holder of one of the roles {roles} may take the outcome '{outcome}' of step '{step}'.",
      'نتیجه «{outcome}» مرحله «{step}» را فقط دارنده یکی از نقش‌های {roles} می‌تواند برگزیند.',
    ],
    [
      "outcome '{outcome}' of step '{step}' was already taken as many times as allowed",
      'نتیجه «{outcome}» مرحله «{step}» به شمار مجاز برگزیده شده است',
    ],
    [
      'task {id} waits on the applicant or the treasury; it cannot move',
      'کار {id} منتظر متقاضی یا خزانه است؛ جابه‌جا نمی‌شود',
    ],
    ['task {id} is already held by {holder}', 'کار {id} هم‌اکنون در دست {holder} است'],
    ['say why the task moves', 'بگویید چرا کار جابه‌جا می‌شود'],
    ['request {code} has no bill {bill}', 'درخواست {code} قبضی با شناسه {bill} ندارد'],
    ['bill {bill} is not due: it is {status:state}', 'قبض {bill} قابل پرداخت نیست: {status} است'],
    ['a payment needs its receipt', 'پرداخت بی رسید پذیرفته نیست'],
    ['say why the request is withdrawn', 'بگویید چرا درخواست پس گرفته می‌شود'],
    ["no office '{office}' holds a licence", 'دفتری با شناسه «{office}» مجوز ندارد'],
    ['a {status:licence} licence cannot be {action:action}', 'مجوز {status} را نمی‌توان {action} کرد'],
    ['say why', 'بگویید چرا'],
    ['{errors:form-errors}', '{errors}'],
  ],
  /** Why an office may not take a request (lib/organisation/organisation.ts). */
  eligibility: [
    ['there is no such office', 'چنین دفتری نیست'],
    ['unknown office', 'دفتر ناشناخته'],
    ['licence expired after {day}', 'مجوز پس از {day} منقضی شده است'],
    ['licence {status:licence}: {reason}', 'مجوز {status} است: {reason}'],
    ['licence {status:licence}', 'مجوز {status} است'],
    [
      'licence does not cover {domain} or {service}',
      'مجوز حوزه {domain} یا خدمت {service} را در بر نمی‌گیرد',
    ],
    ['does not serve district {district}', 'به منطقه {district} خدمت نمی‌دهد'],
  ],
  extended: [
    ["step '{step}'", 'مرحله «{step}»'],
    ['the request', 'درخواست'],
  ],
  /** The channels a service starts through, joined by "or". */
  channels: [
    ['{first:channel} or {rest:channels}', '{first} یا {rest}'],
    ['{only:channel}', '{only}'],
  ],
  roles: [
    ['{first:roles}, {rest:roles}', '{first}، {rest}'],
    ['{first:role} or {rest:role}', '{first} یا {rest}'],
    ['{only:role}', '{only}'],
  ],
  /** Problems of the fields of a request body (api/validation.ts, Ajv's messages). */
  'field-errors': [
    ['{first:field-error}; {rest:field-errors}', '{first}؛ {rest}'],
    ['{only:field-error}', '{only}'],
  ],
  'field-error': [['{path}: {message:schema-message}', '{path}: {message}']],
  /**
   * Ajv's messages, and those of api/validation.ts. Every keyword of Ajv's draft 2020-12 that can
   * refuse a value has its message here (test/unit/messages.test.ts makes each refuse one).
   */
  'schema-message': [
    ['unknown field', 'فیلد ناشناخته'],
    ['is required', 'لازم است'],
    ['must be {type:ajv-types}', 'باید {type} باشد'],
    ['must NOT have fewer than {count} characters', 'باید دست‌کم {count} نویسه باشد'],
    ['must NOT have more than {count} characters', 'باید حداکثر {count} نویسه باشد'],
    ['must NOT have fewer than {count} items', 'باید دست‌کم {count} مورد داشته باشد'],
    ['must NOT have more than {count} items', 'باید حداکثر {count} مورد داشته باشد'],
    ['must NOT have fewer than {count} properties', 'باید دست‌کم {count} کلید داشته باشد'],
    ['must match pattern "{pattern}"', 'باید با الگوی "{pattern}" بخواند'],
    ['must match format "{format}"', 'باید در قالب "{format}" باشد'],
    ['must be equal to one of the allowed values', 'باید یکی از مقدارهای مجاز باشد'],
    ['must be equal to constant', 'باید همان مقدار ثابت باشد'],
    ['must be >= {limit}', 'باید دست‌کم {limit} باشد'],
    ['must be <= {limit}', 'باید حداکثر {limit} باشد'],
    ['must be > {limit}', 'باید بیش از {limit} باشد'],
    ['must be < {limit}', 'باید کمتر از {limit} باشد'],
    ['must NOT have duplicate items (items ## {a} and {b} are identical)', 'نباید مورد تکراری داشته باشد'],
    ['must match exactly one schema in oneOf', 'باید دقیقاً با یکی از شکل‌ها بخواند'],
    ['must match a schema in anyOf', 'باید با یکی از شکل‌ها بخواند'],
    ['is invalid', 'نامعتبر است'],
    ['holds half of a character (a lone surrogate)', 'نیمی از یک نویسه را دارد (جانشین تنها)'],
    ['holds a control character ({code})', 'نویسه کنترلی دارد ({code})'],
    [
      'holds a character that reorders the text ({code})',
      'نویسه‌ای دارد که ترتیب متن را جابه‌جا می‌کند ({code})',
    ],
    ['is blank: only spaces or invisible characters', 'خالی است: فقط فاصله یا نویسه‌های نادیدنی'],
    // ajv-formats' bounds of a date or time (formatMaximum and the like).
    ['should be >= {limit}', 'باید {limit} یا پس از آن باشد'],
    ['should be <= {limit}', 'باید {limit} یا پیش از آن باشد'],
    ['should be > {limit}', 'باید پس از {limit} باشد'],
    ['should be < {limit}', 'باید پیش از {limit} باشد'],
    ['must be multiple of {limit}', 'باید مضربی از {limit} باشد'],
    ['must NOT be valid', 'نباید با شکلی که رد شده است بخواند'],
    ['must match "{clause}" schema', 'باید با شکل بخش «{clause}» بخواند'],
    ["must have required property '{name}'", 'باید کلید لازم «{name}» را داشته باشد'],
    ['must NOT have additional properties', 'نباید کلیدی بیش از کلیدهای تعریف‌شده داشته باشد'],
    ['must NOT have more than {count} properties', 'باید حداکثر {count} کلید داشته باشد'],
    ['must NOT have unevaluated properties', 'نباید کلیدی بیرون از کلیدهای تعریف‌شده داشته باشد'],
    ['must NOT have unevaluated items', 'نباید موردی بیرون از موردهای تعریف‌شده داشته باشد'],
    ['must contain at least {count} valid item(s)', 'باید دست‌کم {count} مورد درست داشته باشد'],
    ['must contain at most {count} valid item(s)', 'باید حداکثر {count} مورد درست داشته باشد'],
    [
      'must have property {names} when property {name} is present',
      'وقتی کلید {name} هست، باید کلید {names} را هم داشته باشد',
    ],
    [
      'must have properties {names} when property {name} is present',
      'وقتی کلید {name} هست، باید کلیدهای {names} را هم داشته باشد',
    ],
    ['property name must be valid', 'نام کلید باید درست باشد'],
    ['boolean schema is false', 'این‌جا هیچ مقداری پذیرفته نیست'],
  ],
  /** The types of Ajv's `must be string,null`. */
  'ajv-types': [
    ['{first:ajv-type},{rest:ajv-types}', '{first} یا {rest}'],
    ['{only:ajv-type}', '{only}'],
  ],
  /** Ajv's errors as a definition's problem quotes them: `/0 must be string; value must be integer`. */
  'ajv-errors': [
    ['{first:ajv-error}; {rest:ajv-errors}', '{first}؛ {rest}'],
    ['{only:ajv-error}', '{only}'],
  ],
  'ajv-error': [['{path:ajv-path} {message:schema-message}', '{path} {message}']],
  'ajv-path': [
    ['value', 'مقدار'],
    ['{pointer}', '{pointer}'],
  ],
  /** Why Ajv cannot compile a form's schema (lib/definitions/form-schemas.ts). */
  'form-compile': [
    ['strict mode: unknown keyword: "{keyword}"', 'کلیدواژه «{keyword}» شناخته نیست'],
    [
      'strict mode: missing type "{type}" for keyword "{keyword}" at "{path}" (strictTypes)',
      'کلیدواژه «{keyword}» در «{path}» نوع «{type}» را می‌خواهد (`type: {type}`)',
    ],
    [
      'unknown format "{format}" ignored in schema at path "{path}"',
      'قالب «{format}» در «{path}» شناخته نیست',
    ],
    ['schema is invalid: {errors:schema-errors}', 'طرح‌واره نادرست است: {errors}'],
  ],
  'schema-errors': [
    ['{first:schema-error}, {rest:schema-errors}', '{first}، {rest}'],
    ['{only:schema-error}', '{only}'],
  ],
  'schema-error': [['data{path} {message:schema-message}', '{path} {message}']],
  /** Why an expression of a definition cannot be read (lib/expressions/parse.ts, and jsep's own). */
  'expression-error': [
    ['Expected expression after {operator}', 'پس از {operator} عبارتی باید بیاید'],
    ['Expected expression', 'عبارتی باید بیاید'],
    ['Expected comma', 'ویرگول باید بیاید'],
    ['Expected exponent ({text})', 'توان عدد نیامده است ({text})'],
    ['Expected {character}', '«{character}» باید بیاید'],
    ['Unclosed (', 'پرانتز بسته نشده است'],
    ['Unclosed [', 'کروشه بسته نشده است'],
    ['Unclosed quote after "{text}"', 'نشانه نقل‌قول پس از «{text}» بسته نشده است'],
    ['Unexpected period', 'نقطه نابه‌جا آمده است'],
    ['Unexpected token {character}', 'نشانه «{character}» نابه‌جا آمده است'],
    ['Unexpected "{character}"', '«{character}» نابه‌جا آمده است'],
    ['Unexpected {character}', '«{character}» نابه‌جا آمده است'],
    ['Variable names cannot start with a number ({text})', 'نام نمی‌تواند با رقم آغاز شود ({text})'],
    ['missing unaryOp argument', 'عملگر یک‌عملوندی عملوندی ندارد'],
    ['unsupported literal {text}', 'مقدار ثابت {text} پذیرفته نیست'],
    [
      'only plain field names such as parcel.area are allowed',
      'تنها نام ساده فیلدها، مانند parcel.area، پذیرفته است',
    ],
    ["unsupported operator '{operator}'", 'عملگر «{operator}» پذیرفته نیست'],
    ["unknown function '{name}'; available: {names}", 'تابع «{name}» شناخته نیست؛ تابع‌های موجود: {names}'],
    ['{name}() takes one argument', '{name}() یک آرگومان می‌گیرد'],
    ['{name}() takes one or more arguments', '{name}() یک یا چند آرگومان می‌گیرد'],
    ['unsupported syntax ({kind})', 'ساختار {kind} پذیرفته نیست'],
  ],
  /** Problems of form data (lib/forms/form-data.ts), joined by "; ". */
  'form-errors': [
    ['{first:form-error}; {rest:form-errors}', '{first}؛ {rest}'],
    ['{only:form-error}', '{only}'],
  ],
  'form-error': [
    ["unknown field '{field}'", 'فیلد ناشناخته «{field}»'],
    ["missing field '{field}'", 'فیلد «{field}» پر نشده است'],
    ["'{field}' must be one of: {options}", '«{field}» باید یکی از این‌ها باشد: {options}'],
    ["'{field}' matches none of its forms", '«{field}» با هیچ‌یک از شکل‌هایش نمی‌خواند'],
    ["'{field}' must be at least {count} characters", '«{field}» باید دست‌کم {count} نویسه باشد'],
    ["'{field}' must be at most {count} characters", '«{field}» باید حداکثر {count} نویسه باشد'],
    ["'{field}' must have at least {count} items", '«{field}» باید دست‌کم {count} مورد داشته باشد'],
    ["'{field}' must have at most {count} items", '«{field}» باید حداکثر {count} مورد داشته باشد'],
    ["'{field}' must not repeat an item", '«{field}» نباید مورد تکراری داشته باشد'],
    ["'{field}' is not in the expected form", '«{field}» به شکل خواسته‌شده نیست'],
    ["'{field}' must be at least {limit}", '«{field}» باید دست‌کم {limit} باشد'],
    ["'{field}' must be at most {limit}", '«{field}» باید حداکثر {limit} باشد'],
    ["'{field}' must be more than {limit}", '«{field}» باید بیش از {limit} باشد'],
    ["'{field}' must be less than {limit}", '«{field}» باید کمتر از {limit} باشد'],
    // Before the kinds of value, whose last form takes any value as it is.
    ["'{field}' must be a multiple of {limit}", '«{field}» باید مضربی از {limit} باشد'],
    ["'{field}' must be {kind:value-kind}", '«{field}» باید {kind} باشد'],
    ["'{field}' is a number too large to keep", '«{field}» عددی بزرگ‌تر از آن است که بتوان نگه داشت'],
    ["'{field}' names no licensed office: {office}", '«{field}» دفتر دارای مجوزی را نام نمی‌برد: {office}'],
    ["'{field}' holds a value the form does not allow", '«{field}» مقداری دارد که فرم نمی‌پذیرد'],
    ["'{field}' must have at least {count} fields", '«{field}» باید دست‌کم {count} فیلد داشته باشد'],
    ["'{field}' must have at most {count} fields", '«{field}» باید حداکثر {count} فیلد داشته باشد'],
    ["'{field}' is not a name the form allows", 'فرم نامی چون «{field}» را نمی‌پذیرد'],
    [
      "missing field '{field}', which '{other}' needs",
      'فیلد «{field}» که «{other}» به آن نیاز دارد پر نشده است',
    ],
    ["'{field}' must hold an item that fits the form", '«{field}» باید موردی داشته باشد که با فرم بخواند'],
    [
      "'{field}' must hold at least {count} items that fit the form",
      '«{field}» باید دست‌کم {count} مورد داشته باشد که با فرم بخوانند',
    ],
    [
      "'{field}' must hold at most {count} items that fit the form",
      '«{field}» باید حداکثر {count} مورد داشته باشد که با فرم بخوانند',
    ],
    ["'{field}' does not fit the form", '«{field}» با فرم نمی‌خواند'],
    // The workflow's own check of a step without a form (workflows/request-case.ts).
    ["step '{step}' collects no data", 'مرحله «{step}» داده‌ای نمی‌گیرد'],
  ],
  'value-kind': [
    ['{first:value-kind} or {rest:value-kind}', '{first} یا {rest}'],
    ['a number', 'عدد'],
    ['a whole number', 'عدد صحیح'],
    ['text', 'متن'],
    ['yes or no', 'بله یا خیر'],
    ['an object', 'شیء'],
    ['a list', 'فهرست'],
    ['empty', 'خالی'],
    ['a date (YYYY-MM-DD)', 'تاریخ (YYYY-MM-DD)'],
    ['a date and time', 'تاریخ و ساعت'],
    ['an email address', 'نشانی رایانامه'],
    ['true', 'تأییدشده'],
    ['{value}', '{value}'],
  ],
  ...DEFINITION_SENTENCES_FA,
};
