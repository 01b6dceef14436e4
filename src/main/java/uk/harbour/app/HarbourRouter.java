package uk.harbour.app;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;
import uk.harbour.identity.AuditRoutes;
import uk.harbour.chat.ChatPages;
import uk.harbour.chat.TranscriptRoutes;
import uk.harbour.identity.CsrfTokenHandler;
import uk.harbour.identity.Identity;
import uk.harbour.identity.OnCallInviteRoutes;
import uk.harbour.identity.PeopleRoutes;
import uk.harbour.identity.SecondFactorApi;
import uk.harbour.identity.SessionApi;
import uk.harbour.identity.Totp;
import uk.harbour.identity.Sessions;
import uk.harbour.identity.SignInPages;
import uk.harbour.identity.StaffRoutes;
import uk.harbour.reports.ReportPages;
import uk.harbour.reports.ReportRoutes;
import uk.harbour.routing.OnCallRoutes;
import uk.harbour.rota.RotaPages;
import uk.harbour.rota.RotaRoutes;
import uk.harbour.safety.SafetyRoutes;
import uk.harbour.signposting.SignpostingRoutes;
import uk.harbour.web.AnswerDeadline;
import uk.harbour.web.FailureHandler;
import uk.harbour.web.FormEncodingHandler;
import uk.harbour.web.Pages;
import uk.harbour.web.MalformedRequestHandler;
import uk.harbour.web.NoRouteHandler;
import uk.harbour.web.RequestBodyHandler;
import uk.harbour.web.RequestLogHandler;
import uk.harbour.web.SecurityHeadersHandler;
import uk.harbour.web.StaticFiles;

/** The one route table, used by production and by every integration test. */
public final class HarbourRouter {

  private HarbourRouter() {}

  public static Router create(Vertx vertx, Services services) {
    Router router = Router.router(vertx);
    if (services.config().http().trustProxy()) {
      // Behind the proxy every request comes from it; it sets X-Forwarded-For itself (ops/haproxy.cfg).
      router.allowForward(io.vertx.ext.web.AllowForwardHeaders.X_FORWARD);
    }
    router
        .route()
        .handler(new RequestLogHandler())
        .handler(new AnswerDeadline(services.config().http().requestTimeout().toMillis()))
        .handler(new SecurityHeadersHandler())
        .handler(new MalformedRequestHandler());

    mountOperations(vertx, router, services);
    StaticFiles.mount(router, services.config().webRoot().resolve("static"), services.pages().assetVersion());

    HarbourConfig config = services.config();
    router.route().handler(new RequestBodyHandler(config.http().bodyLimitBytes())).handler(new FormEncodingHandler());
    router
        .route()
        .handler(Sessions.handler(services.sessionStore(), config.http().secureCookies(), config.security().staffAbsolute()))
        .handler(new CsrfTokenHandler(config.http().secureCookies()))
        .handler(services.identity().authentication());

    // API clients fetch the session's token here and send it back as the X-XSRF-TOKEN header on unsafe requests.
    router.get("/api/csrf").handler(ctx -> ctx.json(new JsonObject().put("token", CsrfTokenHandler.token(ctx))));
    mountFeatures(router, services);

    router.route().last().handler(new NoRouteHandler(router));
    router.route().failureHandler(new FailureHandler(services.pages()));
    return router;
  }

  private static void mountFeatures(Router router, Services services) {
    Identity identity = services.identity();
    Pages pages = services.pages();
    new SignInPages(identity, pages).mount(router);
    new SessionApi(identity).mount(router);
    new SecondFactorApi(identity, services.staffRepository(), new Totp(services.clock())).mount(router);
    new StaffRoutes(identity, pages).mount(router);
    new PeopleRoutes(identity, pages, services.config().http().publicUrl()).mount(router);
    new AuditRoutes(services.audit(), identity, pages, services.config().zone()).mount(router);
    new ChatPages(pages).mount(router);
    new TranscriptRoutes(services.chat(), services.audit(), pages, services.clock()).mount(router);
    new OnCallRoutes(services.routing().view()).mount(router);
    new OnCallInviteRoutes(identity, services.config().http().publicUrl(), services.routing().view()::onDutyNow).mount(router);
    new RotaRoutes(services.rota()).mount(router);
    new RotaPages(services.rota(), identity, pages, services.staffPresence()::describe).mount(router);
    new SignpostingRoutes(services.signposting(), services.savedHelp(), services.cardSending(), services.chat(), pages).mount(router);
    new SafetyRoutes(services.safety()).mount(router);
    new ReportRoutes(services.reports().reports()).mount(router);
    new ReportPages(services.reports().reports(), pages).mount(router);
  }

  private static void mountOperations(Vertx vertx, Router router, Services services) {
    // Live answers from an event loop, so it also shows the loops are not stuck.
    HealthChecks live = HealthChecks.create(vertx).register("event-loop", promise -> promise.complete(Status.OK()));
    router.get("/health/live").handler(HealthCheckHandler.createWithHealthChecks(live));
    HealthChecks ready = HealthChecks.create(vertx);
    ready.register(
        "store",
        2000,
        promise ->
            services
                .store()
                .ping()
                .onSuccess(v -> promise.complete(Status.OK()))
                .onFailure(e -> promise.complete(Status.KO(new JsonObject().put("reason", "store unreachable")))));
    // A store that answers but no longer commits, or can no longer write at all, acknowledges no message: not ready either.
    ready.register(
        "commits",
        promise -> promise.complete(
            services.store().failure().isPresent() ? Status.KO(new JsonObject().put("reason", "store cannot write: restart Harbour"))
                : services.store().commitsStalled() ? Status.KO(new JsonObject().put("reason", "store commits stalled"))
                : Status.OK()));
    // Pages compile after start (Pages#compileAll): a template found broken then takes the node out too.
    ready.register(
        "pages",
        promise -> promise.complete(
            services.pages().broken().map(why -> Status.KO(new JsonObject().put("reason", why))).orElse(Status.OK())));
    router.get("/health/ready").handler(HealthCheckHandler.createWithHealthChecks(ready));
    services.metrics().ifPresent(registry -> router.get("/metrics").handler(PrometheusScrapingHandler.create(registry)));
  }
}
