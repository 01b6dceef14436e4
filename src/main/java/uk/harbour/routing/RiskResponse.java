package uk.harbour.routing;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.harbour.async.Retried;
import uk.harbour.audit.AuditAction;
import uk.harbour.audit.AuditLog;
import uk.harbour.chat.Conversation;
import uk.harbour.chat.ConversationEvent;
import uk.harbour.chat.ConversationPosts;
import uk.harbour.chat.Message;
import uk.harbour.chat.MessageKind;
import uk.harbour.safety.RiskCategory;
import uk.harbour.safety.RiskResult;
import uk.harbour.safety.Safety;
import uk.harbour.safety.Severity;

/**
 * Reads every young person's message for risk (the safety check) and, when it finds some, makes
 * sure help and a person arrive: in the same conversation, before anyone on staff replies, a kind
 * line and crisis help that is open now (once an episode); the conversation flagged and urgent;
 * and, for a new risk, an alert at once to whoever has the conversation, everyone on call and every
 * rung of the ladder, repeating until someone acknowledges or replies. Each step is a staff-only
 * record and an audit event; no log line or alert carries the young person's words. What the store
 * refuses is tried again ({@link #RETRIES}), as nothing else would notice that words showing risk
 * went unflagged: every step checks the conversation first, so a second try adds only what is missing.
 */
public final class RiskResponse {

  /** The waits before each further try when the store refuses the response: about 40 s in all. */
  public static final List<Duration> RETRIES = List.of(Duration.ofSeconds(2), Duration.ofSeconds(8), Duration.ofSeconds(30));

  private static final Logger LOG = LoggerFactory.getLogger(RiskResponse.class);

  /** The sender of what the check decides. */
  static final String BY = RoutingTexts.SENDER_ID;

  private final ConversationPosts chat;
  private final Safety safety;
  private final CrisisHelp help;
  private final Escalations escalations;
  private final RoutingTexts texts;
  private final AuditLog audit;
  private final Vertx vertx;
  private final List<Duration> retries;
  private final LastWords lastWords = new LastWords();
  private final Clock clock;

  public RiskResponse(
      ConversationPosts chat,
      Safety safety,
      CrisisHelp help,
      Escalations escalations,
      RoutingTexts texts,
      AuditLog audit,
      Vertx vertx,
      List<Duration> retries,
      Clock clock) {
    this.chat = Objects.requireNonNull(chat);
    this.safety = Objects.requireNonNull(safety);
    this.help = Objects.requireNonNull(help);
    this.escalations = Objects.requireNonNull(escalations);
    this.texts = Objects.requireNonNull(texts);
    this.audit = Objects.requireNonNull(audit);
    this.vertx = Objects.requireNonNull(vertx);
    this.retries = List.copyOf(retries);
    this.clock = Objects.requireNonNull(clock);
  }

  /** Completes once any response is stored and any alert sent; at once when the words show no risk. */
  public Future<Void> check(Message message) {
    if (!message.fromCareLeaver() || message.kind() != MessageKind.TEXT) {
      return Future.succeededFuture();
    }
    RiskResult alone = safety.check(message.text());
    RiskResult result = alone.flag()
        ? alone
        : lastWords.before(message).map(before -> safety.check(before + " " + message.text())).orElse(alone);
    lastWords.remember(message, result.flag());
    if (!result.flag()) {
      return Future.succeededFuture();
    }
    Instant now = clock.instant();
    String id = message.conversationId();
    Finding finding = Finding.of(result, safety);
    // A failed try may have stored the flag before failing: then the alert is sent all the same.
    AtomicBoolean unsure = new AtomicBoolean();
    return help.cards(now, id, finding.cards())
        // The kind line must go out even if the catalogue cannot answer.
        .recover(e -> Future.succeededFuture(List.of()))
        .compose(cards -> Retried.after(vertx, retries, () -> chat.postIf(id, conv -> respond(conv, finding, cards, now)), (e, wait) -> {
          unsure.set(true);
          LOG.warn("The risk response for conversation {} could not be stored; trying again in {} s", id, wait.toSeconds(), e);
        }))
        .compose(posted -> posted.stream().anyMatch(m -> m.event() instanceof ConversationEvent.RiskFlagged) || unsure.get()
            ? flagged(id, finding, now)
            : Future.succeededFuture());
  }

  /** What the check found, in the ids the conversation keeps, and the cards its guidance names. */
  private record Finding(List<String> categories, String severity, List<String> rules, List<String> cards, String titles) {

    static Finding of(RiskResult result, Safety safety) {
      Set<String> cards = new LinkedHashSet<>();
      List<String> titles = new ArrayList<>();
      for (RiskCategory category : result.categories()) {
        cards.addAll(safety.guidance().forCategory(category).cards());
        titles.add(safety.guidance().forCategory(category).title().toLowerCase(java.util.Locale.UK));
      }
      return new Finding(
          result.categories().stream().map(RiskCategory::id).toList(),
          result.severity().map(Severity::id).orElse(Severity.HIGH.id()),
          result.matched().stream().map(RiskResult.Match::rule).distinct().toList(),
          List.copyOf(cards),
          String.join(", ", titles));
    }
  }

  private List<Message> respond(Conversation conv, Finding finding, List<JsonObject> cards, Instant now) {
    List<Message> out = new ArrayList<>();
    // New risk: more than the flag holds, or risk in an episode that has not had it yet (a flag
    // nobody cleared stays for weeks, but tonight's words need a person now).
    if (conv.riskAdds(finding.categories(), finding.severity()) || !conv.safetyRepliedThisEpisode()) {
      out.add(texts.system(conv.id(), MessageKind.ALERT,
          "Risk check: " + finding.titles() + " (" + finding.severity() + "). " + name(conv) + " has been sent crisis help, and staff on shift are alerted.", now,
          new ConversationEvent.RiskFlagged(finding.categories(), finding.severity(), BY, null, finding.rules())));
    }
    if (!"urgent".equals(conv.priority())) {
      out.add(texts.system(conv.id(), MessageKind.ALERT, "Harbour marked this conversation urgent after the risk check.", now,
          new ConversationEvent.PriorityChanged("urgent", BY)));
    }
    if (!conv.safetyRepliedThisEpisode()) {
      out.add(texts.system(conv.id(), MessageKind.SYSTEM, texts.safetyReply(conv.careLeaverName(), !cards.isEmpty()), now,
          new ConversationEvent.SafetyReply(finding.categories())));
      cards.forEach(card -> out.add(texts.card(conv.id(), card, now)));
    }
    return out;
  }

  private Future<Void> flagged(String conversationId, Finding finding, Instant now) {
    JsonObject detail =
        new JsonObject().put("categories", new JsonArray(finding.categories())).put("severity", finding.severity()).put("rules", new JsonArray(finding.rules()));
    // Both run whatever the other does: an audit write that fails must not hold back the alert.
    Future<List<Message>> alerted = Retried.after(vertx, retries, () -> escalations.alertNow(conversationId, now),
        (e, wait) -> LOG.warn("The risk alert for conversation {} could not be stored; trying again in {} s", conversationId, wait.toSeconds(), e));
    return Future.join(audit.append(AuditLog.Actor.system(), AuditAction.RISK_FLAGGED, conversationId, detail), alerted).mapEmpty();
  }

  private static String name(Conversation conv) {
    return conv.careLeaverName() == null ? "The young person" : conv.careLeaverName();
  }
}
