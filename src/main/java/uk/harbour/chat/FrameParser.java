package uk.harbour.chat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import uk.harbour.safety.RiskCategory;
import uk.harbour.web.HarbourException;
import uk.harbour.web.JsonInput;
import uk.harbour.web.StrictJson;

/** Turns a text frame into a {@link ClientFrame}, or fails with the protocol's error code. */
public final class FrameParser {

  /** Characters as a reader counts them, see {@link uk.harbour.web.VisibleText#length}. */
  public static final int MAX_TEXT = 4000;
  /** The reason staff give for raising or clearing a risk flag. */
  public static final int MAX_REASON = 500;
  private static final String CATEGORY_IDS =
      String.join(", ", java.util.Arrays.stream(RiskCategory.values()).map(RiskCategory::id).toList());
  public static final int MAX_NOTE = 1000;
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.@-]{1,80}");
  private static final Set<String> PRESENCE = Set.of("available", "busy", "away");
  private static final Set<String> PRIORITIES = Set.of("normal", "urgent");

  private FrameParser() {}

  public static ClientFrame parse(String text) {
    Object parsed;
    try {
      parsed = StrictJson.parse(text);
    } catch (StrictJson.Invalid e) {
      throw HarbourException.badRequest("bad_json", "That frame is not valid JSON (strict JSON: no comments, no duplicate keys).");
    }
    if (!(parsed instanceof JsonObject json)) {
      throw HarbourException.badRequest("bad_frame", "A frame must be a JSON object.");
    }
    if (!(json.getValue("type") instanceof String type)) {
      throw HarbourException.badRequest("bad_frame", "A frame needs a 'type'.");
    }
    try {
      return frame(type, json);
    } catch (HarbourException e) {
      // Once the type is known the refusal can name the frame it answers, as every other error does.
      String ref = "send".equals(type) && json.getValue("clientId") instanceof String clientId && ClientIds.valid(clientId) ? clientId : type;
      throw new Refused(e, ref);
    }
  }

  /** A frame refused after its type was read: {@link #ref()} is its client id (a send) or its type. */
  public static final class Refused extends HarbourException {
    private final String ref;

    Refused(HarbourException cause, String ref) {
      super(cause.status(), cause.code(), cause.getMessage());
      this.ref = ref;
    }

    public String ref() {
      return ref;
    }
  }

  private static ClientFrame frame(String type, JsonObject json) {
    return switch (type) {
      case "send" -> send(JsonInput.of(json, "type", "conversationId", "clientId", "text", "kind"));
      case "resume" -> {
        JsonInput in = JsonInput.of(json, "type", "conversationId", "afterSeq");
        yield new ClientFrame.Resume(id(in, "conversationId"), in.optionalLong("afterSeq", 0, Long.MAX_VALUE).orElse(0L));
      }
      case "history" -> {
        JsonInput in = JsonInput.of(json, "type", "conversationId", "beforeSeq", "limit");
        yield new ClientFrame.History(
            id(in, "conversationId"),
            in.optionalLong("beforeSeq", 1, Long.MAX_VALUE).orElse(Long.MAX_VALUE),
            in.optionalLong("limit", 1, 100).orElse(50L).intValue());
      }
      case "typing" -> new ClientFrame.Typing(id(JsonInput.of(json, "type", "conversationId"), "conversationId"));
      case "read" -> {
        JsonInput in = JsonInput.of(json, "type", "conversationId", "seq");
        long seq = in.optionalLong("seq", 0, Long.MAX_VALUE).orElseThrow(() -> missing("seq"));
        yield new ClientFrame.Read(id(in, "conversationId"), seq);
      }
      case "presence" -> {
        String status = JsonInput.of(json, "type", "status").requiredString("status", 20);
        if (!PRESENCE.contains(status)) {
          throw HarbourException.badRequest("bad_frame", "'status' must be available, busy or away.");
        }
        yield new ClientFrame.Presence(status);
      }
      case "transfer" -> {
        JsonInput in = JsonInput.of(json, "type", "conversationId", "to", "note");
        yield new ClientFrame.Transfer(
            id(in, "conversationId").orElseThrow(() -> missing("conversationId")),
            id(in, "to").orElseThrow(() -> missing("to")),
            in.optionalVisibleText("note", MAX_NOTE));
      }
      case "resolve" -> {
        JsonInput in = JsonInput.of(json, "type", "conversationId");
        yield new ClientFrame.Resolve(id(in, "conversationId").orElseThrow(() -> missing("conversationId")));
      }
      case "priority" -> {
        JsonInput in = JsonInput.of(json, "type", "conversationId", "priority");
        String priority = in.requiredString("priority", 10);
        if (!PRIORITIES.contains(priority)) {
          throw HarbourException.badRequest("bad_frame", "'priority' must be normal or urgent.");
        }
        yield new ClientFrame.Priority(id(in, "conversationId").orElseThrow(() -> missing("conversationId")), priority);
      }
      case "acknowledge" -> {
        JsonInput in = JsonInput.of(json, "type", "conversationId");
        yield new ClientFrame.Acknowledge(id(in, "conversationId").orElseThrow(() -> missing("conversationId")));
      }
      case "queue" -> {
        JsonInput.of(json, "type");
        yield new ClientFrame.Queue();
      }
      case "alertReceived" -> {
        JsonInput in = JsonInput.of(json, "type", "conversationId", "seq");
        long seq = in.optionalLong("seq", 1, Long.MAX_VALUE).orElseThrow(() -> missing("seq"));
        yield new ClientFrame.AlertReceived(id(in, "conversationId").orElseThrow(() -> missing("conversationId")), seq);
      }
      case "risk" -> risk(JsonInput.of(json, "type", "conversationId", "action", "categories", "reason"));
      case "feedback" -> {
        JsonInput in = JsonInput.of(json, "type", "episode", "answer");
        long episode = in.optionalLong("episode", 1, Integer.MAX_VALUE).orElseThrow(() -> missing("episode"));
        String answer = in.requiredString("answer", 20);
        if (!EpisodeFeedback.ANSWERS.contains(answer)) {
          throw HarbourException.badRequest("bad_frame", "'answer' must be yes, not_really or skip.");
        }
        yield new ClientFrame.Feedback((int) episode, answer);
      }
      default -> throw HarbourException.badRequest("bad_frame", "Unknown frame type.");
    };
  }

  private static ClientFrame.Send send(JsonInput in) {
    String clientId = in.requiredString("clientId", 64);
    if (!ClientIds.valid(clientId)) {
      throw HarbourException.badRequest("bad_frame", ClientIds.RULE);
    }
    String text = in.requiredVisibleText("text", MAX_TEXT);
    String kind = in.optionalString("kind", 10).orElse("text");
    MessageKind messageKind =
        switch (kind) {
          case "text" -> MessageKind.TEXT;
          case "note" -> MessageKind.NOTE;
          default -> throw HarbourException.badRequest("bad_frame", "'kind' must be text or note.");
        };
    return new ClientFrame.Send(id(in, "conversationId"), clientId, text, messageKind);
  }

  /** {@code raise} needs one or more of the safety check's categories; {@code clear} takes none. Both need a reason. */
  private static ClientFrame.Risk risk(JsonInput in) {
    String conversationId = id(in, "conversationId").orElseThrow(() -> missing("conversationId"));
    String action = in.requiredString("action", 10);
    if (!action.equals("raise") && !action.equals("clear")) {
      throw HarbourException.badRequest("bad_frame", "'action' must be raise or clear.");
    }
    String reason = in.requiredVisibleText("reason", MAX_REASON);
    List<String> categories = new ArrayList<>();
    if (action.equals("raise")) {
      JsonArray given = in.requiredArray("categories");
      for (Object item : given) {
        if (!(item instanceof String id) || RiskCategory.fromId(id).isEmpty()) {
          throw HarbourException.badRequest("bad_frame", "'categories' must list risk categories: " + CATEGORY_IDS + ".");
        }
        if (!categories.contains(id)) {
          categories.add(id);
        }
      }
      if (categories.isEmpty()) {
        throw missing("categories");
      }
    } else if (in.has("categories")) {
      throw HarbourException.badRequest("bad_frame", "Clearing a flag takes no 'categories'.");
    }
    return new ClientFrame.Risk(conversationId, action.equals("raise"), categories, reason);
  }

  private static Optional<String> id(JsonInput in, String field) {
    Optional<String> value = in.optionalString(field, 80);
    value.ifPresent(
        v -> {
          if (!ID.matcher(v).matches()) {
            throw HarbourException.badRequest("bad_frame", "'" + field + "' is not a valid id.");
          }
        });
    return value;
  }

  private static HarbourException missing(String field) {
    return HarbourException.badRequest("missing_field", "'" + field + "' is required.");
  }
}
