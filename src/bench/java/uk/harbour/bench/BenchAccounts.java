package uk.harbour.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientSession;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Creates the bench's advisers and care leavers through Harbour's own API, as staff would. */
final class BenchAccounts {

  /** A bench account; {@code pa} is the adviser's username for a care leaver (their PA), {@code login} their sign-in name. */
  record Person(String id, WebClientSession session, String pa, String login) {}

  static final String CARE_LEAVER_PASSPHRASE = "bench purple river toast";

  private static final String ADVISER_PASSWORD = "bench-adviser-correct-horse";

  private final Vertx vertx;
  private final WebClient http;
  private final BenchOptions options;
  private final String run = Long.toString(System.nanoTime() % 1_000_000, 36);

  BenchAccounts(Vertx vertx, WebClient http, BenchOptions options) {
    this.vertx = vertx;
    this.http = http;
    this.options = options;
  }

  Future<List<Person>> advisers(String adminUser, String adminPassword) {
    WebClientSession admin = WebClientSession.create(http);
    Future<Void> chain = post(admin, "/api/session", new JsonObject().put("username", adminUser).put("password", adminPassword)).mapEmpty();
    List<Person> advisers = Collections.synchronizedList(new ArrayList<>());
    for (int a = 0; a < options.advisers(); a++) {
      String username = "bench" + run + "a" + a;
      chain =
          chain
              .compose(v -> post(admin, "/api/staff", new JsonObject().put("username", username).put("displayName", "Bench " + username).put("role", "ADVISER").put("team", "leaving-care").put("password", ADVISER_PASSWORD)))
              .compose(v -> {
                WebClientSession session = WebClientSession.create(http);
                return post(session, "/api/session", new JsonObject().put("username", username).put("password", ADVISER_PASSWORD)).map(r -> new Person(username, session, null, username));
              })
              .map(person -> {
                advisers.add(person);
                return null;
              });
    }
    return chain.map(v -> List.copyOf(advisers));
  }

  Future<List<Person>> careLeavers(List<Person> advisers) {
    List<Person> people = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger next = new AtomicInteger();
    List<Future<Void>> lanes = new ArrayList<>();
    // Several lanes per adviser when there are few: set-up waits mostly on the store's commits, so
    // more requests at once finish it sooner. PAs go round-robin by care leaver, not by lane, so every
    // adviser has as many care leavers (a console follows at most 47 of them).
    int count = Math.max(advisers.size(), options.setupConcurrency());
    for (int l = 0; l < count; l++) {
      lanes.add(lane(advisers, next, people));
    }
    return Future.all(lanes).map(v -> {
      List<Person> sorted = new ArrayList<>(people);
      sorted.sort((x, y) -> x.id().compareTo(y.id()));
      return sorted;
    });
  }

  private Future<Void> lane(List<Person> advisers, AtomicInteger next, List<Person> into) {
    int i = next.getAndIncrement();
    if (i >= options.careLeavers()) {
      return Future.succeededFuture();
    }
    Person pa = advisers.get(i % advisers.size());
    WebClientSession phone = WebClientSession.create(http);
    return post(pa.session(), "/api/care-leavers", new JsonObject().put("firstName", "Young" + i).put("dateOfBirth", "2005-06-01"))
        .compose(invite -> post(phone, "/api/invites/redeem",
                new JsonObject().put("code", invite.getString("code")).put("loginName", "b" + run + "-" + i).put("passphrase", CARE_LEAVER_PASSPHRASE))
            .map(r -> new Person(invite.getString("careLeaverId"), phone, pa.id(), "b" + run + "-" + i)))
        .compose(person -> {
          into.add(person);
          return lane(advisers, next, into);
        });
  }

  /** Signs a care leaver in again (after a server restart) on a fresh session. */
  Future<Person> signInAgain(Person careLeaver) {
    WebClientSession phone = WebClientSession.create(http);
    return post(phone, "/api/session/young-person", new JsonObject().put("loginName", careLeaver.login()).put("secret", CARE_LEAVER_PASSPHRASE))
        .map(r -> new Person(careLeaver.id(), phone, careLeaver.pa(), careLeaver.login()));
  }

  /** Fetches a CSRF token for this session, then posts JSON; fails on any non-2xx answer. */
  private Future<JsonObject> post(WebClientSession session, String path, JsonObject body) {
    return session.get("/api/csrf").send()
        .compose(r -> session.post(path).putHeader("X-XSRF-TOKEN", r.bodyAsJsonObject().getString("token")).sendJsonObject(body))
        .compose(r -> r.statusCode() / 100 == 2
            ? Future.succeededFuture(r.body() == null || r.body().length() == 0 ? new JsonObject() : r.bodyAsJsonObject())
            : Future.failedFuture(path + " answered " + r.statusCode() + ": " + r.bodyAsString()));
  }
}
