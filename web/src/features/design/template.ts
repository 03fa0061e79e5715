/**
 * Where a new service starts: a short template that compiles (an office takes the request in, a
 * district department reviews it, the request ends approved or rejected), or an existing
 * service's definition under a new id. The designer changes it from there.
 */
export function serviceTemplate(id: string): string {
  return `# yaml-language-server: $schema=../../schemas/service.schema.json
id: ${id}
title: { fa: خدمت تازه, en: New service }
domain: urban-services
intake: [office]
sla: P5D
steps:
  - id: intake
    kind: task
    title: { fa: پذیرش درخواست, en: Intake }
    assignee: { office: intake }
    sla: P1D
  - id: review
    kind: task
    title: { fa: بررسی, en: Review }
    assignee: { department: urban-services }
    sla: P3D
    outcomes:
      approve: { next: done }
      reject: { next: rejected }
  - id: done
    kind: end
    title: { fa: انجام شد, en: Done }
    result: completed
  - id: rejected
    kind: end
    title: { fa: رد شد, en: Rejected }
    result: rejected
`;
}

/** An existing definition under a new id: its \`id:\` line rewritten. */
export function copyOf(source: string, id: string): string {
  return source.replace(/^id:.*$/m, `id: ${id}`);
}

export const SERVICE_ID = /^[a-z][a-z0-9-]{2,80}$/;
