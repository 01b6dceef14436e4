package uk.harbour.safety;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What {@link RiskCheck#check} found: whether to flag, the categories (in {@link RiskCategory}
 * order), the highest severity, and each rule that matched with the normalised words it matched.
 * Those words come from the young person's message: show them to staff only, never log them.
 */
public record RiskResult(boolean flag, List<RiskCategory> categories, Optional<Severity> severity, List<Match> matched) {

  public static final RiskResult NONE = new RiskResult(false, List.of(), Optional.empty(), List.of());

  /** One lexicon rule that matched, and the words it matched as the check read them ("kil myself"). */
  public record Match(String rule, RiskCategory category, Severity severity, String words) {}

  public RiskResult {
    categories = List.copyOf(categories);
    matched = List.copyOf(matched);
  }

  static RiskResult of(Collection<Match> matches) {
    if (matches.isEmpty()) {
      return NONE;
    }
    Set<RiskCategory> categories = EnumSet.noneOf(RiskCategory.class);
    Severity highest = Severity.MEDIUM;
    for (Match match : matches) {
      categories.add(match.category());
      if (match.severity().compareTo(highest) > 0) {
        highest = match.severity();
      }
    }
    return new RiskResult(true, List.copyOf(categories), Optional.of(highest), List.copyOf(matches));
  }
}
