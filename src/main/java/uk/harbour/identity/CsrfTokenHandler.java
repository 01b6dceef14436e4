package uk.harbour.identity;

import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.Set;
import uk.harbour.web.HarbourException;

/**
 * CSRF protection with one random token per session (the synchroniser-token pattern). Every unsafe
 * request must send it back, in the {@code X-XSRF-TOKEN} header or form field; it stays the same
 * for the whole session, so every open tab and any number of requests at once can use it, and it
 * changes only with the session id ({@link #renew} at sign-in) or with the session (sign-out).
 *
 * <p>Vert.x's CSRFHandler renews its token after every unsafe request, so a second tab, or the
 * second of two requests at once, was refused; and it bound the token to the session id before a
 * sign-in changed that id, so the token a sign-in answer carried was refused on the next request.
 */
public final class CsrfTokenHandler implements Handler<RoutingContext> {

  /** The header and form field the token comes back in, and the context key pages read it from. */
  public static final String FIELD = "X-XSRF-TOKEN";
  /** A readable copy of the token for scripts that prefer a cookie; never checked. */
  public static final String COOKIE = "XSRF-TOKEN";

  static final String SESSION_KEY = "csrfToken";
  private static final String REFUSED = "harbour.csrfRefused";
  private static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");

  private final boolean secureCookies;

  public CsrfTokenHandler(boolean secureCookies) {
    this.secureCookies = secureCookies;
  }

  @Override
  public void handle(RoutingContext ctx) {
    Session session = Objects.requireNonNull(ctx.session(), "the session handler must run first");
    String before = stored(session);
    if (UNSAFE.contains(ctx.request().method().name())) {
      String sent = sent(ctx);
      if (before == null || sent == null || !sameToken(before, sent)) {
        if (!isSignOut(ctx)) {
          ctx.fail(refused());
          return;
        }
        // Signing out nobody is harmless and a retry must work (the first sign-out ended the session
        // and its token), so the sign-out route checks once it knows whether anyone is signed in.
        ctx.put(REFUSED, Boolean.TRUE);
      }
      ctx.put(FIELD, before);
    } else {
      ctx.put(FIELD, before == null ? create(session) : before);
    }
    // The cookie copy follows the token, whatever later handlers (sign-in) do to it.
    ctx.addHeadersEndHandler(v -> {
      String now = ctx.get(FIELD);
      Cookie had = ctx.request().getCookie(COOKIE);
      if (now != null && (had == null || !now.equals(had.getValue()))) {
        ctx.response().addCookie(Cookie.cookie(COOKIE, now).setPath("/").setSecure(secureCookies).setSameSite(CookieSameSite.STRICT));
      }
    });
    ctx.next();
  }

  /** This request's token: the session's, as checked or made by the handler, or renewed since. */
  public static String token(RoutingContext ctx) {
    return ctx.get(FIELD);
  }

  /**
   * A new token for a session whose id has just changed (sign-in): the token from before stops
   * working, so one learnt before sign-in (session fixation) is worthless after it.
   */
  public static String renew(RoutingContext ctx) {
    Session session = ctx.session();
    String token = create(session);
    ctx.put(FIELD, token);
    return token;
  }

  /** True when this request's token was wrong or missing and its route said it would decide ({@link #isSignOut}). */
  static boolean tokenRefused(RoutingContext ctx) {
    return Boolean.TRUE.equals(ctx.get(REFUSED));
  }

  private static boolean isSignOut(RoutingContext ctx) {
    return ctx.request().method() == HttpMethod.DELETE && SessionApi.SIGN_OUT.equals(ctx.normalizedPath());
  }

  public static HarbourException refused() {
    return new HarbourException(403, "csrf_token_invalid", "This page is out of date. Please reload it and try again.");
  }

  private static String create(Session session) {
    String token = Tokens.random();
    // Kept with the session id it was made for: a session whose id changed without a renewal gets a new one.
    session.put(SESSION_KEY, session.id() + "/" + token);
    return token;
  }

  private static String stored(Session session) {
    String value = session.get(SESSION_KEY);
    String prefix = session.id() + "/";
    return value != null && value.startsWith(prefix) ? value.substring(prefix.length()) : null;
  }

  private static String sent(RoutingContext ctx) {
    String header = ctx.request().getHeader(FIELD);
    return header != null ? header : ctx.request().getFormAttribute(FIELD);
  }

  private static boolean sameToken(String expected, String sent) {
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
  }
}
