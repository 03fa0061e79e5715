/**
 * JSON Schemas of the API's answers. The server checks every answer against these before it
 * leaves, and the OpenAPI document publishes the same objects.
 */
const str = { type: 'string' } as const;
const int = { type: 'integer', minimum: 0 } as const;
const num = { type: 'number' } as const;
const obj = { type: 'object' } as const;

export const title = {
  type: 'object',
  required: ['fa', 'en'],
  properties: { fa: str, en: str },
} as const;

/** An instant, in ISO 8601 and as the Jalali date and time of the city. */
export const when = {
  type: 'object',
  required: ['at', 'jalali'],
  properties: { at: { type: 'string', format: 'date-time' }, jalali: str },
} as const;

export const party = {
  type: 'object',
  required: ['principal', 'title'],
  properties: { principal: str, title },
} as const;

const list = (item: object) =>
  ({
    type: 'object',
    required: ['total', 'items'],
    properties: { total: int, items: { type: 'array', items: item } },
  }) as const;

export const problem = {
  type: 'object',
  required: ['type', 'title', 'status'],
  properties: {
    type: str,
    title: str,
    status: { type: 'integer' },
    detail: str,
    instance: str,
    requestId: str,
    errors: {
      type: 'array',
      description:
        "What is wrong, each a field with its message: the field of the body (invalid-request, invalid-text), or of the form's data (invalid-form-data).",
      items: { type: 'object', required: ['path', 'message'], properties: { path: str, message: str } },
    },
  },
} as const;

/** Working time on the city calendar, or every minute. */
const clockKind = { enum: ['working', 'continuous'] } as const;

const task = {
  type: 'object',
  required: ['taskId', 'step', 'kind', 'title', 'assignee', 'openedAt', 'deadline', 'sla', 'outcomes'],
  properties: {
    taskId: str,
    step: str,
    kind: { enum: ['task', 'inquiry', 'payment', 'incident'] },
    title,
    applicationStatus: {
      ...title,
      description: 'What the citizen reads while the request is at the task, when its step gives it.',
    },
    assignee: party,
    supervisor: party,
    routing: str,
    decision: obj,
    billId: {
      type: 'string',
      description: 'A payment task: the bill it waits on; a payment against this bill completes it.',
    },
    moves: { type: 'array', items: obj },
    openedAt: when,
    deadline: when,
    originalDeadline: {
      ...when,
      description: 'The deadline the task opened with, when a suspension or an extension has moved it.',
    },
    statutoryDeadline: when,
    clock: clockKind,
    sla: { enum: ['ok', 'at-risk', 'breached'] },
    escalationLevel: int,
    claimedBy: str,
    outcomes: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'title'],
        properties: {
          id: str,
          title,
          roles: {
            type: 'array',
            items: str,
            description:
              'Only holders of one of these roles in the unit doing the task may take the outcome.',
          },
        },
      },
    },
  },
} as const;

const service = {
  type: 'object',
  required: ['id', 'title', 'version'],
  properties: { id: str, title, version: int },
} as const;
const requestState = { enum: ['active', 'completed', 'rejected', 'cancelled', 'expired'] } as const;

/** A time the request's clock stood still. */
const suspension = {
  type: 'object',
  required: ['from', 'reason', 'by'],
  properties: {
    from: when,
    to: when,
    reason: str,
    by: str,
    taskId: {
      type: 'string',
      description:
        "The task that stopped the clock (the applicant's, or a step's that stops it), when not stopped by hand",
    },
    title: {
      ...title,
      description: "Why the clock stands still, as the citizen reads it (a step's `suspend.reason`).",
    },
    until: { ...when, description: 'When the clock runs again by itself, the step still open.' },
  },
} as const;

/** A deadline of the request: where it is now, where it was first, and whether it has passed. */
const requestDeadline = {
  type: 'object',
  required: ['at', 'jalali', 'original', 'clock', 'passed'],
  properties: {
    ...when.properties,
    original: { ...when, description: 'The deadline before any suspension or extension moved it.' },
    clock: clockKind,
    passed: { type: 'boolean' },
  },
} as const;

/** A rung of an escalation ladder climbed. */
const escalation = {
  type: 'object',
  required: ['at', 'taskId', 'stepId', 'level', 'action', 'reason', 'from', 'to'],
  properties: {
    at: when,
    taskId: { type: 'string', description: "The task escalated, or '' for the request as a whole." },
    stepId: str,
    level: int,
    action: { enum: ['supervisor', 'superior', 'reassign', 'steering-committee'] },
    reason: str,
    from: party,
    to: { ...party, description: 'Whom it went to; while `pending`, a placeholder.' },
    pending: { type: 'boolean', description: 'Recorded at its instant, whom to alert still being found.' },
  },
} as const;

/** A fee of the request and its bill. */
const fee = {
  type: 'object',
  required: ['feeId', 'title', 'amount', 'billId', 'status'],
  properties: {
    feeId: str,
    title,
    amount: { ...num, description: 'Iranian rials.' },
    billId: {
      type: 'string',
      description: "The payment id (شناسه پرداخت) the applicant pays against: '<tracking code>-<fee id>'.",
    },
    status: { enum: ['due', 'paid'] },
    paidAt: when,
    receipt: str,
    refund: { enum: ['due'], description: 'A paid fee to be returned: the request was withdrawn.' },
  },
} as const;

/** A move of a deadline, and why. */
const deadlineChange = {
  type: 'object',
  required: ['at', 'of', 'kind', 'from', 'to', 'cause', 'reason', 'by'],
  properties: {
    at: when,
    of: { type: 'string', description: "'request', or the id of the task whose deadline moved" },
    kind: { enum: ['target', 'statutory'] },
    from: when,
    to: when,
    cause: { enum: ['suspension', 'extension'] },
    reason: str,
    by: str,
  },
} as const;

/** A step done, as staff see it. */
const stepDone = {
  type: 'object',
  required: ['step', 'kind', 'title', 'at'],
  properties: { step: str, kind: str, title, taskId: str, outcome: str, actor: str, note: str, at: when },
} as const;

/** Where a request reads in full: its status. */
const href = {
  type: 'string',
  description: 'Where the request is read in full (`GET`): its steps done, escalations, fees and data.',
} as const;

/** What every view of a request for staff holds: where it stands now. */
const standing = {
  trackingCode: str,
  service,
  state: requestState,
  sla: { enum: ['ok', 'at-risk', 'breached'] },
  district: str,
  channel: str,
  intakeOffice: str,
  startedAt: when,
  endedAt: when,
  deadlines: {
    type: 'object',
    required: ['target'],
    properties: { target: requestDeadline, statutory: requestDeadline },
  },
  currentTasks: { type: 'array', items: task },
  suspended: {
    description: 'Present while the clock stands still: since when, why, by whom.',
    ...suspension,
  },
} as const;
const standingRequired = [
  'trackingCode',
  'service',
  'state',
  'sla',
  'district',
  'startedAt',
  'deadlines',
  'currentTasks',
];

/**
 * Where a request stands after an action, as staff read it: the same size at its first step as at
 * its hundredth. The rest is read at `href`.
 */
export const requestSummary = {
  type: 'object',
  required: [...standingRequired, 'href'],
  properties: { ...standing, href },
} as const;

/** The request as staff and oversight see it. */
export const requestStatus = {
  type: 'object',
  required: [...standingRequired, 'stepsDone'],
  properties: {
    ...standing,
    received: {
      type: 'object',
      description: 'For a request registered after it was received: its time counts from receipt.',
      required: ['at', 'registeredAt', 'reason', 'by'],
      properties: { at: when, registeredAt: when, reason: str, by: str },
    },
    stepsDone: { type: 'array', items: stepDone },
    escalations: { type: 'array', items: escalation },
    fees: { type: 'array', items: fee },
    suspensions: {
      type: 'array',
      description: 'Every time the clock stood still, with when it ran again.',
      items: suspension,
    },
    deadlineChanges: {
      type: 'array',
      description: "Every move of the request's or a task's deadline, and why.",
      items: deadlineChange,
    },
    outcomeCounts: {
      type: 'object',
      description: 'Times each outcome was taken, by `<step>/<outcome>`: the loops round a correction.',
      additionalProperties: int,
    },
    continuedAsNew: {
      ...int,
      description:
        'How many times the request continued as a new run of its workflow, to keep its history short.',
    },
    data: obj,
  },
} as const;

/** What the request waits on now, as its applicant reads it. */
const publicNow = {
  type: 'array',
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['step', 'title', 'with', 'deadline', 'waitsOnYou'],
    properties: {
      step: str,
      title,
      status: {
        ...title,
        description:
          'The application status the citizen reads while the request is at the step, when the step gives one.',
      },
      with: title,
      deadline: when,
      waitsOnYou: { type: 'boolean' },
    },
  },
} as const;

/** Where a request stands after its applicant's action; the rest is read at `href`. */
export const publicSummary = {
  type: 'object',
  additionalProperties: false,
  required: ['trackingCode', 'service', 'state', 'startedAt', 'deadline', 'now', 'href'],
  properties: {
    trackingCode: str,
    service,
    state: requestState,
    startedAt: when,
    endedAt: when,
    deadline: when,
    now: publicNow,
    href,
  },
} as const;

/** What a citizen sees of their request: where it is and what is asked of them, no staff names or notes. */
export const publicStatus = {
  type: 'object',
  additionalProperties: false,
  required: ['trackingCode', 'service', 'state', 'startedAt', 'deadline', 'now', 'stepsDone', 'fees'],
  properties: {
    trackingCode: str,
    service,
    state: requestState,
    startedAt: when,
    endedAt: when,
    deadline: when,
    clockStopped: {
      type: 'object',
      additionalProperties: false,
      required: ['reason', 'since'],
      description: 'While a step stops the clock: why, since when, and when it runs again by itself.',
      properties: { reason: title, since: when, until: when },
    },
    now: publicNow,
    stepsDone: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['title', 'at'],
        properties: { title, outcome: str, at: when },
      },
    },
    fees: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['title', 'amount', 'billId', 'status'],
        properties: {
          title,
          amount: num,
          billId: str,
          status: { enum: ['due', 'paid'] },
          paidAt: when,
          refund: { enum: ['due'], description: 'Paid, and to be returned: the request was withdrawn.' },
        },
      },
    },
  },
} as const;

export const started = {
  type: 'object',
  required: ['trackingCode', 'secret', 'service', 'state'],
  properties: {
    trackingCode: { type: 'string', pattern: '^[0-9]{12}$' },
    secret: {
      type: 'string',
      description: 'Give this to the applicant: with the tracking code it opens the request.',
    },
    service,
    state: requestState,
    currentTasks: {
      type: 'array',
      description: 'The tasks open when the start answered, for staff who may read the request.',
      items: task,
    },
  },
} as const;

export const citizenToken = {
  type: 'object',
  required: ['token', 'expiresIn'],
  properties: { token: str, expiresIn: int },
} as const;

/** One entry of a request's history: `what` says which kind, and its fields are those of the kind. */
const historyEntry = (what: string, entry: { required: readonly string[]; properties: object }) =>
  ({
    type: 'object',
    required: [...entry.required, 'what'],
    properties: { ...entry.properties, what: { const: what } },
  }) as const;

export const history = list({
  oneOf: [
    historyEntry('step', {
      required: ['at', 'stepId', 'kind', 'title'],
      properties: {
        at: when,
        stepId: str,
        kind: str,
        title,
        taskId: str,
        outcome: str,
        actor: str,
        note: str,
      },
    }),
    historyEntry('escalation', escalation),
    historyEntry('deadline', deadlineChange),
    historyEntry('suspension', {
      required: ['at', ...suspension.required],
      properties: { at: when, ...suspension.properties },
    }),
  ],
});

const slaState = { enum: ['ok', 'at-risk', 'breached'] } as const;

const workItem = {
  type: 'object',
  required: [
    'taskId',
    'trackingCode',
    'serviceId',
    'service',
    'district',
    'stepId',
    'kind',
    'title',
    'assignee',
    'openedAt',
    'deadline',
    'left',
    'sla',
    'escalationLevel',
    'escalatedTo',
  ],
  properties: {
    taskId: str,
    trackingCode: str,
    serviceId: str,
    service: { type: 'object', required: ['id', 'title'], properties: { id: str, title } },
    district: str,
    stepId: str,
    kind: { enum: ['task', 'inquiry', 'payment', 'incident'] },
    title,
    assignee: party,
    openedAt: when,
    deadline: when,
    left: {
      type: 'object',
      description:
        "Time left to the deadline on the task's clock (working minutes on the city calendar, or every minute on a continuous clock); negative once past.",
      required: ['minutes', 'clock'],
      properties: { minutes: { type: 'integer' }, clock: { enum: ['working', 'continuous'] } },
    },
    sla: slaState,
    escalationLevel: int,
    escalatedTo: { type: 'array', items: str },
    claimedBy: str,
  },
} as const;

const paged = (item: object, extra: Record<string, object> = {}) =>
  ({
    type: 'object',
    required: ['total', 'page', 'pageSize', 'items'],
    properties: { total: int, page: int, pageSize: int, items: { type: 'array', items: item }, ...extra },
  }) as const;

export const worklist = paged(workItem, {
  counts: {
    type: 'object',
    required: ['total', 'claimed', 'unclaimed', 'bySla', 'nearingSla', 'escalatedToMe'],
    properties: {
      total: int,
      claimed: int,
      unclaimed: int,
      bySla: {
        type: 'object',
        required: ['ok', 'at-risk', 'breached'],
        properties: { ok: int, 'at-risk': int, breached: int },
      },
      nearingSla: int,
      escalatedToMe: int,
    },
  },
});

export const slaList = paged({
  ...workItem,
  properties: {
    ...workItem.properties,
    lateBy: { type: 'object', properties: { ms: num, hours: num } },
    breachedHolder: { ...str, description: 'Who held the task when it breached.' },
  },
});

export const slaSummary = {
  type: 'object',
  required: ['by', 'groups'],
  properties: {
    by: { enum: ['office', 'department', 'service', 'district', 'step'] },
    groups: {
      type: 'array',
      items: {
        type: 'object',
        required: ['key', 'title', 'open', 'atRisk', 'breached', 'escalated'],
        properties: {
          key: str,
          title,
          open: int,
          atRisk: int,
          breached: {
            ...int,
            description: 'Open tasks past their deadline, counted against who held them then.',
          },
          escalated: int,
        },
      },
    },
  },
} as const;

export const requestSearch = paged({
  type: 'object',
  required: [
    'trackingCode',
    'service',
    'district',
    'channel',
    'state',
    'sla',
    'startedAt',
    'deadline',
    'currentSteps',
  ],
  properties: {
    trackingCode: str,
    service: { type: 'object', required: ['id', 'title'], properties: { id: str, title } },
    district: str,
    channel: str,
    state: requestState,
    sla: slaState,
    startedAt: when,
    endedAt: when,
    deadline: when,
    currentSteps: {
      type: 'array',
      items: {
        type: 'object',
        required: ['stepId', 'title', 'assignee'],
        properties: { stepId: str, title, assignee: str },
      },
    },
  },
});

export const notifications = paged(
  {
    type: 'object',
    required: ['id', 'at', 'kind', 'trackingCode', 'recipient', 'message', 'read'],
    properties: {
      id: str,
      at: when,
      kind: { enum: ['message', 'sla-reminder', 'sla-breach', 'request-ended'] },
      trackingCode: str,
      taskId: str,
      recipient: str,
      message: title,
      read: { type: 'boolean' },
    },
  },
  { unread: int },
);

export const notificationsMarked = {
  type: 'object',
  required: ['marked'],
  properties: { marked: int },
} as const;

const range = {
  type: 'object',
  required: ['from', 'to'],
  properties: { from: when, to: when },
} as const;

const groupOf = {
  ...str,
  description:
    "The group's key: a service, a district, an office or a department unit; 'all' when not grouped.",
};

export const stepTimesReport = {
  type: 'object',
  required: ['range', 'items'],
  properties: {
    range,
    by: str,
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['serviceId', 'stepId', 'group', 'done', 'workingHours', 'elapsedHours'],
        properties: {
          serviceId: str,
          stepId: str,
          stepTitle: title,
          group: groupOf,
          done: int,
          workingHours: {
            type: 'object',
            required: ['median', 'p90'],
            properties: { median: num, p90: num },
          },
          elapsedHours: {
            type: 'object',
            required: ['median', 'p90'],
            properties: { median: num, p90: num },
          },
        },
      },
    },
  },
} as const;

export const onTimeReport = {
  type: 'object',
  required: ['range', 'items'],
  properties: {
    range,
    by: str,
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['group', 'tasksDone', 'tasksOnTime', 'taskRate'],
        properties: {
          group: groupOf,
          tasksDone: int,
          tasksOnTime: int,
          taskRate: { type: ['number', 'null'] },
        },
      },
    },
  },
} as const;

export const breachesReport = {
  type: 'object',
  required: ['range', 'period', 'items'],
  properties: {
    range,
    period: str,
    by: str,
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['period', 'group', 'count'],
        properties: {
          period: { ...when, description: 'The start of the day or week (Saturday).' },
          group: groupOf,
          count: int,
        },
      },
    },
  },
} as const;

export const throughputReport = {
  type: 'object',
  required: ['range', 'period', 'items'],
  properties: {
    range,
    period: str,
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['period', 'started', 'finished', 'completed', 'rejected'],
        properties: { period: when, started: int, finished: int, completed: int, rejected: int },
      },
    },
  },
} as const;

export const backlogReport = {
  type: 'object',
  required: ['range', 'period', 'items'],
  properties: {
    range,
    period: str,
    items: {
      type: 'array',
      items: { type: 'object', required: ['period', 'open'], properties: { period: when, open: int } },
    },
  },
} as const;

const office = {
  type: 'object',
  required: ['id', 'title', 'licence'],
  properties: { id: str, title, licence: obj, districts: { type: 'array', items: str }, capacity: int },
} as const;

export const offices = list(office);
export const officeDetail = office;
export const licenceChanged = obj;
export const routingReport = {
  type: 'object',
  required: ['service', 'district', 'offices', 'requests'],
  properties: {
    service: str,
    district: str,
    requests: { ...int, description: 'Requests the rule gave out; the measures are null when none.' },
    offices: { type: 'array', items: obj },
    gini: { type: ['number', 'null'] },
    loadGini: { type: ['number', 'null'] },
    maxMinRatio: { type: ['number', 'null'] },
    note: str,
  },
} as const;
export const officeReport = list({
  type: 'object',
  required: ['office', 'openLoad', 'capacity'],
  properties: { office: str, openLoad: int, capacity: int },
});

const definitionSummary = {
  type: 'object',
  required: ['id', 'title', 'domain', 'version', 'hash'],
  properties: {
    id: str,
    title,
    domain: str,
    intake: { type: 'array', items: { enum: ['office', 'online', 'department'] } },
    sla: str,
    version: int,
    hash: str,
    steps: int,
  },
} as const;
export const definitions = list(definitionSummary);

/** A duration of the plan: as written, parsed, and on which clock it runs. */
const planDuration = {
  type: 'object',
  required: ['text', 'duration', 'clock'],
  properties: {
    text: { ...str, description: 'As written in the definition (ISO 8601: P2D, PT4H).' },
    duration: {
      type: 'object',
      required: ['days', 'ms'],
      properties: { days: int, ms: int },
      description: 'Whole working days, then milliseconds.',
    },
    clock: clockKind,
  },
} as const;
const expression = {
  type: 'object',
  description: "A parsed expression of the definition's language (the tree the interpreter evaluates).",
} as const;
const planAssignee = {
  type: 'object',
  required: ['type'],
  properties: {
    type: {
      enum: [
        'intake-office',
        'office',
        'office-in-field',
        'department',
        'same-as',
        'applicant',
        'agency',
        'treasury',
        'operations',
      ],
    },
    office: str,
    field: str,
    department: str,
    perDistrict: { type: 'boolean' },
    role: str,
    step: str,
    only: { type: 'boolean' },
    agency: str,
  },
} as const;

/** A step of the plan; which fields it has depends on its kind. */
const planStep = {
  type: 'object',
  required: ['id', 'kind', 'title', 'scope'],
  properties: {
    id: str,
    kind: { enum: ['task', 'inquiry', 'payment', 'branch', 'parallel', 'automatic', 'notify', 'end'] },
    title,
    scope: {
      ...str,
      description: "The parallel branch the step runs in (`<parallel step>/<branch>`), or ''.",
    },
    status: { ...title, description: 'What the citizen reads while the request is at this step.' },
    assignee: planAssignee,
    agency: str,
    fee: str,
    sla: planDuration,
    slaOfService: { type: 'boolean' },
    statutoryDeadline: planDuration,
    maxExtension: planDuration,
    extension: { type: 'object', properties: { maxTimes: int, maxShare: num } },
    escalation: {
      type: 'object',
      required: ['remindAt', 'ladder'],
      properties: {
        remindAt: num,
        ladder: {
          type: 'array',
          items: {
            type: 'object',
            required: ['after', 'to'],
            properties: {
              after: planDuration,
              to: { enum: ['supervisor', 'superior', 'reassign', 'steering-committee'] },
              every: planDuration,
            },
          },
        },
        maxDepth: int,
        top: {
          ...int,
          description:
            'With a rung that climbs `every` so often: the level of the steering committee, the top of the chain.',
        },
      },
    },
    form: obj,
    outcomes: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        required: ['title', 'next'],
        properties: {
          title,
          next: { type: ['string', 'null'] },
          maxTimes: int,
          roles: { type: 'array', items: str },
        },
      },
    },
    onTimeout: str,
    suspend: { type: 'object', properties: { expected: planDuration, reason: title } },
    next: { type: ['string', 'null'] },
    cases: {
      type: 'array',
      items: {
        type: 'object',
        required: ['when', 'text', 'next'],
        properties: { when: expression, text: str, next: { type: ['string', 'null'] } },
      },
    },
    default: { type: ['string', 'null'] },
    join: { enum: ['all', 'any'] },
    branches: {
      type: 'array',
      items: { type: 'object', required: ['id', 'start'], properties: { id: str, start: str } },
    },
    action: str,
    with: obj,
    retry: {
      type: 'object',
      required: ['maxAttempts', 'initialInterval'],
      properties: { maxAttempts: int, initialInterval: str },
    },
    to: { type: 'array', items: planAssignee },
    message: title,
    result: { enum: ['completed', 'rejected'] },
  },
} as const;

/** The plan compiled from a definition: what each request of the version runs, to its end. */
const plan = {
  type: 'object',
  description:
    'The definition compiled for the interpreter: defaults applied, references resolved, expressions parsed. A request carries the plan it started with to its end.',
  required: [
    'serviceId',
    'version',
    'hash',
    'title',
    'domain',
    'intake',
    'sla',
    'documents',
    'fees',
    'start',
    'steps',
  ],
  properties: {
    serviceId: str,
    version: int,
    hash: { ...str, description: "sha256 of the definition's canonical JSON." },
    title,
    domain: str,
    intake: definitionSummary.properties.intake,
    sla: planDuration,
    urgency: {
      type: 'object',
      required: ['when', 'text', 'sla'],
      properties: { when: expression, text: str, sla: planDuration },
    },
    statutoryDeadline: planDuration,
    routing: {
      type: 'object',
      properties: { officeChoice: { enum: ['rule', 'citizen'] }, fallback: { enum: ['neighbours', 'city'] } },
    },
    maxExtension: planDuration,
    extension: { type: 'object', properties: { maxTimes: int, maxShare: num } },
    form: obj,
    documents: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'title', 'optional'],
        properties: { id: str, title, optional: { type: 'boolean' } },
      },
    },
    fees: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        required: ['id', 'title', 'amount'],
        properties: {
          id: str,
          title,
          amount: {
            type: 'object',
            description: 'Rials: fixed, or a formula over the form data.',
            properties: { fixed: num, formula: expression, text: str },
          },
        },
      },
    },
    start: { ...str, description: 'The first step.' },
    steps: {
      type: 'object',
      description: 'Every step by id, in the order of the definition.',
      additionalProperties: planStep,
    },
  },
} as const;

const versionSummary = {
  type: 'object',
  required: ['serviceId', 'version', 'hash', 'publishedAt', 'publishedAtJalali', 'publishedBy', 'note'],
  properties: {
    serviceId: str,
    version: int,
    hash: str,
    publishedAt: { ...str, format: 'date-time' },
    publishedAtJalali: {
      ...str,
      description: "`publishedAt` as the Jalali date and time of the city's time zone.",
    },
    publishedBy: str,
    note: str,
    rolledBackFrom: { ...int, description: 'For a rollback: the version whose content this one restores.' },
  },
} as const;

export const definition = {
  ...definitionSummary,
  required: [...definitionSummary.required, 'source', 'plan', 'versions'],
  properties: {
    ...definitionSummary.properties,
    source: { ...str, description: 'The YAML as the designer wrote it.' },
    plan,
    versions: { type: 'array', items: versionSummary },
  },
} as const;
export const versions = list(versionSummary);
export const version = {
  type: 'object',
  required: [...versionSummary.required, 'source', 'plan'],
  properties: { ...versionSummary.properties, source: str, plan },
} as const;
export const validation = {
  type: 'object',
  required: ['valid', 'problems'],
  properties: { valid: { type: 'boolean' }, problems: { type: 'array' } },
} as const;
export const published = {
  type: 'object',
  required: ['serviceId', 'version'],
  properties: { serviceId: str, version: int },
} as const;
export const diagram = {
  type: 'object',
  required: ['serviceId', 'version', 'mermaid'],
  properties: { serviceId: str, version: int, mermaid: str },
} as const;
export const diff = {
  type: 'object',
  required: ['serviceId', 'from', 'to'],
  properties: { serviceId: str, from: int, to: int },
} as const;

export const auditEntries = {
  type: 'object',
  required: ['total', 'page', 'pageSize', 'items'],
  properties: {
    total: int,
    page: int,
    pageSize: int,
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['at', 'jalali', 'actor', 'action', 'target', 'address', 'result', 'seq', 'prev', 'hash'],
        properties: {
          at: { type: 'string', format: 'date-time' },
          jalali: { ...str, description: "`at` as the Jalali date and time of the city's time zone." },
          actor: {
            type: 'object',
            required: ['subject', 'role'],
            properties: { subject: str, role: str, name: str },
          },
          action: { ...str, description: "The operation's id in this document." },
          method: str,
          path: str,
          target: {
            type: 'object',
            properties: { trackingCode: str, taskId: str, officeId: str, serviceId: str },
          },
          address: str,
          requestId: { ...str, description: "The call's id, as in its X-Request-Id header." },
          result: {
            type: 'object',
            required: ['status'],
            properties: { status: { type: 'integer' }, problem: str },
          },
          seq: int,
          prev: { ...str, description: 'The hash of the entry before.' },
          hash: str,
        },
      },
    },
  },
} as const;
export const auditCheck = {
  type: 'object',
  required: ['entries', 'intact'],
  properties: {
    entries: int,
    intact: { type: 'boolean' },
    broken: { type: 'object', required: ['seq'], properties: { seq: int } },
  },
} as const;

export const health = { type: 'object', required: ['status'], properties: { status: str } } as const;
export const readiness = {
  type: 'object',
  required: ['status', 'temporal', 'store', 'definitions'],
  properties: {
    status: { enum: ['ready', 'not-ready'] },
    temporal: {
      type: 'object',
      required: ['reachable', 'namespace', 'workers'],
      properties: {
        reachable: { type: 'boolean' },
        namespace: str,
        workers: { ...int, description: 'Workers that polled the task queue in the last minute.' },
      },
    },
    store: { type: 'object', required: ['reachable'], properties: { reachable: { type: 'boolean' } } },
    definitions: int,
  },
} as const;

export const licenceLog = {
  type: 'object',
  required: ['total', 'page', 'pageSize', 'items'],
  properties: {
    total: int,
    page: int,
    pageSize: int,
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['officeId', 'at', 'action', 'status', 'reason', 'by'],
        properties: {
          officeId: str,
          office: title,
          at: when,
          action: { enum: ['suspend', 'revoke', 'reinstate', 'renew', 'expire', 'grant'] },
          status: { enum: ['active', 'suspended', 'revoked', 'expired'] },
          reason: str,
          by: str,
          validUntil: {
            type: 'object',
            required: ['date', 'jalali'],
            properties: { date: str, jalali: str },
          },
        },
      },
    },
  },
} as const;

export const storeRebuilt = {
  type: 'object',
  required: ['requests', 'written', 'failed'],
  properties: {
    requests: int,
    written: int,
    failed: { type: 'array', items: { type: 'object', properties: { workflowId: str, error: str } } },
  },
} as const;

export const storeChecked = {
  type: 'object',
  required: ['checked', 'differences', 'unreadable'],
  properties: {
    checked: int,
    differences: {
      type: 'array',
      items: {
        type: 'object',
        required: ['trackingCode', 'what'],
        properties: { trackingCode: str, what: str, temporal: {}, store: {} },
      },
    },
    unreadable: { type: 'array', items: str },
  },
} as const;

const titled = {
  type: 'object',
  required: ['id', 'title'],
  properties: { id: str, title },
} as const;

export const directory = {
  type: 'object',
  required: ['districts', 'departments', 'offices', 'agencies', 'services'],
  properties: {
    districts: { type: 'array', items: titled },
    departments: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'title', 'perDistrict', 'roles'],
        properties: {
          id: str,
          title,
          perDistrict: { type: 'boolean' },
          roles: { type: 'array', items: titled },
        },
      },
    },
    offices: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'title', 'districts'],
        properties: { id: str, title, districts: { type: 'array', items: str } },
      },
    },
    agencies: { type: 'array', items: titled },
    services: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'title', 'domain'],
        properties: { id: str, title, domain: str },
      },
    },
  },
} as const;

export const districtGrid = {
  type: 'object',
  required: ['range', 'items'],
  properties: {
    range: { type: 'object', required: ['from', 'to'], properties: { from: when, to: when } },
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['district', 'domain', 'breaches', 'tasksDone', 'tasksOnTime'],
        properties: { district: str, domain: str, breaches: int, tasksDone: int, tasksOnTime: int },
      },
    },
  },
} as const;

export const designServices = list({
  type: 'object',
  required: ['id', 'title', 'domain', 'version', 'running', 'versions'],
  properties: {
    id: str,
    title,
    domain: str,
    version: int,
    running: int,
    versions: {
      type: 'array',
      items: {
        type: 'object',
        required: ['version', 'publishedAt', 'publishedAtJalali', 'publishedBy', 'note', 'running'],
        properties: {
          version: int,
          publishedAt: { ...str, format: 'date-time' },
          publishedAtJalali: {
            ...str,
            description: "`publishedAt` as the Jalali date and time of the city's time zone.",
          },
          publishedBy: str,
          note: str,
          rolledBackFrom: int,
          running: int,
        },
      },
    },
  },
});

const fieldChanges = {
  type: 'array',
  items: {
    type: 'object',
    required: ['field', 'from', 'to'],
    properties: { field: str, from: str, to: str },
  },
} as const;
const stepsNamed = {
  type: 'array',
  items: {
    type: 'object',
    required: ['step', 'kind', 'title'],
    properties: { step: str, kind: str, title: str },
  },
} as const;

export const draftCheck = {
  type: 'object',
  required: ['valid', 'problems'],
  properties: {
    valid: { type: 'boolean' },
    problems: {
      type: 'array',
      items: {
        type: 'object',
        required: ['line', 'column', 'path', 'message', 'rule'],
        properties: { file: str, line: int, column: int, path: str, message: str, rule: str },
      },
    },
    serviceId: str,
    title,
    stepTitles: { type: 'object', additionalProperties: title },
    mermaid: str,
    published: int,
    unchanged: { type: 'boolean' },
    diff: {
      type: 'object',
      required: ['added', 'removed', 'changed', 'service'],
      properties: {
        added: stepsNamed,
        removed: stepsNamed,
        changed: {
          type: 'array',
          items: {
            type: 'object',
            required: ['step', 'changes'],
            properties: { step: str, changes: fieldChanges },
          },
        },
        service: fieldChanges,
      },
    },
  },
} as const;
