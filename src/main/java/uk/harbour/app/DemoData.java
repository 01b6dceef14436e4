package uk.harbour.app;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.harbour.audit.AuditLog.Actor;
import uk.harbour.identity.Role;
import uk.harbour.identity.SignedIn;
import uk.harbour.identity.StaffAccounts.NewStaff;
import uk.harbour.identity.Tokens;
import uk.harbour.identity.YoungPeople.NewCareLeaver;
import uk.harbour.signposting.CatalogueSeed;

/**
 * Seeds demo accounts on first start of a demo store (never when there are staff already) and
 * prints their sign-in details once. Passwords are random per install.
 */
final class DemoData {

  private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
  static final String TEAM = "leaving-care";

  private DemoData() {}

  record DemoStaff(String username, String displayName, Role role) {}

  static final List<DemoStaff> STAFF =
      List.of(
          new DemoStaff("sam", "Sam Okafor", Role.ADVISER),
          new DemoStaff("priya", "Priya Shah", Role.ADVISER),
          new DemoStaff("jo", "Jo Bennett", Role.MANAGER),
          new DemoStaff("alex", "Alex Admin", Role.ADMIN));

  static Future<Void> seed(Vertx vertx, Services services) {
    return seedLocalOffer(vertx, services).compose(v -> seedAccounts(services));
  }

  /** The fictional council's local offer: idempotent, so it runs on every demo start. */
  private static Future<Void> seedLocalOffer(Vertx vertx, Services services) {
    Path file = services.config().files().signposting().resolve(CatalogueSeed.DEMO_LOCAL);
    return vertx
        .executeBlocking(() -> CatalogueSeed.parse(Files.readString(file), services.config().zone(), true), false)
        .compose(entries -> services.signposting().seed(entries))
        .mapEmpty();
  }

  private static Future<Void> seedAccounts(Services services) {
    return services
        .identity()
        .staffAccounts()
        .all()
        .compose(existing -> existing.isEmpty() ? seedFresh(services) : Future.succeededFuture());
  }

  private static Future<Void> seedFresh(Services services) {
    Actor system = Actor.system();
    StringBuilder printed = new StringBuilder("\n\n==== Harbour demo: sign-in details (shown once; delete data/ to start again) ====\n");
    Future<Void> chain = Future.succeededFuture();
    for (DemoStaff demo : STAFF) {
      // Four random words' worth of entropy, readable for a demo.
      String password = "demo-" + Tokens.random().substring(0, 16);
      chain =
          chain.compose(
              v ->
                  services
                      .identity()
                      .staffAccounts()
                      .create(system, new NewStaff(demo.username(), demo.displayName(), demo.role(), TEAM, password))
                      .map(
                          a -> {
                            printed.append(String.format("  %-8s %-8s password %s%n", demo.role().name().toLowerCase(), demo.username(), password));
                            return null;
                          }));
    }
    SignedIn sam = new SignedIn("sam", Role.ADVISER, "Sam Okafor", TEAM, services.clock().instant());
    LocalDate birthday = LocalDate.now(services.clock()).minusYears(19).minusDays(40);
    return chain
        .compose(v -> services.identity().youngPeople().create(sam, "demo", new NewCareLeaver("Jay", birthday, "sam")))
        .map(
            invite -> {
              String base = services.config().http().publicUrl().toString().replaceAll("/$", "");
              printed
                  .append("  Staff sign in at ").append(base).append("/signin\n")
                  .append("  Young person Jay (PA: sam): open ").append(base).append("/join/").append(invite.token())
                  .append("\n    or go to ").append(base).append("/join and type the code ").append(invite.code()).append('\n')
                  .append("==========================================================================\n");
              LOG.info(printed.toString());
              return null;
            })
        // A few weeks of made-up history, so Jo's dashboard at /reports has something to show.
        .compose(v -> services.reports().demoHistory().seed(TEAM, List.of("sam", "priya"), "jo"));
  }
}
