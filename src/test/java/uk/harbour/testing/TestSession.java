package uk.harbour.testing;

import static uk.harbour.testing.RunningHarbour.await;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClientSession;

/**
 * A browser-like client for integration tests: keeps cookies, and fetches a fresh CSRF token
 * before every unsafe request, as Harbour's own pages and scripts do.
 */
public final class TestSession {

  private final RunningHarbour harbour;
  private final WebClientSession client;

  public TestSession(RunningHarbour harbour) {
    this(harbour, harbour.http());
  }

  /** A browser on another computer: {@code http} from {@link RunningHarbour#httpFrom}. */
  public TestSession(RunningHarbour harbour, io.vertx.ext.web.client.WebClient http) {
    this.harbour = harbour;
    this.client = WebClientSession.create(http);
  }

  public HttpResponse<Buffer> get(String path) {
    return await(client.get(path).send());
  }

  public String csrf() {
    return get("/api/csrf").bodyAsJsonObject().getString("token");
  }

  public HttpResponse<Buffer> json(HttpMethod method, String path, Object body) {
    String token = csrf();
    var request = client.request(method, path).putHeader("X-XSRF-TOKEN", token).putHeader("Origin", harbour.baseUrl());
    Buffer buffer = body == null ? Buffer.buffer() : Buffer.buffer(body instanceof String s ? s : io.vertx.core.json.Json.encode(body));
    return await(request.putHeader("Content-Type", "application/json").sendBuffer(buffer));
  }

  public HttpResponse<Buffer> post(String path, Object body) {
    return json(HttpMethod.POST, path, body);
  }

  /** Posts an HTML form, with the CSRF token as a hidden field like the real forms. */
  public HttpResponse<Buffer> form(String path, java.util.Map<String, String> fields) {
    io.vertx.core.MultiMap form = io.vertx.core.MultiMap.caseInsensitiveMultiMap();
    fields.forEach(form::add);
    form.add("X-XSRF-TOKEN", csrf());
    return await(client.post(path).sendForm(form));
  }

  public HttpResponse<Buffer> signInStaff(String username, String password) {
    return post("/api/session", new JsonObject().put("username", username).put("password", password));
  }

  public String cookie(String name) {
    return client.cookieStore().get(false, "127.0.0.1", "/").iterator().hasNext()
        ? java.util.stream.StreamSupport.stream(client.cookieStore().get(false, "127.0.0.1", "/").spliterator(), false)
            .filter(c -> c.name().equals(name))
            .map(io.netty.handler.codec.http.cookie.Cookie::value)
            .findFirst()
            .orElse(null)
        : null;
  }

  /** Every cookie this session holds, as one {@code Cookie} header value (for raw-socket clients). */
  public String cookieHeader() {
    StringBuilder header = new StringBuilder();
    client.cookieStore().get(false, "127.0.0.1", "/").forEach(c -> header.append(c.name()).append('=').append(c.value()).append("; "));
    return header.toString();
  }

  public WebClientSession client() {
    return client;
  }
}
