package uk.harbour.signposting;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Everyday words young people use, mapped to catalogue categories. Used for search ("uni" finds
 * education) and for suggesting cards from a care leaver's recent messages.
 */
public final class Keywords {

  private static final Map<Category, List<String>> WORDS = new EnumMap<>(Category.class);

  static {
    WORDS.put(Category.EDUCATION, List.of("college", "uni", "university", "school", "course", "study", "studying", "exam", "exams", "bursary", "ucas", "degree", "student", "sixth form"));
    WORDS.put(Category.TRAINING, List.of("apprenticeship", "apprentice", "apprenticeships", "training", "traineeship", "qualification"));
    WORDS.put(Category.EMPLOYMENT, List.of("job", "jobs", "work", "working", "interview", "cv", "employer", "jobcentre", "unemployed", "career", "hired", "fired"));
    WORDS.put(Category.MONEY, List.of("money", "benefits", "benefit", "universal credit", "pay", "paid", "bills", "debt", "skint", "broke", "grant", "allowance", "cash", "budget"));
    WORDS.put(Category.HOUSING, List.of("rent", "flat", "house", "housing", "landlord", "evicted", "eviction", "homeless", "tenancy", "move out", "moving", "furniture", "foster"));
    WORDS.put(Category.HEALTH, List.of("mental health", "anxious", "anxiety", "depressed", "depression", "doctor", "gp", "ill", "sick", "disability", "panic"));
    WORDS.put(Category.CRISIS, List.of("suicide", "suicidal", "kill myself", "hurt myself", "self harm", "self-harm", "unsafe", "danger", "abuse", "crisis", "emergency", "scared", "not safe"));
    WORDS.put(Category.ADVICE, List.of("advice", "rights", "advocate", "complain", "complaint", "entitled", "entitlement"));
  }

  private Keywords() {}

  /** The categories a text talks about, with the words that showed it, most-mentioned first. */
  public static Map<Category, Set<String>> categoriesIn(List<String> texts) {
    Map<Category, Set<String>> found = new EnumMap<>(Category.class);
    for (String raw : texts) {
      String text = " " + raw.toLowerCase(Locale.UK).replaceAll("[^a-z0-9' -]", " ") + " ";
      for (Map.Entry<Category, List<String>> entry : WORDS.entrySet()) {
        for (String word : entry.getValue()) {
          if (text.contains(" " + word + " ") || text.contains(" " + word + "s ")) {
            found.computeIfAbsent(entry.getKey(), k -> new LinkedHashSet<>()).add(word);
          }
        }
      }
    }
    return found;
  }

  /** Words, lower case, without one-letter ones. */
  public static List<String> terms(String query) {
    List<String> terms = new ArrayList<>();
    for (String t : query.toLowerCase(Locale.UK).split("[^a-z0-9£]+")) {
      if (t.length() >= 2) {
        terms.add(t);
      }
    }
    return terms;
  }
}
