package uk.harbour.app;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import uk.harbour.calendar.BankHolidays;
import uk.harbour.chat.ChatService;
import uk.harbour.chat.ConversationEvent;
import uk.harbour.chat.Message;
import uk.harbour.chat.MessageRepository;
import uk.harbour.identity.CareLeaver;
import uk.harbour.identity.CareLeaverRepository;
import uk.harbour.reports.Episode;
import uk.harbour.rota.RotaService;

/**
 * A few weeks of made-up chat history for the demo, so the manager's dashboard has something to
 * show: six young people marked as demo (ids starting {@link Episode#DEMO_PREFIX}, names ending
 * "(demo)"), their conversations over the demo rota, stored like any messages. It ends two days
 * ago, every episode resolved, so routing has nothing to do with it; the reports are folded from
 * it at start like any stored messages.
 */
final class DemoHistory {

  static final int DAYS = 28;
  private static final List<String> NAMES = List.of("Robin", "Casey", "Alexis", "Morgan", "Jamie", "Riley");

  private final CareLeaverRepository careLeavers;
  private final MessageRepository messages;
  private final ChatService chat;
  private final RotaService rota;
  private final BankHolidays holidays;
  private final ZoneId zone;
  private final Clock clock;

  DemoHistory(CareLeaverRepository careLeavers, MessageRepository messages, ChatService chat, RotaService rota, BankHolidays holidays, ZoneId zone, Clock clock) {
    this.careLeavers = Objects.requireNonNull(careLeavers);
    this.messages = Objects.requireNonNull(messages);
    this.chat = Objects.requireNonNull(chat);
    this.rota = Objects.requireNonNull(rota);
    this.holidays = Objects.requireNonNull(holidays);
    this.zone = Objects.requireNonNull(zone);
    this.clock = Objects.requireNonNull(clock);
  }

  /** Leaves out a last episode the history's end cut short: an open conversation would wake routing. */
  static List<Message> resolvedOnly(List<Message> conversation) {
    if (conversation.isEmpty()) {
      return conversation;
    }
    int last = conversation.get(conversation.size() - 1).episode();
    boolean resolved = conversation.stream().anyMatch(m -> m.episode() == last && m.event() instanceof ConversationEvent.Resolved);
    return resolved ? conversation : conversation.stream().filter(m -> m.episode() < last).toList();
  }

  /** Stores the history; the conversations are then loaded into the chat core, which the report writer catches up with at its start. */
  Future<Void> seed(String team, List<String> pas, String manager) {
    LocalDate today = LocalDate.now(clock.withZone(zone));
    LocalDate from = today.minusDays(DAYS + 2L);
    Instant end = today.minusDays(2).atStartOfDay(zone).toInstant();
    SyntheticHistory history = new SyntheticHistory(rota::engine, holidays, zone,
        new SyntheticHistory.Plan(from, DAYS, 8, today.toEpochDay(), manager));
    List<SyntheticHistory.Person> people = new ArrayList<>();
    for (int i = 0; i < NAMES.size(); i++) {
      people.add(new SyntheticHistory.Person(Episode.DEMO_PREFIX + NAMES.get(i).toLowerCase(), NAMES.get(i) + " (demo)", pas.get(i % pas.size()), team));
    }
    Map<SyntheticHistory.Person, List<Instant>> starts = history.starts(people);
    Instant created = from.atStartOfDay(zone).toInstant();
    Future<Void> chain = Future.succeededFuture();
    for (SyntheticHistory.Person p : people) {
      List<Message> conversation = resolvedOnly(history.conversation(p, starts.get(p), end));
      chain = chain
          .compose(v -> careLeavers.insert(new CareLeaver(p.id(), p.firstName(), from.minusYears(19), p.pa(), team, true, Optional.empty(),
              Optional.empty(), created, created)))
          .compose(v -> Future.all(conversation.stream().map(messages::write).toList()))
          .compose(v -> messages.durable())
          .compose(v -> chat.conversation(p.id()))
          .mapEmpty();
    }
    return chain;
  }
}
