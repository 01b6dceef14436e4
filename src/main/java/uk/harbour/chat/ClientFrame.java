package uk.harbour.chat;

import java.util.Optional;

/** A checked frame from a client; see docs/chat-protocol.md. */
public sealed interface ClientFrame {

  String type();

  record Send(Optional<String> conversationId, String clientId, String text, MessageKind kind) implements ClientFrame {
    public String type() {
      return "send";
    }
  }

  record Resume(Optional<String> conversationId, long afterSeq) implements ClientFrame {
    public String type() {
      return "resume";
    }
  }

  record History(Optional<String> conversationId, long beforeSeq, int limit) implements ClientFrame {
    public String type() {
      return "history";
    }
  }

  record Typing(Optional<String> conversationId) implements ClientFrame {
    public String type() {
      return "typing";
    }
  }

  record Read(Optional<String> conversationId, long seq) implements ClientFrame {
    public String type() {
      return "read";
    }
  }

  record Presence(String status) implements ClientFrame {
    public String type() {
      return "presence";
    }
  }

  record Transfer(String conversationId, String to, Optional<String> note) implements ClientFrame {
    public String type() {
      return "transfer";
    }
  }

  record Resolve(String conversationId) implements ClientFrame {
    public String type() {
      return "resolve";
    }
  }

  record Priority(String conversationId, String priority) implements ClientFrame {
    public String type() {
      return "priority";
    }
  }

  record Acknowledge(String conversationId) implements ClientFrame {
    public String type() {
      return "acknowledge";
    }
  }

  record Queue() implements ClientFrame {
    public String type() {
      return "queue";
    }
  }
}
