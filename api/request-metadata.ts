/**
 * What Temporal's Web UI and CLI show of a request without opening it: its user metadata, a
 * one-line summary and a few lines of details, in Persian and in English, fixed when it starts.
 * The service, the district, where it came in, the tracking code; never the applicant, since
 * Temporal keeps these beside the search attributes for any operator to read.
 */
import type { Organisation } from '../lib/organisation/organisation';
import type { ServicePlan, Title } from '../lib/plan/types';
import type { Channel } from '../workflows/types';

const CHANNELS: Record<Channel, Title> = {
  office: { fa: 'دفتر خدمات الکترونیک', en: 'E-service office' },
  online: { fa: 'درخواست اینترنتی', en: 'Online' },
  department: { fa: 'اداره شهرداری', en: 'Municipal department' },
};

export interface RequestMetadata {
  staticSummary: string;
  staticDetails: string;
}

export function requestMetadata(
  org: Organisation,
  request: {
    plan: ServicePlan;
    district: string;
    channel: Channel;
    intakeOffice?: string;
    trackingCode: string;
  },
): RequestMetadata {
  const { plan, trackingCode } = request;
  const district = org.district(request.district)?.title ?? { fa: request.district, en: request.district };
  const channel = CHANNELS[request.channel];
  const office = request.intakeOffice ? org.office(request.intakeOffice) : undefined;
  // Where it came in, in the details: the office by name when it was taken in at one.
  const cameIn = office ? office.title : channel;
  const cameInKey = office ? ` (${office.id})` : '';
  return {
    // Persian first, then English: each half reads in its own direction in a left-to-right UI.
    staticSummary: `${plan.title.fa} · ${district.fa} · ${channel.fa} | ${plan.title.en} · ${district.en} · ${channel.en} · ${trackingCode}`,
    staticDetails: [
      `- **خدمت:** ${plan.title.fa}`,
      `- **منطقه:** ${district.fa}`,
      `- **محل ثبت:** ${cameIn.fa}`,
      `- **کد رهگیری:** ${trackingCode}`,
      '',
      `- **Service:** ${plan.title.en} (${plan.serviceId}, version ${plan.version})`,
      `- **District:** ${district.en} (${request.district})`,
      `- **Taken in at:** ${cameIn.en}${cameInKey}`,
      `- **Tracking code:** ${trackingCode}`,
    ].join('\n'),
  };
}
