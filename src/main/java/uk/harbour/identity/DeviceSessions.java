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

/**
 * "Stay signed in on this phone" for young people: a long-lived, revocable device cookie whose
 * hash is stored. Revoking access or signing out everywhere makes every older device token void.
 */
public final class DeviceSessions {

  public static final String COOKIE = "harbour.device";

  private final DeviceRepository devices;
  private final CareLeaverRepository careLeavers;
  private final Clock clock;
  private final Duration lifetime;
  private final boolean secureCookies;

  public DeviceSessions(DeviceRepository devices, CareLeaverRepository careLeavers, Clock clock, Duration lifetime, boolean secureCookies) {
    this.devices = Objects.requireNonNull(devices);
    this.careLeavers = Objects.requireNonNull(careLeavers);
    this.clock = Objects.requireNonNull(clock);
    this.lifetime = Objects.requireNonNull(lifetime);
    this.secureCookies = secureCookies;
  }

  /** Issues a device token for this young person and sets its cookie. */
  public Future<Void> remember(RoutingContext ctx, CareLeaver careLeaver) {
    String token = Tokens.random();
    Instant now = clock.instant();
    return devices
        .insert(new DeviceRepository.Device(Tokens.sha256(token), careLeaver.id(), now, now.plus(lifetime)))
        .onSuccess(
            v ->
                ctx.response()
                    .addCookie(
                        Cookie.cookie(COOKIE, token)
                            .setPath("/")
                            .setHttpOnly(true)
                            .setSecure(secureCookies)
                            .setSameSite(CookieSameSite.LAX)
                            .setMaxAge(lifetime.toSeconds())));
  }

  public Future<Optional<SignedIn>> signIn(String token) {
    Instant now = clock.instant();
    return devices
        .find(Tokens.sha256(token))
        .compose(
            found -> {
              if (found.isEmpty() || !now.isBefore(found.get().expiresAt())) {
                return Future.succeededFuture(Optional.empty());
              }
              DeviceRepository.Device device = found.get();
              return careLeavers
                  .find(device.careLeaverId())
                  .map(
                      c ->
                          c.filter(CareLeaver::active)
                              .filter(cl -> device.createdAt().isAfter(cl.sessionsValidAfter()))
                              .map(cl -> new SignedIn(cl.id(), Role.CARE_LEAVER, cl.firstName(), cl.team(), now)));
            });
  }

  /** Forgets this device (sign out on this phone). */
  public Future<Void> forget(RoutingContext ctx) {
    Cookie cookie = ctx.request().getCookie(COOKIE);
    ctx.response().addCookie(Cookie.cookie(COOKIE, "").setPath("/").setMaxAge(0).setHttpOnly(true).setSameSite(CookieSameSite.LAX));
    return cookie == null ? Future.succeededFuture() : devices.delete(Tokens.sha256(cookie.getValue()));
  }

  public Future<Void> forgetAll(String careLeaverId) {
    return devices.deleteAllFor(careLeaverId);
  }
}
