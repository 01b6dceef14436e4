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

  // Phrases as young people write them, not as services name things: "kicked out … where to sleep"
  // is housing, "nothing to eat" is money (food banks and emergency payments sit there). A phrase
  // matches whole words, and also with an "s" on the end. Broad words ("sleep", "low", "worried")
  // are left out on purpose: they would suggest the wrong help as often as the right one.
  static {
    WORDS.put(Category.EDUCATION, List.of(
        "college", "uni", "university", "school", "course", "study", "studying", "exam", "exams", "bursary", "ucas", "degree", "student",
        "sixth form", "education", "lesson", "class", "classes", "teacher", "tutor", "homework", "assignment", "coursework", "dissertation",
        "lecture", "lecturer", "gcse", "a level", "a-level", "btec", "enrol", "enroll", "enrolment", "student finance", "student loan", "halls",
        "freshers", "tuition", "grades", "diploma", "access course", "esol", "english classes", "maths", "learning"));
    WORDS.put(Category.TRAINING, List.of(
        "apprenticeship", "apprentice", "apprenticeships", "training", "traineeship", "qualification", "skills", "bootcamp", "skills bootcamp",
        "nvq", "t level", "work experience", "placement", "internship", "supported internship", "volunteering", "volunteer", "certificate",
        "cscs", "forklift", "learn a trade", "trade", "study programme", "level 2", "level 3"));
    WORDS.put(Category.EMPLOYMENT, List.of(
        "job", "jobs", "work", "working", "interview", "cv", "employer", "jobcentre", "job centre", "unemployed", "unemployment", "career", "hired",
        "fired", "sacked", "employment", "employed", "self employed", "self-employed", "zero hours", "zero hour", "shift", "contract", "quit",
        "resign", "resigned", "redundant", "redundancy", "applying", "application", "part time", "part-time", "full time", "full-time",
        "looking for work", "work coach", "agency work", "warehouse", "retail", "hospitality", "minimum wage"));
    WORDS.put(Category.MONEY, List.of(
        "money", "benefits", "benefit", "universal credit", "uc", "pay", "paid", "bills", "debt", "skint", "broke", "grant", "allowance", "cash",
        "budget", "food", "hungry", "starving", "nothing to eat", "no food", "food bank", "foodbank", "no money", "can't afford", "cant afford",
        "afford", "overdraft", "loan", "payday loan", "arrears", "council tax", "electric", "electricity", "gas", "meter", "top up", "sanction",
        "sanctioned", "pip", "esa", "jsa", "wage", "wages", "payslip", "bank account", "savings", "bus fare", "phone bill", "owe", "borrow",
        "hardship", "advance payment", "emergency payment", "setting up home", "groceries"));
    WORDS.put(Category.HOUSING, List.of(
        "rent", "flat", "house", "housing", "landlord", "evicted", "eviction", "homeless", "tenancy", "move out", "moving", "furniture", "foster",
        "kicked out", "kicked me out", "kick me out", "chucked out", "chucked me out", "thrown out", "threw me out", "locked out",
        "where to sleep", "where to stay", "where to live", "where to go", "where i can sleep", "where can i sleep", "where will i sleep",
        "somewhere to sleep", "somewhere to stay", "somewhere to live", "nowhere to sleep", "nowhere to stay", "nowhere to live", "nowhere to go",
        "place to sleep", "place to stay", "place to live", "sleeping rough", "sleep rough", "rough sleeping", "on the streets", "on the street",
        "sofa surfing", "sofa", "couch surfing", "hostel", "accommodation", "supported accommodation", "bedsit", "council house", "council flat",
        "deposit", "housing benefit", "mould", "repairs", "flatmate", "housemate", "lodgings", "supported lodgings", "staying put", "tenant",
        "lease", "roof over my head", "no home", "move in", "moving in"));
    WORDS.put(Category.HEALTH, List.of(
        "mental health", "mental", "anxious", "anxiety", "depressed", "depression", "doctor", "gp", "ill", "sick", "disability", "panic",
        "stressed", "stress", "lonely", "isolated", "can't cope", "cant cope", "not coping", "overwhelmed", "struggling", "sad", "crying",
        "can't sleep", "cant sleep", "nightmares", "flashbacks", "therapy", "therapist", "counselling", "counseling", "counsellor", "medication",
        "meds", "prescription", "pregnant", "pregnancy", "hospital", "dentist", "drinking", "alcohol", "drugs", "eating disorder", "not eating",
        "camhs", "ptsd", "trauma", "hearing voices", "ocd", "adhd", "autism", "autistic", "wellbeing", "mood", "paranoid", "nhs", "poorly", "pain"));
    WORDS.put(Category.CRISIS, List.of("suicide", "suicidal", "kill myself", "hurt myself", "self harm", "self-harm", "unsafe", "danger", "abuse", "crisis", "emergency", "scared", "not safe"));
    WORDS.put(Category.ADVICE, List.of("advice", "rights", "advocate", "complain", "complaint", "entitled", "entitlement"));
  }

  private Keywords() {}

  /** The categories a text talks about, with the words that showed it, most-mentioned first. */
  public static Map<Category, Set<String>> categoriesIn(List<String> texts) {
    Map<Category, Set<String>> found = new EnumMap<>(Category.class);
    for (String raw : texts) {
      // Phones type a curly apostrophe (can’t): read it as the straight one the phrases use.
      String text = " " + raw.toLowerCase(Locale.UK).replace('\u2019', '\'').replaceAll("[^a-z0-9' -]", " ").replaceAll(" +", " ") + " ";
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
