/** The audit log's verbs, shared by the server and the log page (no server code here). */

/** Every verb the log knows, grouped by kind (the filter of the log page); each has a sentence in the catalogue. */
export const AUDIT_ACTIONS = [
  "accessibility.statement.update",
  "conference.status",
  "discussion.record.publish",
  "discussion.record.unpublish",
  "documentation.photos",
  "documentation.publish",
  "documentation.unpublish",
  "goal.agree",
  "goal.proposal.cluster",
  "goal.proposal.merge",
  "goal.proposal.update",
  "goal.round.close",
  "goal.status.delete",
  "goal.status.update",
  "goal.update",
  "library.create",
  "library.delete",
  "library.publish",
  "library.unpublish",
  "mail.retry",
  "registration.badges",
  "registration.cancel",
  "registration.certificates",
  "registration.checkin",
  "registration.checkin.undo",
  "registration.create",
  "registration.delete",
  "registration.export",
  "registration.update",
  "report.approve",
  "report.publish",
  "report.request_changes",
  "user.directory.create",
  "user.directory.grant",
  "user.directory.revoke",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export type AuditKind = AuditAction extends `${infer K}.${string}` ? K : never;
export const AUDIT_KINDS = [...new Set(AUDIT_ACTIONS.map((a) => a.split(".")[0] as AuditKind))];
