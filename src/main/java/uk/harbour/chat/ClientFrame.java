package uk.harbour.chat;

import java.util.List;
import java.util.Optional;

/** A checked frame from a client; see docs/chat-protocol.md. */
public sealed interface ClientFrame {

  String type();

  /** What an {@code error} frame's {@code ref} names this frame by: its type, or a send's client id. */
  default String ref() {
    return type();
  }

  /** Hands this frame to the visitor's method for its type. */
  void accept(Visitor visitor);

  /** One method per frame type, so a new frame type cannot be left unhandled. */
  interface Visitor {
    void onSend(Send frame);

    void onResume(Resume frame);

    void onHistory(History frame);

    void onTyping(Typing frame);

    void onRead(Read frame);

    void onPresence(Presence frame);

    void onTransfer(Transfer frame);

    void onResolve(Resolve frame);

    void onPriority(Priority frame);

    void onAcknowledge(Acknowledge frame);

    void onQueue(Queue frame);

    void onRisk(Risk frame);

    void onFeedback(Feedback frame);

    void onAlertReceived(AlertReceived frame);
  }

  record Send(Optional<String> conversationId, String clientId, String text, MessageKind kind) implements ClientFrame {
    public String type() {
      return "send";
    }

    @Override
    public String ref() {
      return clientId;
    }

    public void accept(Visitor visitor) {
      visitor.onSend(this);
    }
  }

  record Resume(Optional<String> conversationId, long afterSeq) implements ClientFrame {
    public String type() {
      return "resume";
    }

    public void accept(Visitor visitor) {
      visitor.onResume(this);
    }
  }

  record History(Optional<String> conversationId, long beforeSeq, int limit) implements ClientFrame {
    public String type() {
      return "history";
    }

    public void accept(Visitor visitor) {
      visitor.onHistory(this);
    }
  }

  record Typing(Optional<String> conversationId) implements ClientFrame {
    public String type() {
      return "typing";
    }

    public void accept(Visitor visitor) {
      visitor.onTyping(this);
    }
  }

  record Read(Optional<String> conversationId, long seq) implements ClientFrame {
    public String type() {
      return "read";
    }

    public void accept(Visitor visitor) {
      visitor.onRead(this);
    }
  }

  record Presence(String status) implements ClientFrame {
    public String type() {
      return "presence";
    }

    public void accept(Visitor visitor) {
      visitor.onPresence(this);
    }
  }

  record Transfer(String conversationId, String to, Optional<String> note) implements ClientFrame {
    public String type() {
      return "transfer";
    }

    public void accept(Visitor visitor) {
      visitor.onTransfer(this);
    }
  }

  record Resolve(String conversationId) implements ClientFrame {
    public String type() {
      return "resolve";
    }

    public void accept(Visitor visitor) {
      visitor.onResolve(this);
    }
  }

  record Priority(String conversationId, String priority) implements ClientFrame {
    public String type() {
      return "priority";
    }

    public void accept(Visitor visitor) {
      visitor.onPriority(this);
    }
  }

  record Acknowledge(String conversationId) implements ClientFrame {
    public String type() {
      return "acknowledge";
    }

    public void accept(Visitor visitor) {
      visitor.onAcknowledge(this);
    }
  }

  record Queue() implements ClientFrame {
    public String type() {
      return "queue";
    }

    public void accept(Visitor visitor) {
      visitor.onQueue(this);
    }
  }

  /** Staff raise a risk flag by hand ({@code raise}, with categories) or clear it, always with a reason. */
  record Risk(String conversationId, boolean raise, List<String> categories, String reason) implements ClientFrame {
    public Risk {
      categories = List.copyOf(categories);
    }

    public String type() {
      return "risk";
    }

    public void accept(Visitor visitor) {
      visitor.onRisk(this);
    }
  }

  /** The young person's one-tap answer to "Was this helpful?" for a resolved episode. */
  record Feedback(int episode, String answer) implements ClientFrame {
    public String type() {
      return "feedback";
    }

    public void accept(Visitor visitor) {
      visitor.onFeedback(this);
    }
  }

  /** A staff console's receipt for an {@code alert} frame (the stored alert's seq): it arrived and is ringing. */
  record AlertReceived(String conversationId, long seq) implements ClientFrame {
    public String type() {
      return "alertReceived";
    }

    public void accept(Visitor visitor) {
      visitor.onAlertReceived(this);
    }
  }
}
