package uk.harbour.reports;

import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import uk.harbour.rota.RotaEngine;
import uk.harbour.rota.ShiftTemplate;

/** Words for a report's shift ids: the rota template's day and times ("Wed 17:00–22:00"), or what the id stands for. */
final class ShiftLabels implements Function<String, String> {

  private final Supplier<RotaEngine> rota;

  ShiftLabels(Supplier<RotaEngine> rota) {
    this.rota = Objects.requireNonNull(rota);
  }

  @Override
  public String apply(String shiftId) {
    return switch (shiftId) {
      case Cover.OFFICE_HOURS -> "Office hours";
      case Cover.AD_HOC -> "Ad-hoc cover";
      case Cover.NONE -> "Nobody on call";
      default -> rota.get().rota().templates().stream()
          .filter(t -> t.id().equals(shiftId))
          .findFirst()
          .map(ShiftLabels::words)
          .orElse(shiftId + " (no longer in the rota)");
    };
  }

  private static String words(ShiftTemplate t) {
    return t.day().getDisplayName(TextStyle.SHORT, Locale.UK) + " " + t.start() + "–" + t.end() + " (" + t.id() + ")";
  }
}
