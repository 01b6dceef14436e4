package uk.harbour.chat;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import uk.harbour.audit.AuditAction;
import uk.harbour.audit.AuditLog;
import uk.harbour.identity.CurrentUser;
import uk.harbour.identity.Identity;
import uk.harbour.identity.RequireRole;
import uk.harbour.identity.Role;
import uk.harbour.identity.SignedIn;
import uk.harbour.web.Pages;

/** A conversation's whole transcript for the case file: print-ready HTML or JSON, staff only, audited. */
public final class TranscriptRoutes {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm");

  private final ChatService chat;
  private final AuditLog audit;
  private final Pages pages;
  private final Clock clock;

  public TranscriptRoutes(ChatService chat, AuditLog audit, Pages pages, Clock clock) {
    this.chat = Objects.requireNonNull(chat);
    this.audit = Objects.requireNonNull(audit);
    this.pages = Objects.requireNonNull(pages);
    this.clock = Objects.requireNonNull(clock);
  }

  public void mount(Router router) {
    RequireRole staff = RequireRole.of(Role.ADVISER, Role.MANAGER);
    router.get("/conversations/:id/transcript").handler(staff).handler(ctx -> export(ctx, false));
    router.get("/api/conversations/:id/transcript").handler(staff).handler(ctx -> export(ctx, true));
  }

  private void export(RoutingContext ctx, boolean json) {
    SignedIn who = CurrentUser.required(ctx);
    String id = ctx.pathParam("id");
    chat.readable(who, id)
        .compose(conv -> all(who, conv).map(messages -> new Object[] {conv, messages}))
        .compose(
            pair ->
                audit
                    .append(new AuditLog.Actor(who.id(), who.role().name(), Identity.address(ctx)), AuditAction.TRANSCRIPT_EXPORTED, id, new JsonObject().put("format", json ? "json" : "html"))
                    .map(pair))
        .compose(pair -> respond(ctx, json, (Conversation) pair[0], cast(pair[1])))
        .onFailure(ctx::fail);
  }

  @SuppressWarnings("unchecked")
  private static List<Message> cast(Object value) {
    return (List<Message>) value;
  }

  private Future<List<Message>> all(SignedIn who, Conversation conv) {
    List<Message> collected = new ArrayList<>();
    return page(who, conv.id(), 0, conv.lastSeq(), collected).map(collected);
  }

  private Future<Void> page(SignedIn who, String id, long after, long last, List<Message> into) {
    if (after >= last) {
      return Future.succeededFuture();
    }
    return chat.resume(who, id, after, last).compose(found -> {
      into.addAll(found);
      long next = after + ChatService.PAGE;
      return page(who, id, next, last, into);
    });
  }

  private Future<Void> respond(RoutingContext ctx, boolean json, Conversation conv, List<Message> messages) {
    JsonArray rows = new JsonArray();
    messages.forEach(m -> rows.add(json ? m.toWire() : m.toWire().put("when", WHEN.format(m.createdAt().atZone(clock.getZone()))).put("note", m.kind() == MessageKind.NOTE)));
    if (json) {
      return ctx.response()
          .putHeader("Content-Type", "application/json; charset=utf-8")
          .putHeader("Cache-Control", "no-store")
          .end(new JsonObject().put("conversation", ServerFrames.summary(conv)).put("messages", rows).encode());
    }
    JsonObject model = new JsonObject().put("conversation", ServerFrames.summary(conv)).put("messages", rows).put("exportedAt", WHEN.format(clock.instant().atZone(clock.getZone())));
    return pages.send(ctx, 200, "transcript", model);
  }
}
