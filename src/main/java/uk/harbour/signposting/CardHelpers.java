package uk.harbour.signposting;

import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.Helper;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Map;

/**
 * Handlebars helpers for cards, registered on the page engine and on the card renderer alike.
 * Each returns plain text, which Handlebars then escapes like any other value.
 */
public final class CardHelpers {

  private CardHelpers() {}

  /** {@code {{tel phone}}}: a {@code tel:} link target with only the digits. */
  static final Helper<Object> TEL = (value, options) -> value == null ? "" : "tel:" + digits(value.toString());

  /** {@code {{sms number body}}}: an {@code sms:} link target that fills in the word to send. */
  static final Helper<Object> SMS =
      (value, options) -> {
        if (value == null) {
          return "";
        }
        Object body = options.param(0, null);
        String target = "sms:" + digits(value.toString());
        return body == null ? target : target + "?&body=" + URLEncoder.encode(body.toString(), StandardCharsets.UTF_8).replace("+", "%20");
      };

  /** {@code {{pounds value}}}: £1,200 or £12.50. */
  static final Helper<Object> POUNDS = (value, options) -> value == null ? "" : pounds(new BigDecimal(value.toString()));

  /** {@code {{#openNow status}}open{{else}}not open{{/openNow}}}: branches on a card's status. */
  static final Helper<Object> OPEN_NOW =
      (value, options) -> {
        boolean open = value instanceof Map<?, ?> status && Boolean.TRUE.equals(status.get("open"));
        return open ? options.fn() : options.inverse();
      };

  public static void register(Handlebars handlebars) {
    handlebars.registerHelper("tel", TEL);
    handlebars.registerHelper("sms", SMS);
    handlebars.registerHelper("pounds", POUNDS);
    handlebars.registerHelper("openNow", OPEN_NOW);
  }

  /** For the page engine, whose models are JsonObjects: the same helpers, reading JSON too. */
  public static Map<String, Helper<Object>> forPages() {
    Helper<Object> openNow =
        (value, options) -> {
          boolean open =
              (value instanceof io.vertx.core.json.JsonObject json && json.getBoolean("open", false))
                  || (value instanceof Map<?, ?> status && Boolean.TRUE.equals(status.get("open")));
          return open ? options.fn() : options.inverse();
        };
    return Map.of("tel", TEL, "sms", SMS, "pounds", POUNDS, "openNow", openNow);
  }

  static String digits(String phone) {
    return phone.replaceAll("[^0-9+]", "");
  }

  static String pounds(BigDecimal value) {
    DecimalFormat format = new DecimalFormat(value.stripTrailingZeros().scale() > 0 ? "#,##0.00" : "#,##0", DecimalFormatSymbols.getInstance(Locale.UK));
    return "£" + format.format(value);
  }

}
