package uk.harbour.signposting;

/** Who a card is rendered for: a care leaver's first name and age when known, both nullable. */
public record CardAudience(String firstName, Integer age) {

  public static CardAudience anyone() {
    return new CardAudience(null, null);
  }
}
