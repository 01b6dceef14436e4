package uk.harbour.signposting;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One service in the signposting catalogue. {@code version} goes up by one on every change;
 * {@code edited} marks an entry a manager has changed, which the seed then never overwrites.
 */
public record CatalogueEntry(
    String id,
    Category category,
    String name,
    String summary,
    Eligibility eligibility,
    Contact contact,
    OpeningHours hours,
    Amount amount,
    String source,
    List<String> otherSources,
    String checked,
    String checkedNote,
    boolean demo,
    Meta meta) {

  /** Who may use it. Ages are whole years, inclusive; null means no limit. */
  public record Eligibility(String text, String careStatus, Integer minAge, Integer maxAge, Area area, String areaName) {
    public Eligibility {
      Objects.requireNonNull(area);
    }

    /** An unknown age is never a reason to hide help. */
    public boolean allows(Integer age) {
      return age == null || ((minAge == null || age >= minAge) && (maxAge == null || age <= maxAge));
    }

    public String ageRange() {
      if (minAge == null && maxAge == null) {
        return null;
      }
      if (minAge == null) {
        return "up to " + maxAge;
      }
      return maxAge == null ? minAge + " and over" : minAge + " to " + maxAge;
    }
  }

  /** National services, or a council's own local offer. */
  public enum Area { NATIONAL, LOCAL }

  /** Every way to reach the service; any may be null. {@code smsBody} is the word to text, if any. */
  public record Contact(String phone, String smsNumber, String smsBody, String email, String url, String note) {}

  /** Money: a value in pounds (null when it depends), how often, and a note. */
  public record Amount(BigDecimal value, String period, String note) {}

  /** Book-keeping the store and the audit need. */
  public record Meta(int version, boolean edited, Instant updatedAt, String updatedBy) {
    public static Meta fresh() {
      return new Meta(0, false, null, null);
    }
  }

  public CatalogueEntry {
    Objects.requireNonNull(id);
    Objects.requireNonNull(category);
    Objects.requireNonNull(name);
    Objects.requireNonNull(summary);
    Objects.requireNonNull(eligibility);
    Objects.requireNonNull(contact);
    Objects.requireNonNull(hours);
    otherSources = List.copyOf(otherSources == null ? List.of() : otherSources);
    Objects.requireNonNull(meta);
  }

  public int version() {
    return meta.version();
  }

  public CatalogueEntry withMeta(Meta next) {
    return new CatalogueEntry(
        id, category, name, summary, eligibility, contact, hours, amount, source, otherSources, checked, checkedNote, demo, next);
  }
}
