package uk.harbour.identity;

/** Who someone is to Harbour; every route and frame checks it on the server. */
public enum Role {
  CARE_LEAVER,
  ADVISER,
  MANAGER,
  ADMIN;

  public boolean isStaff() {
    return this != CARE_LEAVER;
  }
}
