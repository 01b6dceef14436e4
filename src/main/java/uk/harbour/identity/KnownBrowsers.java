package uk.harbour.identity;

import io.vertx.core.Future;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import uk.harbour.identity.KnownBrowserRepository.KnownBrowser;

/**
 * Browsers an account has signed in from before: after a successful sign-in the browser gets a
 * random HttpOnly cookie, stored (as a hash) against that account. It signs nobody in; it only lets
 * the right password through while strangers' failures are slowing the account (see
 * {@link LoginThrottle}), so nobody can keep a person out of the browser they always use.
 */
public final class KnownBrowsers {

  public static final String COOKIE = "harbour.known";
  /** How long a browser stays known after the sign-in that made it so. */
  public static final Duration LIFETIME = Duration.ofDays(180);

  private final KnownBrowserRepository browsers;
  private final Clock clock;
  private final Duration lifetime;
  private final boolean secureCookies;

  public KnownBrowsers(KnownBrowserRepository browsers, Clock clock, Duration lifetime, boolean secureCookies) {
    this.browsers = Objects.requireNonNull(browsers);
    this.clock = Objects.requireNonNull(clock);
    this.lifetime = Objects.requireNonNull(lifetime);
    this.secureCookies = secureCookies;
  }

  /** The browser's token, when it sent one. */
  public static Optional<String> token(RoutingContext ctx) {
    Cookie cookie = ctx.request().getCookie(COOKIE);
    return cookie == null || cookie.getValue().isBlank() ? Optional.empty() : Optional.of(cookie.getValue());
  }

  /** The stored id of this browser when it is known for {@code account} and has not expired. */
  public Future<Optional<String>> recognise(Optional<String> token, String account) {
    if (token.isEmpty()) {
      return Future.succeededFuture(Optional.empty());
    }
    Instant now = clock.instant();
    return browsers
        .find(Tokens.sha256(token.get()), account)
        .map(found -> found.filter(b -> now.isBefore(b.expiresAt())).map(KnownBrowser::tokenHash));
  }

  /**
   * After a successful sign-in to {@code account}: this browser is known for it from now on. A
   * browser already known for it keeps its cookie; any other gets a new token, so a token planted
   * in a browser before sign-in never becomes known.
   */
  public Future<Void> remember(RoutingContext ctx, String account) {
    return recognise(token(ctx), account)
        .compose(
            known -> {
              if (known.isPresent()) {
                return Future.succeededFuture();
              }
              String token = Tokens.random();
              Instant now = clock.instant();
              return browsers
                  .insert(new KnownBrowser(Tokens.sha256(token), account, now, now.plus(lifetime)))
                  .onSuccess(
                      v ->
                          ctx.response()
                              .addCookie(
                                  Cookie.cookie(COOKIE, token)
                                      .setPath("/")
                                      .setHttpOnly(true)
                                      .setSecure(secureCookies)
                                      .setSameSite(CookieSameSite.STRICT)
                                      .setMaxAge(lifetime.toSeconds())));
            });
  }

  /** The browser no longer counts as known for the account (too many wrong tries with it). */
  public Future<Void> forget(String tokenHash, String account) {
    return browsers.delete(tokenHash, account);
  }
}
