package uk.harbour.signposting;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import uk.harbour.chat.ChatService;
import uk.harbour.chat.ClientIds;
import uk.harbour.chat.Message;
import uk.harbour.identity.CurrentUser;
import uk.harbour.identity.RequireRole;
import uk.harbour.identity.Role;
import uk.harbour.identity.SignedIn;
import uk.harbour.web.HarbourException;
import uk.harbour.web.JsonInput;
import uk.harbour.web.Pages;

/**
 * The Help now page (anyone, signed in or not), catalogue search and card suggestions for staff,
 * and sending a card into a conversation. Mounts the catalogue editor and saved help too.
 */
public final class SignpostingRoutes {

  static final int MAX_QUERY = 100;
  private static final int RECENT_MESSAGES = 30;

  private final Signposting signposting;
  private final SavedHelp saved;
  private final CardSending sending;
  private final ChatService chat;
  private final Pages pages;

  public SignpostingRoutes(Signposting signposting, SavedHelp saved, CardSending sending, ChatService chat, Pages pages) {
    this.signposting = Objects.requireNonNull(signposting);
    this.saved = Objects.requireNonNull(saved);
    this.sending = Objects.requireNonNull(sending);
    this.chat = Objects.requireNonNull(chat);
    this.pages = Objects.requireNonNull(pages);
  }

  public void mount(Router router) {
    RequireRole staff = RequireRole.staff();
    RequireRole chatStaff = RequireRole.of(Role.ADVISER, Role.MANAGER);
    router.get("/help").handler(this::helpPage);
    router.get("/api/signposting/entries").handler(staff).handler(this::search);
    router.get("/api/signposting/entries/:id").handler(staff).handler(this::entry);
    router.get("/api/conversations/:id/card-suggestions").handler(chatStaff).handler(this::suggestions);
    router.post("/api/conversations/:id/cards").handler(chatStaff).handler(this::sendCard);
    new CatalogueRoutes(signposting, pages).mount(router);
    new SavedHelpRoutes(signposting, saved, pages).mount(router);
  }

  private void helpPage(RoutingContext ctx) {
    Optional<SignedIn> user = CurrentUser.get(ctx);
    boolean careLeaver = user.map(u -> u.role() == Role.CARE_LEAVER).orElse(false);
    String q = query(ctx);
    Future<CardAudience> audience = careLeaver ? signposting.audienceFor(user.get().id()) : Future.succeededFuture(CardAudience.anyone());
    audience
        .compose(a -> pages.send(ctx, 200, "help", helpModel(ctx, a, q, careLeaver)))
        .onFailure(ctx::fail);
  }

  private JsonObject helpModel(RoutingContext ctx, CardAudience audience, String q, boolean careLeaver) {
    Instant at = signposting.clock().instant();
    JsonArray crisis = new JsonArray();
    JsonArray crisisClosed = new JsonArray();
    JsonArray openNow = new JsonArray();
    List<JsonObject> rest = new ArrayList<>();
    for (CatalogueEntry e : signposting.all()) {
      if (!e.eligibility().allows(audience.age())) {
        continue;
      }
      boolean open = e.hours().isOpen(at, signposting.holidays());
      // The page names the council's out-of-hours line once, above the urgent help.
      JsonObject card = signposting.model(e, at, audience).put("inPage", true);
      if (e.category() == Category.CRISIS) {
        (open ? crisis : crisisClosed).add(card);
      } else if (open) {
        openNow.add(card);
      } else {
        rest.add(card);
      }
    }
    crisis.addAll(crisisClosed);
    JsonArray categories = new JsonArray();
    for (Category c : Category.values()) {
      JsonArray cards = new JsonArray();
      rest.stream().filter(card -> card.getString("category").equals(c.wireName())).forEach(cards::add);
      if (!cards.isEmpty()) {
        categories.add(new JsonObject().put("id", c.wireName()).put("label", c.label()).put("cards", cards));
      }
    }
    JsonObject model =
        new JsonObject()
            .put("crisis", crisis)
            .put("openNow", openNow)
            .put("categories", categories)
            .put("canSave", careLeaver)
            .put("signedIn", CurrentUser.get(ctx).isPresent())
            .put("careLeaver", careLeaver)
            .put("csrfToken", (String) ctx.get("X-XSRF-TOKEN"));
    if (audience.firstName() != null) {
      model.put("firstName", audience.firstName());
    }
    if (!q.isEmpty()) {
      JsonArray results = new JsonArray();
      signposting.search(q, audience.age()).forEach(e -> results.add(signposting.model(e, at, audience)));
      model.put("q", q).put("searched", true).put("results", results);
    }
    return model;
  }

  private void search(RoutingContext ctx) {
    String q = query(ctx);
    Optional<Category> category = Optional.ofNullable(ctx.request().getParam("category")).filter(s -> !s.isEmpty()).map(text -> Category.fromWire(text).orElseThrow(() -> HarbourException.badRequest("bad_category", "Unknown category.")));
    List<CatalogueEntry> found = q.isEmpty() ? signposting.all() : signposting.search(q, null);
    Instant at = signposting.clock().instant();
    JsonArray entries = new JsonArray();
    found.stream().filter(e -> category.map(c -> e.category() == c).orElse(true)).forEach(e -> entries.add(summary(e, at)));
    json(ctx, 200, new JsonObject().put("entries", entries));
  }

  private JsonObject summary(CatalogueEntry e, Instant at) {
    return new JsonObject()
        .put("id", e.id())
        .put("name", e.name())
        .put("category", e.category().wireName())
        .put("summary", e.summary())
        .put("version", e.version())
        .put("demo", e.demo())
        .put("status", CardView.status(e.hours(), at, signposting.holidays()));
  }

  private void entry(RoutingContext ctx) {
    CatalogueEntry e = signposting.entry(ctx.pathParam("id")).orElseThrow(() -> HarbourException.notFound("No such catalogue entry."));
    json(ctx, 200, CatalogueJson.toJson(e, true));
  }

  private void suggestions(RoutingContext ctx) {
    SignedIn who = CurrentUser.required(ctx);
    String id = ctx.pathParam("id");
    chat.readable(who, id)
        .compose(conv -> chat.history(who, id, conv.lastSeq() + 1, RECENT_MESSAGES))
        .compose(messages -> signposting.audienceFor(id).map(audience -> suggest(messages, audience)))
        .onSuccess(body -> json(ctx, 200, body))
        .onFailure(ctx::fail);
  }

  private JsonObject suggest(List<Message> messages, CardAudience audience) {
    List<String> texts = messages.stream().filter(Message::fromCareLeaver).map(Message::text).filter(Objects::nonNull).toList();
    JsonArray out = new JsonArray();
    for (Signposting.Suggestion s : signposting.suggest(texts, audience.age(), 8)) {
      out.add(new JsonObject().put("id", s.entry().id()).put("name", s.entry().name()).put("category", s.entry().category().wireName()).put("because", new JsonArray(new ArrayList<>(s.because()))));
    }
    return new JsonObject().put("suggestions", out);
  }

  private void sendCard(RoutingContext ctx) {
    JsonInput in = JsonInput.body(ctx, "entryId", "clientId");
    String entryId = in.requiredString("entryId", 60);
    String clientId = in.requiredString("clientId", 64);
    if (!ClientIds.valid(clientId)) {
      ctx.fail(HarbourException.badRequest("bad_value", ClientIds.RULE));
      return;
    }
    sending
        .send(CurrentUser.required(ctx), ctx.pathParam("id"), entryId, clientId)
        .onSuccess(message -> json(ctx, 201, new JsonObject().put("message", message.toWire())))
        .onFailure(ctx::fail);
  }

  /** The search words from {@code ?q=}: at most 100 characters, no control characters. */
  static String query(RoutingContext ctx) {
    String q = Optional.ofNullable(ctx.request().getParam("q")).orElse("").strip();
    if (q.length() > MAX_QUERY) {
      throw HarbourException.badRequest("too_long", "Search words must be at most " + MAX_QUERY + " characters.");
    }
    if (q.chars().anyMatch(Character::isISOControl)) {
      throw HarbourException.badRequest("bad_characters", "Search words contain characters that are not allowed.");
    }
    return q;
  }

  static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(body.encode());
  }
}
