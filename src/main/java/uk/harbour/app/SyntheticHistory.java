package uk.harbour.app;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import uk.harbour.calendar.BankHolidays;
import uk.harbour.chat.ConversationEvent;
import uk.harbour.chat.Message;
import uk.harbour.chat.MessageKind;
import uk.harbour.rota.RotaEngine;
import uk.harbour.rota.ShiftInstance;

/**
 * Realistic made-up chat history over a rota, for the demo's dashboard and the reports benchmark:
 * more young people write in the evenings and at weekends; in office hours their own PA answers,
 * otherwise whoever the rota has on call, and with nobody on call the honest auto-reply goes out
 * and the next person on shift answers. Replies usually come in minutes with a long tail; some
 * waits escalate, some conversations turn urgent or are transferred, a few are answered only the
 * next day or by nobody, and most young people answer "Was this helpful?". Deterministic for a
 * seed. Message texts are bland stock phrases: reports never read them.
 */
public final class SyntheticHistory {

  /** A young person in the history; the conversation id is their id. */
  public record Person(String id, String firstName, String pa, String team) {}

  /**
   * {@code from} and {@code days}: the local dates episodes start on; {@code episodesPerDay} on
   * average; {@code manager}: who resolves what nobody answered.
   */
  public record Plan(LocalDate from, int days, double episodesPerDay, long seed, String manager) {}

  /** Relative number of episodes starting in each hour of a weekday; weekends and bank holidays get more. */
  private static final double[] HOURLY = {
    0.5, 0.35, 0.25, 0.2, 0.15, 0.15, 0.2, 0.35, 0.6, 0.9, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.1, 1.6, 2.0, 2.2, 2.3, 2.1, 1.6, 0.9
  };

  private final Supplier<RotaEngine> rota;
  private final BankHolidays holidays;
  private final ZoneId zone;
  private final Plan plan;
  private final Map<LocalDate, List<ShiftInstance>> shifts = new HashMap<>();
  private final Map<LocalDate, List<ShiftInstance>> offices = new HashMap<>();

  public SyntheticHistory(Supplier<RotaEngine> rota, BankHolidays holidays, ZoneId zone, Plan plan) {
    this.rota = Objects.requireNonNull(rota);
    this.holidays = Objects.requireNonNull(holidays);
    this.zone = Objects.requireNonNull(zone);
    this.plan = Objects.requireNonNull(plan);
  }

  /** When each person's episodes start, in order, spread over the days by hour of the week. */
  public Map<Person, List<Instant>> starts(List<Person> people) {
    Random random = new Random(plan.seed());
    Map<Person, List<Instant>> out = new LinkedHashMap<>();
    people.forEach(p -> out.put(p, new ArrayList<>()));
    Map<Person, Instant> free = new HashMap<>();
    for (int d = 0; d < plan.days(); d++) {
      LocalDate date = plan.from().plusDays(d);
      boolean quiet = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY || holidays.isBankHoliday(date);
      // Weekends (and bank holidays) are busier; weekdays a little quieter, so a week averages episodesPerDay.
      double dayWeight = quiet ? 1.3 : 0.88;
      double total = 0;
      for (double h : HOURLY) {
        total += h;
      }
      for (int hour = 0; hour < 24; hour++) {
        double expected = plan.episodesPerDay() * dayWeight * HOURLY[hour] / total;
        int count = (int) expected + (random.nextDouble() < expected - (int) expected ? 1 : 0);
        for (int i = 0; i < count; i++) {
          ZonedDateTime local = date.atTime(hour, random.nextInt(60), random.nextInt(60)).atZone(zone);
          Instant start = local.toInstant();
          // A young person already in an episode (or just out of one) is skipped for someone else.
          for (int tries = 0; tries < 8; tries++) {
            Person p = people.get(random.nextInt(people.size()));
            if (free.getOrDefault(p, Instant.MIN).isBefore(start)) {
              out.get(p).add(start);
              free.put(p, start.plus(Duration.ofDays(1)));
              break;
            }
          }
        }
      }
    }
    out.values().forEach(list -> list.sort(null));
    return out;
  }

  /** Every message of one person's conversation, numbered as the chat core numbers them; nothing after {@code notAfter}. */
  public List<Message> conversation(Person person, List<Instant> starts, Instant notAfter) {
    Random random = new Random(plan.seed() ^ person.id().hashCode());
    HistoryScript script = new HistoryScript(person, plan.manager());
    for (int i = 0; i < starts.size(); i++) {
      // An episode that ran long pushes the next one back: one conversation has one episode at a time.
      Instant start = starts.get(i).isAfter(script.at) ? starts.get(i) : script.at.plusSeconds(600);
      if (start.isAfter(notAfter)) {
        break;
      }
      episode(script, random, start, notAfter);
    }
    return script.out;
  }

  private void episode(HistoryScript s, Random r, Instant start, Instant before) {
    s.at = start;
    s.young();
    boolean urgent = r.nextDouble() < 0.04;
    boolean ignored = r.nextDouble() < 0.008;
    Optional<String> responder = responder(start, s.person);
    if (responder.isEmpty()) {
      s.harbour(MessageKind.AUTO_REPLY, "Nobody is on shift right now.", new ConversationEvent.AutoReply("nobody_on_shift", null));
      s.harbour(MessageKind.CARD, "Help that is open now.", null);
    } else {
      s.harbour(MessageKind.SYSTEM, "Someone has your message.", new ConversationEvent.Assigned(responder.get(), "on_call"));
    }
    if (urgent) {
      s.wait(r, 20, 120);
      s.alert(responder.orElse(plan.manager()), new ConversationEvent.PriorityChanged("urgent", responder.orElse(plan.manager())));
    }
    int turns = 2 + r.nextInt(2);
    String adviser = responder.orElse(null);
    for (int turn = 0; turn < turns && !ignored; turn++) {
      if (turn > 0) {
        s.wait(r, 30, 300);
        s.young();
      }
      if (r.nextBoolean()) {
        s.wait(r, 5, 60);
        s.young();
      }
      Instant waitStart = s.at;
      long delay = delaySeconds(r, urgent);
      if (adviser == null) {
        // The auto-reply went out: the next person at work answers, a little after they start.
        Instant staffed = nextStaffed(s.at);
        adviser = responder(staffed, s.person).orElse(plan.manager());
        delay = Math.max(delay, Duration.between(s.at, staffed).getSeconds() + 300 + r.nextInt(1800));
      }
      long sla = urgent ? 120 : 600;
      if (delay > sla) {
        s.at = waitStart.plusSeconds(sla);
        s.alert(null, new ConversationEvent.Escalated(1, List.of("backup"), List.of(adviser), sla / 60));
        if (delay > sla + 300) {
          s.at = waitStart.plusSeconds(sla + 300);
          s.alert(null, new ConversationEvent.Escalated(2, List.of("backup", "duty_manager"), List.of(adviser, plan.manager()), sla / 60 + 5));
        }
        if (r.nextDouble() < 0.8) {
          s.at = waitStart.plusSeconds(sla + Math.max(1, (delay - sla) / 2));
          s.alert(adviser, new ConversationEvent.Acknowledged(adviser));
        }
      }
      s.at = waitStart.plusSeconds(delay);
      if (s.at.isAfter(before)) {
        return;
      }
      s.staff(adviser);
      if (turn == 0 && !adviser.equals(s.person.pa()) && r.nextDouble() < 0.05) {
        // The duty adviser hands the conversation to the young person's own PA.
        s.wait(r, 30, 120);
        s.event(adviser, ConversationEvent.Transferred.byStaff(s.person.pa(), adviser));
        adviser = s.person.pa();
      }
    }
    s.wait(r, 120, 1800);
    if (ignored) {
      // Nobody answered; the duty manager closes it the next morning.
      s.at = s.at.plus(Duration.ofHours(10));
    }
    if (s.at.isAfter(before)) {
      return;
    }
    String closer = ignored ? plan.manager() : adviser;
    s.event(closer, new ConversationEvent.Resolved(closer));
    if (urgent) {
      // Back to normal for next time, as staff do once the crisis is over.
      s.alert(closer, new ConversationEvent.PriorityChanged("normal", closer));
    }
    double answer = r.nextDouble();
    if (answer < 0.65) {
      s.wait(r, 5, 60);
      String choice = answer < 0.46 ? "yes" : answer < 0.56 ? "not_really" : "skip";
      s.feedback(choice);
    }
  }

  /** Minutes, usually: median about 4 minutes, one in ten over a quarter of an hour, a few over an hour. */
  private static long delaySeconds(Random r, boolean urgent) {
    double minutes = Math.exp(Math.log(urgent ? 1.5 : 4) + r.nextGaussian() * 1.1);
    return Math.max(15, Math.min(6 * 3600, Math.round(minutes * 60)));
  }

  /** Who answers at {@code t}: the young person's PA in office hours, else the first adviser on call, else nobody. */
  private Optional<String> responder(Instant t, Person person) {
    LocalDate date = t.atZone(zone).toLocalDate();
    if (day(offices, date, true).stream().anyMatch(s -> s.isActiveAt(t))) {
      return Optional.of(person.pa());
    }
    return day(shifts, date, false).stream()
        .filter(s -> s.isActiveAt(t) && !s.onCall().isEmpty())
        .reduce((a, b) -> b.start().isAfter(a.start()) ? b : a)
        .map(s -> s.onCall().get(0));
  }

  private Instant nextStaffed(Instant t) {
    Instant cursor = t;
    for (int step = 0; step < 4 * 24 * 4; step++) {
      cursor = cursor.plus(Duration.ofMinutes(15));
      LocalDate date = cursor.atZone(zone).toLocalDate();
      Instant at = cursor;
      if (day(offices, date, true).stream().anyMatch(s -> s.isActiveAt(at))
          || day(shifts, date, false).stream().anyMatch(s -> s.isActiveAt(at) && !s.onCall().isEmpty())) {
        return cursor;
      }
    }
    return cursor;
  }

  private List<ShiftInstance> day(Map<LocalDate, List<ShiftInstance>> cache, LocalDate date, boolean office) {
    return cache.computeIfAbsent(date, d -> {
      Instant from = d.minusDays(1).atStartOfDay(zone).toInstant();
      Instant to = d.plusDays(2).atStartOfDay(zone).toInstant();
      return office ? rota.get().officeHoursBetween(from, to) : rota.get().shiftsBetween(from, to);
    });
  }
}
