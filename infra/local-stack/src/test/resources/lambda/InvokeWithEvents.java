import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import io.micronaut.function.aws.proxy.payload1.ApiGatewayProxyRequestEventFunction;
import java.net.HttpCookie;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Run by LambdaPackagesTest with the shaded functions jar and Lambda's own event serializer on the
 * class path: events as API Gateway (REST API, payload 1.0) sends them, read from JSON the way the
 * Java runtime reads them. Signs {@code args[1]} up, then asks for /api/home with the session's
 * cookies arranged as each further argument says: {@code label=header|header…}, where {session}
 * and {user} stand for the cookie values.
 */
public class InvokeWithEvents {
  public static void main(String[] args) throws Exception {
    Path events = Path.of(args[0]);
    String name = args[1];
    var handler = new ApiGatewayProxyRequestEventFunction();
    var serializer =
        LambdaEventSerializers.serializerFor(
            APIGatewayProxyRequestEvent.class, InvokeWithEvents.class.getClassLoader());

    String body =
        "username=" + name + "&email=" + URLEncoder.encode(name + "@example.org", StandardCharsets.UTF_8)
            + "&password=password123";
    String signupJson =
        Files.readString(events.resolve("post-signup.json"))
            .replace("__BODY__", body)
            .replace("__CONTENT_LENGTH__", String.valueOf(body.length()));
    var signup = handler.handleRequest(serializer.fromJson(signupJson), null);
    List<String> setCookies = header(signup, "Set-Cookie");
    System.out.println("signup status=" + signup.getStatusCode() + " set-cookie=" + names(setCookies));
    Map<String, String> jar = new TreeMap<>();
    setCookies.forEach(h -> HttpCookie.parse(h).forEach(c -> jar.put(c.getName(), c.getValue())));

    String homeTemplate = Files.readString(events.resolve("get-home.json"));
    for (String variant : Arrays.asList(args).subList(2, args.length)) {
      String label = variant.substring(0, variant.indexOf('='));
      List<String> cookieHeaders =
          Arrays.stream(variant.substring(label.length() + 1).split("\\|"))
              .map(h -> h.replace("{session}", jar.get("mb_session")).replace("{user}", jar.get("mb_user")))
              .toList();
      String json =
          homeTemplate
              .replace(
                  "[\"__COOKIE_HEADERS__\"]",
                  cookieHeaders.stream().map(InvokeWithEvents::quote).collect(Collectors.joining(", ", "[", "]")))
              .replace("\"__LAST_COOKIE_HEADER__\"", quote(cookieHeaders.getLast()));
      var home = handler.handleRequest(serializer.fromJson(json), null);
      System.out.println(
          "home " + label + " status=" + home.getStatusCode() + " location=" + header(home, "Location"));
    }
  }

  private static String names(List<String> setCookies) {
    return setCookies.stream().map(h -> h.substring(0, h.indexOf('='))).toList().toString();
  }

  private static List<String> header(APIGatewayProxyResponseEvent response, String name) {
    return response.getMultiValueHeaders().entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name))
        .flatMap(e -> e.getValue().stream())
        .toList();
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
