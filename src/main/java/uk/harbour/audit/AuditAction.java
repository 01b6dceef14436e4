package uk.harbour.audit;

/** The audited actions; stored by name, so names never change once released. */
public enum AuditAction {
  SIGN_IN,
  SIGN_IN_FAILED,
  /** No longer written: sign-in is slowed, never locked (see SIGN_IN_SLOWED); kept for older entries. */
  LOCKED_OUT,
  SIGN_IN_SLOWED,
  SIGN_OUT,
  SIGN_OUT_EVERYWHERE,
  STAFF_CREATED,
  STAFF_CHANGED,
  CARE_LEAVER_CREATED,
  CARE_LEAVER_CHANGED,
  PA_ASSIGNED,
  ACCESS_REVOKED,
  INVITE_CREATED,
  INVITE_USED,
  CONVERSATION_VIEWED,
  TRANSCRIPT_EXPORTED,
  ROTA_CHANGED,
  CATALOGUE_CHANGED
}
