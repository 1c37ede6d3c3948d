/** Every migration, by its sortable name. Add new ones at the end; never edit an old one. */
import type { Migration } from 'kysely';
import * as createRegistry from './2026_11_28_0001_create_registry.ts';
import * as createAccounts from './2026_11_28_0002_create_accounts.ts';
import * as createAuditEvent from './2026_11_28_0003_create_audit_event.ts';
import * as createActivity from './2026_11_28_0004_create_activity.ts';
import * as createImport from './2026_11_28_0005_create_import.ts';
import * as createReport from './2026_11_28_0006_create_report.ts';
import * as fastRegisterReads from './2026_11_29_0007_fast_register_reads.ts';
import * as activityChangeSeq from './2026_11_29_0008_activity_change_seq.ts';
import * as officeListOrder from './2026_11_29_0009_office_list_order.ts';
import * as dropSearchExpressionIndex from './2026_11_29_0010_drop_search_expression_index.ts';
import * as loginFailureAddress from './2026_12_07_0011_login_failure_address.ts';
import * as createReportingRounds from './2026_12_07_0012_create_reporting_rounds.ts';
import * as createMailOutbox from './2026_12_07_0020_create_mail_outbox.ts';
import * as importUnplacedCount from './2026_12_07_0025_import_unplaced_count.ts';
import * as searchIndexFormat from './2026_12_07_0030_search_index_format.ts';
import * as manageableAccounts from './2026_12_07_0040_manageable_accounts.ts';
import * as importPassage from './2026_12_07_0055_import_passage.ts';
import * as importEmptyReason from './2026_12_07_0056_import_empty_reason.ts';
import * as importProposalMatch from './2026_12_07_0057_import_proposal_match.ts';
import * as searchIndexOnChangeOnly from './2026_12_07_0060_search_index_on_change_only.ts';
import * as officeChangeMarker from './2026_12_07_0061_office_change_marker.ts';
import * as createRateLimitWindow from './2026_12_07_0075_create_rate_limit_window.ts';
import * as createDuplicateDecision from './2026_12_07_0095_create_duplicate_decision.ts';
import * as createMeetings from './2026_12_07_0100_create_meetings.ts';
import * as createBriefings from './2026_12_07_0120_create_briefings.ts';
import * as mailCalendarPart from './2026_12_07_0101_mail_calendar_part.ts';
import * as registryEdits from './2026_12_07_0110_registry_edits.ts';
import * as createVacancies from './2026_12_07_0111_create_vacancies.ts';
import * as createPlans from './2026_12_07_0080_create_plans.ts';
import * as planLinkDates from './2026_12_07_0130_plan_link_dates.ts';
import * as createOfficePlanContribution from './2026_12_07_0135_create_office_plan_contribution.ts';
import * as activitySpanBound from './2026_12_07_0140_activity_span_bound.ts';
import * as activitySketch from './2026_12_08_0141_activity_sketch.ts';
import * as planLinkState from './2026_12_08_0142_plan_link_state.ts';

export const migrations: Record<string, Migration> = {
  '2026_11_28_0001_create_registry': createRegistry,
  '2026_11_28_0002_create_accounts': createAccounts,
  '2026_11_28_0003_create_audit_event': createAuditEvent,
  '2026_11_28_0004_create_activity': createActivity,
  '2026_11_28_0005_create_import': createImport,
  '2026_11_28_0006_create_report': createReport,
  '2026_11_29_0007_fast_register_reads': fastRegisterReads,
  '2026_11_29_0008_activity_change_seq': activityChangeSeq,
  '2026_11_29_0009_office_list_order': officeListOrder,
  '2026_11_29_0010_drop_search_expression_index': dropSearchExpressionIndex,
  '2026_12_07_0011_login_failure_address': loginFailureAddress,
  '2026_12_07_0012_create_reporting_rounds': createReportingRounds,
  '2026_12_07_0020_create_mail_outbox': createMailOutbox,
  '2026_12_07_0025_import_unplaced_count': importUnplacedCount,
  '2026_12_07_0030_search_index_format': searchIndexFormat,
  '2026_12_07_0040_manageable_accounts': manageableAccounts,
  '2026_12_07_0055_import_passage': importPassage,
  '2026_12_07_0056_import_empty_reason': importEmptyReason,
  '2026_12_07_0057_import_proposal_match': importProposalMatch,
  '2026_12_07_0060_search_index_on_change_only': searchIndexOnChangeOnly,
  '2026_12_07_0061_office_change_marker': officeChangeMarker,
  '2026_12_07_0075_create_rate_limit_window': createRateLimitWindow,
  '2026_12_07_0095_create_duplicate_decision': createDuplicateDecision,
  '2026_12_07_0100_create_meetings': createMeetings,
  '2026_12_07_0101_mail_calendar_part': mailCalendarPart,
  '2026_12_07_0110_registry_edits': registryEdits,
  '2026_12_07_0111_create_vacancies': createVacancies,
  '2026_12_07_0080_create_plans': createPlans,
  '2026_12_07_0120_create_briefings': createBriefings,
  '2026_12_07_0130_plan_link_dates': planLinkDates,
  '2026_12_07_0135_create_office_plan_contribution': createOfficePlanContribution,
  '2026_12_07_0140_activity_span_bound': activitySpanBound,
  '2026_12_08_0141_activity_sketch': activitySketch,
  '2026_12_08_0142_plan_link_state': planLinkState,
};
